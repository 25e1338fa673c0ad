"""The .ics attached to the acceptance mail of a one-off opportunity (RFC 5545).

Its UID carries the start: a moved event is a new appointment in the volunteer's calendar, not a silent
change of one they accepted. The event itself is built as in the subscription feeds
(engagement/opportunities/calendar.py).
"""

import datetime as dt

from engagement.opportunities.calendar import calendar_of, opportunity_event


def ics_for(page) -> str:
    start = page.event_start.astimezone(dt.UTC)
    uid = f"opportunity-{page.pk}-{start:%Y%m%dT%H%M%SZ}@engagement-vernetzt"
    return calendar_of([opportunity_event(page, uid=uid)]).decode()
