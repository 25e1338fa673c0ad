from django import forms
from django.utils.translation import gettext_lazy as _

from engagement.honeypot import HoneypotMixin

from .consent import consent_text
from .models import SearchAlert


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("Wie oft möchten Sie eine Mail bekommen?"),
        choices=SearchAlert.Frequency.choices,
        initial=SearchAlert.Frequency.WEEKLY,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Bitte wählen Sie, wie oft Sie eine Mail bekommen möchten."),
            "invalid_choice": _("Bitte wählen Sie „täglich“ oder „wöchentlich“."),
        },
    )


class AlertForm(HoneypotMixin, FrequencyForm):
    query = forms.CharField(required=False, widget=forms.HiddenInput, max_length=2000)
    email = forms.EmailField(
        label=_("E-Mail-Adresse"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Bitte geben Sie Ihre E-Mail-Adresse an."),
            "invalid": _("Bitte geben Sie eine E-Mail-Adresse wie name@beispiel.de an."),
        },
    )
    consent = forms.BooleanField(
        label=_("Einwilligung"),
        error_messages={"required": _("Ohne Ihre Einwilligung können wir Ihnen keine Mails schicken.")},
    )

    field_order = ["email", "frequency", "consent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = consent_text()
