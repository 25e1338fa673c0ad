from django import forms
from django.utils.translation import gettext_lazy as _

from engagement.applications.consent import CONSENT_TEXTS, CONSENT_VERSION
from engagement.honeypot import HoneypotMixin

from .models import Loan, NeedPage

LONG_TEXT = _("Bitte fassen Sie sich kürzer (höchstens %(limit_value)d Zeichen).")


class NeedForm(forms.ModelForm):
    """The Verein's form for a need or a thing to lend or give: a draft needs only its title."""

    class Meta:
        model = NeedPage
        fields = [
            "title",
            "kind",
            "resource",
            "description",
            "postcode",
            "place",
            "available_from",
            "available_until",
            "handover",
            "deposit",
            "fee",
            "fee_note",
        ]
        labels = {"title": _("Titel")}
        help_texts = {"title": _("Kurz und genau, zum Beispiel „20 Bierbänke für das Sommerfest“.")}
        widgets = {
            "kind": forms.RadioSelect,
            "resource": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 6}),
            "available_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "available_until": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "postcode": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code"}),
        }
        error_messages = {
            "title": {"required": _("Bitte geben Sie einen Titel an.")},
            "available_from": {"invalid": _("Bitte geben Sie ein Datum wie 2026-12-24 an.")},
            "available_until": {"invalid": _("Bitte geben Sie ein Datum wie 2026-12-24 an.")},
            "deposit": {"invalid": _("Bitte geben Sie einen Betrag in Euro an, zum Beispiel 20 oder 12,50.")},
            "fee": {"invalid": _("Bitte geben Sie einen Betrag in Euro an, zum Beispiel 20 oder 12,50.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].max_length = 120
        self.fields["title"].widget.attrs["maxlength"] = 120
        for name in ("deposit", "fee"):
            # German amounts ("12,50"): a text field with the number keyboard, since a number input
            # neither shows nor takes a decimal comma.
            self.fields[name].localize = True
            self.fields[name].widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
            self.fields[name].widget.is_localized = True

    def _post_clean(self):
        # A draft is checked for consistency only; submission checks completeness (services).
        self.instance.validating_draft = True
        super()._post_clean()

    def page_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class LoanForm(forms.ModelForm):
    class Meta:
        model = Loan
        fields = ["starts_on", "ends_on", "note"]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        error_messages = {
            "starts_on": {
                "required": _("Bitte geben Sie an, ab wann es verliehen ist."),
                "invalid": _("Bitte geben Sie ein Datum wie 2026-12-24 an."),
            },
            "ends_on": {
                "required": _("Bitte geben Sie an, bis wann es verliehen ist."),
                "invalid": _("Bitte geben Sie ein Datum wie 2026-12-24 an."),
            },
        }

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("starts_on"), cleaned.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", _("Das Ende darf nicht vor dem Beginn liegen."))
        return cleaned


class ContactForm(HoneypotMixin, forms.Form):
    """A message to the Verein about a need; nobody's address is shown, the Verein answers by mail."""

    name = forms.CharField(
        label=_("Ihr Name"),
        max_length=150,
        error_messages={"required": _("Bitte geben Sie Ihren Namen an."), "max_length": LONG_TEXT},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse"),
        help_text=_("Der Verein antwortet Ihnen an diese Adresse."),
        error_messages={
            "required": _("Bitte geben Sie Ihre E-Mail-Adresse an."),
            "invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@beispiel.de."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    message = forms.CharField(
        label=_("Ihre Nachricht"),
        max_length=3000,
        help_text=_("Was können Sie anbieten, oder was möchten Sie ausleihen, und wann?"),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Bitte schreiben Sie eine Nachricht."), "max_length": LONG_TEXT},
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXTS[CONSENT_VERSION],
        error_messages={"required": _("Bitte stimmen Sie zu, damit wir Ihre Nachricht weitergeben können.")},
    )
