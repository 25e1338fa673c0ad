"""The honeypot of every public form: a field hidden from people and assistive technology
(`templates/components/honeypot.html`), filled in only by bots.

A form that takes it treats a filled-in honeypot as spam: its service stores nothing and answers as if it
had, so the bot learns nothing.
"""

from django import forms
from django.utils.translation import gettext_lazy as _


class HoneypotMixin(forms.Form):
    """Adds the hidden `website` field; render it with `{% include "components/honeypot.html" with
    field=form.website only %}` and leave it out of the visible fields."""

    website = forms.CharField(
        label=_("Bitte dieses Feld leer lassen"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))
