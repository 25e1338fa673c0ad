from django import forms
from django.utils.translation import gettext_lazy as _

from engagement.honeypot import HoneypotMixin


class AccessibilityFeedbackForm(HoneypotMixin, forms.Form):
    name = forms.CharField(
        label=_("Ihr Name"),
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse"),
        required=False,
        help_text=_("Nur wenn Sie eine Antwort möchten."),
        error_messages={
            "invalid": _("Bitte geben Sie eine E-Mail-Adresse ein, zum Beispiel name@beispiel.de.")
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    location = forms.CharField(
        label=_("Auf welcher Seite ist das Problem?"),
        max_length=500,
        required=False,
        help_text=_("Zum Beispiel die Adresse der Seite oder ihr Titel."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    message = forms.CharField(
        label=_("Was funktioniert nicht?"),
        max_length=5000,
        error_messages={"required": _("Bitte beschreiben Sie das Problem.")},
        widget=forms.Textarea(attrs={"rows": 6}),
    )
