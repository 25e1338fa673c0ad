"""Who came to a shift, confirmed on its roster: every booked person is ticked with the shift's length by
default; the Verein corrects single people or unticks them ("nicht erschienen", never shown publicly).
The hours themselves are engagement/hours' (`record_attendance`, the one way hours are confirmed).

A group booking (a family, a company team) is one application: its hours are hours *per person* of the
booking, as they would be on each member's certificate; the roster adds them up to person-hours
(hours × party size) for the Verein's own count.
"""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from engagement.hours.models import HoursEntry
from engagement.hours.services import Attendance, record_attendance

from ..models import Shift, ShiftBooking

MAX_DAY_HOURS = Decimal(24)


def attendance_day(shift: Shift) -> dt.date:
    return timezone.localdate(shift.starts_at)


def is_due(shift: Shift, today: dt.date | None = None) -> bool:
    """Attendance is confirmed on the shift's day or after it, never before."""
    return attendance_day(shift) <= (today or timezone.localdate())


def default_hours(shift: Shift) -> Decimal:
    """The shift's length in hours, to the quarter hour, at most a day."""
    seconds = Decimal((shift.ends_at - shift.starts_at).total_seconds())
    quarters = (seconds / 900).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return min(max(quarters / 4, Decimal("0.25")), MAX_DAY_HOURS).quantize(Decimal("0.01"))


def entry_label(shift: Shift) -> str:
    """The task on the volunteer's record and certificate: the shift's role (or the offer) and its time.
    Independent of the language of whoever confirms, so sending the roster again finds the same entry."""
    start, end = timezone.localtime(shift.starts_at), timezone.localtime(shift.ends_at)
    when = f"{start:%d.%m.%Y}, {start:%H:%M}–{end:%H:%M}"
    return f"{(shift.role or shift.opportunity.title)[:170]}, {when}"


def attendable(bookings):
    """The booked (not waiting, not cancelled) bookings of confirmed applications."""
    return [
        booking
        for booking in bookings
        if booking.state == ShiftBooking.State.BOOKED and booking.application.confirmed_at is not None
    ]


def recorded(shift: Shift, bookings) -> dict[int, HoursEntry]:
    """The entries already confirmed for this shift, by application id (one query)."""
    entries = HoursEntry.objects.filter(
        application__in=[booking.application_id for booking in bookings],
        period=HoursEntry.Period.DAY,
        date=attendance_day(shift),
        label=entry_label(shift),
    )
    return {entry.application_id: entry for entry in entries}


def person_hours(bookings, entries: dict[int, HoursEntry]) -> Decimal:
    """Confirmed hours of everyone who came: hours per person × the booking's party size."""
    return sum(
        (
            entries[booking.application_id].hours * booking.party_size
            for booking in bookings
            if booking.application_id in entries and entries[booking.application_id].attended
        ),
        Decimal(0),
    )


def confirm(shift: Shift, rows, confirmed_by) -> list[HoursEntry]:
    """`rows`: (booking, came, hours per person). All or nothing; again corrects, never doubles."""
    day, label = attendance_day(shift), entry_label(shift)
    return record_attendance(
        shift.opportunity.organisation,
        [
            Attendance(booking.application, day, hours if came else Decimal(0), came, label)
            for booking, came, hours in rows
        ],
        confirmed_by,
    )
