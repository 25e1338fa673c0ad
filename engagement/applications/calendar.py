"""An iCalendar (.ics) event for a one-off opportunity, attached to the acceptance mail (RFC 5545)."""

from django.utils import timezone


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def ics_for(page) -> str:
    import datetime as dt

    start = page.event_start.astimezone(dt.UTC)
    end = (page.event_end or page.event_start + dt.timedelta(hours=2)).astimezone(dt.UTC)
    place = ", ".join(part for part in (page.street, f"{page.postcode} {page.place}".strip()) if part)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Engagement vernetzt//DE",
        "BEGIN:VEVENT",
        f"UID:opportunity-{page.pk}@engagement-vernetzt",
        f"DTSTAMP:{timezone.now().astimezone(dt.UTC):%Y%m%dT%H%M%SZ}",
        f"DTSTART:{start:%Y%m%dT%H%M%SZ}",
        f"DTEND:{end:%Y%m%dT%H%M%SZ}",
        f"SUMMARY:{_escape(page.title)}",
        f"LOCATION:{_escape(place)}",
        f"DESCRIPTION:{_escape(page.teaser)}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(lines) + "\r\n"
