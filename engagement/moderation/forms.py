from django import forms
from django.utils.translation import gettext_lazy as _

from engagement.honeypot import HoneypotMixin

from .models import ContentReport


class ContentReportForm(HoneypotMixin, forms.Form):
    reason = forms.ChoiceField(
        label=_("Was stimmt nicht?"),
        choices=ContentReport.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Bitte wählen Sie einen Grund.")},
    )
    message = forms.CharField(
        label=_("Beschreibung"),
        help_text=_("Bitte schreiben Sie keine persönlichen Daten anderer Menschen hinein."),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": _("Bitte fassen Sie sich kürzer (höchstens %(limit_value)d Zeichen).")},
    )
