"""Dates, times and numbers as people write them in the page's language.

Django's own formats are close but not what a reader expects on an opportunity: German writes
"Sa., 14. März 2026, 14:00 Uhr", English "Sat, 14 March 2026, 2 p.m.". Numbers need nothing of
ours: `floatformat` already follows the language ("3,4 km" / "3.4 km"). Registered as the template
library `local_formats` (settings.TEMPLATES → OPTIONS → libraries), so templates of every app load it.
"""

from django import template
from django.utils import timezone, translation
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext as _

register = template.Library()

# Per language: weekday with date and time, date alone, time alone (PHP-style, see Django's `date` filter).
FORMATS = {
    "de": {"datetime": r"D., j. F Y, H:i", "date": "j. F Y", "time": "H:i", "clock_suffix": "\u00a0Uhr"},
    "en": {"datetime": "D, j F Y, P", "date": "j F Y", "time": "P", "clock_suffix": ""},
}


def _formats() -> dict:
    language = (translation.get_language() or "de").split("-")[0]
    return FORMATS.get(language, FORMATS["de"])


def _local(value):
    return timezone.localtime(value) if timezone.is_aware(value) else value


@register.filter
def local_datetime(value) -> str:
    """ "Sa., 14. März 2026, 14:00 Uhr" / "Sat, 14 March 2026, 2 p.m."."""
    if not value:
        return ""
    spec = _formats()
    return format_date(_local(value), spec["datetime"]) + spec["clock_suffix"]


@register.filter
def machine_datetime(value) -> str:
    """For <time datetime>: ISO 8601 in local time, whole seconds ("2026-03-14T14:00:00+01:00"; HTML
    allows at most three digits of a second, Django's date:'c' writes six)."""
    if not value:
        return ""
    return _local(value).replace(microsecond=0).isoformat()


@register.filter
def local_date(value) -> str:
    """ "14. März 2026" / "14 March 2026"."""
    if not value:
        return ""
    return format_date(value, _formats()["date"])


@register.simple_tag
def local_period(start, end=None) -> str:
    """A one-off date: "Sa., 14. März 2026, 14:00 bis 16:00 Uhr" / "Sat, 14 March 2026, 2 p.m. to 4 p.m."."""
    if not start:
        return ""
    if not end:
        return local_datetime(start)
    spec = _formats()
    start, end = _local(start), _local(end)
    if start.date() == end.date():
        first = format_date(start, spec["datetime"])
        last = format_date(end, spec["time"]) + spec["clock_suffix"]
    else:
        first, last = local_datetime(start), local_datetime(end)
    return _("%(start)s bis %(end)s") % {"start": first, "end": last}
