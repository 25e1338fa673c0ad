"""An iCalendar (.ics) event for a one-off opportunity, attached to the acceptance mail (RFC 5545).

The `icalendar` package escapes the texts and folds long lines; we only choose the fields.
"""

import datetime as dt

import icalendar
from django.utils import timezone

# Without an end the event lasts this long in the volunteer's calendar.
DEFAULT_DURATION = dt.timedelta(hours=2)


def ics_for(page) -> str:
    start = page.event_start.astimezone(dt.UTC)
    end = (page.event_end or page.event_start + DEFAULT_DURATION).astimezone(dt.UTC)
    place = ", ".join(part for part in (page.street, f"{page.postcode} {page.place}".strip()) if part)

    event = icalendar.Event()
    event.add("uid", f"opportunity-{page.pk}-{start:%Y%m%dT%H%M%SZ}@engagement-vernetzt")
    event.add("dtstamp", timezone.now().astimezone(dt.UTC))
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", page.title)
    event.add("location", place)
    event.add("description", page.teaser)

    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Engagement vernetzt//DE")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add_component(event)
    return calendar.to_ical().decode()
