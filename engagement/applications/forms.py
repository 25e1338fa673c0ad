from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from engagement.honeypot import HoneypotMixin

from .consent import CONSENT_TEXTS, CONSENT_VERSION, GUARDIAN_CONSENT_TEXTS, GUARDIAN_CONSENT_VERSION


class ApplicationForm(HoneypotMixin, forms.Form):
    name = forms.CharField(
        label=_("Ihr Name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Bitte geben Sie Ihren Namen an.")},
    )
    email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("Wir schicken Ihnen einen Link zum Bestätigen."),
        error_messages={
            "required": _("Bitte geben Sie Ihre E-Mail-Adresse an."),
            "invalid": _("Bitte geben Sie eine E-Mail-Adresse ein, zum Beispiel name@beispiel.de."),
        },
    )
    phone = forms.CharField(
        label=_("Telefon"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    message = forms.CharField(
        label=_("Ihre Nachricht an die Organisation"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Bitte schreiben Sie ein paar Sätze über sich."),
            "max_length": _("Bitte fassen Sie sich kürzer (höchstens 3000 Zeichen)."),
        },
    )
    availability = forms.CharField(label=_("Wann haben Sie Zeit?"), max_length=300, required=False)
    is_minor = forms.BooleanField(label=_("Ich bin jünger als 18 Jahre."), required=False)
    # Checked as an address in clean(), and only for someone under 18: an adult's stray typing is ignored.
    guardian_email = forms.CharField(
        label=_("E-Mail-Adresse eines Elternteils oder Ihrer Erziehungsberechtigten"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        help_text=_(
            "Nur wenn Sie jünger als 18 sind. Wir bitten Ihre Eltern, Ihre Bewerbung mit einem Link zu "
            "bestätigen. Erst dann geht sie an die Organisation."
        ),
        error_messages={"max_length": _("Diese E-Mail-Adresse ist zu lang.")},
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXTS[CONSENT_VERSION],
        error_messages={"required": _("Ohne Ihre Einwilligung können wir die Bewerbung nicht weitergeben.")},
    )

    def __init__(self, *args, opportunity, **kwargs):
        super().__init__(*args, **kwargs)
        self.opportunity = opportunity
        if not opportunity.minors_welcome:
            del self.fields["guardian_email"]  # asked in clean() with a pointer to offers for the young
        # Art. 13 DSGVO at the moment of collection: purpose, recipient, retention, and the full notice.
        self.fields["consent"].help_text = format_html(
            '{} <a class="kern-link" href="{}">{}</a>',
            _(
                "Ihre Angaben sieht nur %(organisation)s, um sich wegen dieses Angebots bei Ihnen zu "
                "melden. Wir löschen sie spätestens drei Monate nach Abschluss der Bewerbung."
            )
            % {"organisation": opportunity.organisation.name},
            reverse("applications:privacy"),
            _("Datenschutzhinweise zur Bewerbung"),
        )
        if opportunity.minimum_age:
            self.fields["age_confirmed"] = forms.BooleanField(
                label=_("Ich bin mindestens %(age)s Jahre alt.") % {"age": opportunity.minimum_age},
                error_messages={
                    "required": _("Für dieses Angebot müssen Sie mindestens %(age)s Jahre alt sein.")
                    % {"age": opportunity.minimum_age}
                },
            )
        if opportunity.requires_extended_certificate:
            self.fields["requirements_confirmed"] = forms.BooleanField(
                label=_("Ich kann ein erweitertes Führungszeugnis vorlegen."),
                error_messages={
                    "required": _("Für dieses Angebot braucht es ein erweitertes Führungszeugnis.")
                },
            )
        self.order_fields(
            [
                "name",
                "email",
                "phone",
                "message",
                "availability",
                "age_confirmed",
                "requirements_confirmed",
                "is_minor",
                "guardian_email",
                "consent",
                "website",
            ]
        )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("is_minor"):
            cleaned["guardian_email"] = ""
            return cleaned
        if not self.opportunity.minors_welcome:
            self.add_error(
                "is_minor",
                _(
                    "Dieses Angebot ist erst ab 18 Jahren. In der Suche finden Sie Angebote für "
                    "Jugendliche (Filter „Junge Freiwillige“)."
                ),
            )
            return cleaned
        guardian = (cleaned.get("guardian_email") or "").strip().lower()
        if not guardian and not self.has_error("guardian_email"):
            self.add_error(
                "guardian_email",
                _(
                    "Bitte geben Sie die E-Mail-Adresse eines Elternteils oder Ihrer "
                    "Erziehungsberechtigten an."
                ),
            )
        elif guardian:
            try:
                validate_email(guardian)
            except ValidationError:
                self.add_error(
                    "guardian_email",
                    _("Bitte geben Sie eine E-Mail-Adresse ein, zum Beispiel name@beispiel.de."),
                )
                return cleaned
            if guardian == (cleaned.get("email") or "").strip().lower():
                self.add_error(
                    "guardian_email",
                    _("Bitte geben Sie die Adresse eines Elternteils an, nicht Ihre eigene."),
                )
            cleaned["guardian_email"] = guardian
        return cleaned


class GuardianForm(forms.Form):
    """A parent's or guardian's consent to a minor's application (recorded by version and time)."""

    consent = forms.BooleanField(
        label=GUARDIAN_CONSENT_TEXTS[GUARDIAN_CONSENT_VERSION],
        error_messages={
            "required": _("Bitte bestätigen Sie, dass Sie einverstanden sind. Sonst können Sie ablehnen.")
        },
    )


class StatusForm(forms.Form):
    # Not a status: the organisation writes the person and the status stays (still an answer).
    MESSAGE_ONLY = "message"

    status = forms.ChoiceField(
        label=_("Neuer Status"),
        choices=[
            ("accepted", _("Zusagen")),
            ("declined", _("Absagen")),
            (MESSAGE_ONLY, _("Nur eine Nachricht schreiben (Status bleibt)")),
        ],
    )
    message = forms.CharField(
        label=_("Nachricht an die Person (freiwillig)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == self.MESSAGE_ONLY and not cleaned.get("message", "").strip():
            self.add_error("message", _("Bitte schreiben Sie eine Nachricht."))
        return cleaned
