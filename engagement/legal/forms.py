from django import forms
from django.utils.translation import gettext_lazy as _


class AccessibilityFeedbackForm(forms.Form):
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
    # Honeypot: hidden from people and assistive technology, filled in only by bots.
    website = forms.CharField(
        label=_("Bitte dieses Feld leer lassen"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))
