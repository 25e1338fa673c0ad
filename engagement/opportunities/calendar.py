"""Offers as iCalendar events (RFC 5545): the one builder behind the acceptance mail's attachment and
the subscription feeds of searches, cities and organisations.

Times are written in the platform's time zone (Europe/Berlin) with its VTIMEZONE, so a calendar shows
the local time of the event whatever zone its reader is in. The `icalendar` package escapes the texts
and folds long lines; we only choose the fields.
"""

import datetime as dt

import icalendar
from django.utils import timezone

# Without an end the event lasts this long in the volunteer's calendar.
DEFAULT_DURATION = dt.timedelta(hours=2)
PRODUCT_ID = "-//Engagement vernetzt//DE"


def place_of(page) -> str:
    return ", ".join(part for part in (page.street, f"{page.postcode} {page.place}".strip()) if part)


def opportunity_event(page, *, uid, url=None, modified=None) -> icalendar.Event:
    """The event of a one-off offer (`event_start` set)."""
    zone = timezone.get_default_timezone()
    start = page.event_start.astimezone(zone)
    end = (page.event_end or page.event_start + DEFAULT_DURATION).astimezone(zone)
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", (modified or timezone.now()).astimezone(dt.UTC))
    if modified is not None:
        event.add("last-modified", modified.astimezone(dt.UTC))
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", page.title)
    event.add("location", place_of(page))
    event.add("description", page.teaser)
    if url:
        event.add("url", url)
    return event


def calendar_of(events, *, name=None, refresh=None) -> bytes:
    """A calendar of `events`; `name` and `refresh` (a timedelta) for a subscribed feed."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("name", name)
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", str(timezone.get_default_timezone()))
    if refresh:
        calendar.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", refresh)
    for event in events:
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
