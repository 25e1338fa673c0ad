"""The .ics of one booked shift (attached to its reminder), built like the offers' events
(engagement/opportunities/calendar.py). The UID carries the shift and its start: a moved shift is a new
appointment in the volunteer's calendar."""

import datetime as dt

import icalendar
from django.utils import timezone

from engagement.opportunities.calendar import calendar_of


def shift_ics(shift, *, title: str) -> str:
    zone = timezone.get_default_timezone()
    start = shift.starts_at.astimezone(dt.UTC)
    event = icalendar.Event()
    event.add("uid", f"shift-{shift.pk}-{start:%Y%m%dT%H%M%SZ}@engagement-vernetzt")
    event.add("dtstamp", timezone.now().astimezone(dt.UTC))
    event.add("dtstart", shift.starts_at.astimezone(zone))
    event.add("dtend", shift.ends_at.astimezone(zone))
    event.add("summary", f"{title}: {shift.role}" if shift.role else title)
    event.add("location", shift.where)
    if shift.requirements:
        event.add("description", shift.requirements)
    return calendar_of([event]).decode()
