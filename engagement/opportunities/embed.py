"""The code a Verein or a city pastes on its own website to show its offers there: a frame with the
widget (search/widget.py) and the small script that sizes it. Shown, with a preview, in "Mein Verein"
(an organisation's offers) and in the admin (a city's offers, narrowed by topic if wished).

The frame works alone (a fixed height, scrolling inside); with the script it grows to its content.
"""

from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

DEFAULT_SIZE = 5
MAX_SIZE = 20
FRAME_HEIGHT_PX = 640


def size_field():
    """`size`, the number of offers the widget shows: the widget's parameter and the option here."""
    return forms.IntegerField(
        label=_("Anzahl der Angebote"),
        min_value=1,
        max_value=MAX_SIZE,
        required=False,
        help_text=_("Höchstens %(limit)s.") % {"limit": MAX_SIZE},
        widget=forms.NumberInput(attrs={"min": 1, "max": MAX_SIZE}),
        error_messages={
            "invalid": _("Bitte geben Sie die Anzahl der Angebote als ganze Zahl an."),
            "min_value": _("Das Widget zeigt mindestens 1 Angebot."),
            "max_value": _("Das Widget zeigt höchstens %(limit_value)s Angebote."),
        },
    )


class SnippetOptionsForm(forms.Form):
    """What the embedding site may choose: the widget's language and how many offers it shows."""

    language = forms.ChoiceField(label=_("Sprache des Widgets"), choices=settings.LANGUAGES, required=False)
    size = size_field()

    def __init__(self, data=None, *, language=None, **kwargs):
        kwargs.setdefault("initial", {"language": language or settings.LANGUAGE_CODE, "size": DEFAULT_SIZE})
        super().__init__(data, **kwargs)
        self.is_valid()  # a field that is wrong keeps its default below; its message shows

    def option(self, name, default):
        return (self.cleaned_data.get(name) if hasattr(self, "cleaned_data") else None) or default


def widget_url(request, params, language, size):
    """The widget's absolute address for `params` (the search's query string, a dict) in `language`."""
    query = {**params, **({"size": size} if size != DEFAULT_SIZE else {})}
    with override(language):
        path = reverse("widget")
    return request.build_absolute_uri(f"{path}?{urlencode(query, doseq=True)}" if query else path)


def snippet(request, params, title, language=None, size=DEFAULT_SIZE):
    """The HTML to paste: the frame (named by `title` for screen readers) and the sizing script."""
    language = language or settings.LANGUAGE_CODE
    return format_html(
        '<iframe src="{}" title="{}" data-engagement-widget loading="lazy" '
        'style="width: 100%; height: {}px; border: 0;"></iframe>\n'
        '<script src="{}" async></script>',
        widget_url(request, params, language, size),
        title,
        FRAME_HEIGHT_PX,
        request.build_absolute_uri(reverse("widget_script")),
    )
