"""Content written in German, shown in an interface of another language.

Editors and Vereine write pages in German only (README, "Sprachen"): under /en/ the interface is
English, the content stays German. Templates mark every piece of such content with `lang="de"` so
screen readers switch to a German voice (WCAG 3.1.2), and show one note saying the content is German.
Registered as the template library `content_language` (settings.TEMPLATES → OPTIONS → libraries).
"""

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()

CONTENT_LANGUAGE = settings.LANGUAGE_CODE


def content_is_foreign() -> bool:
    """True when the interface speaks another language than the content (German)."""
    return (translation.get_language() or CONTENT_LANGUAGE).split("-")[0] != CONTENT_LANGUAGE


@register.simple_tag
def content_lang():
    """` lang="de"` on an element holding German content, when the interface is not German."""
    return format_html(' lang="{}"', CONTENT_LANGUAGE) if content_is_foreign() else ""


@register.simple_tag
def german_only_note():
    """The note "This content is only available in German." (nothing on German pages)."""
    if not content_is_foreign():
        return ""
    return render_to_string(
        "components/alert.html",
        {"level": "info", "title": _("Dieser Inhalt ist nur auf Deutsch verfügbar.")},
    )
