"""An iCalendar (.ics) event for a one-off opportunity, attached to the acceptance mail (RFC 5545)."""

import datetime as dt

from django.utils import timezone


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545, 3.1)."""
    parts, current = [], ""
    for char in line:
        if len((current + char).encode()) > (75 if not parts else 74):
            parts.append(current)
            current = ""
        current += char
    parts.append(current)
    return "\r\n ".join(parts)


def ics_for(page) -> str:
    start = page.event_start.astimezone(dt.UTC)
    end = (page.event_end or page.event_start + dt.timedelta(hours=2)).astimezone(dt.UTC)
    place = ", ".join(part for part in (page.street, f"{page.postcode} {page.place}".strip()) if part)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Engagement vernetzt//DE",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:opportunity-{page.pk}-{start:%Y%m%dT%H%M%SZ}@engagement-vernetzt",
        f"DTSTAMP:{timezone.now().astimezone(dt.UTC):%Y%m%dT%H%M%SZ}",
        f"DTSTART:{start:%Y%m%dT%H%M%SZ}",
        f"DTEND:{end:%Y%m%dT%H%M%SZ}",
        f"SUMMARY:{_escape(page.title)}",
        f"LOCATION:{_escape(place)}",
        f"DESCRIPTION:{_escape(page.teaser)}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
