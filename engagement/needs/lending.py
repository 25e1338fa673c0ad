"""The lending calendar of a thing to lend: the coming months, each day free or taken (dates only)."""

import calendar
import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.dates import MONTHS

MONTHS_SHOWN = 3


@dataclass(frozen=True)
class Day:
    date: dt.date
    taken: bool
    past: bool


@dataclass(frozen=True)
class Month:
    name: str
    year: int
    weeks: list  # of 7 items each: a Day, or None outside the month


def taken_days(loans) -> set[dt.date]:
    days = set()
    for loan in loans:
        day = loan.starts_on
        while day <= loan.ends_on:
            days.add(day)
            day += dt.timedelta(days=1)
    return days


def lending_calendar(loans, today=None, months=MONTHS_SHOWN) -> list[Month]:
    """`months` months from today's, weeks from Monday; `loans` with `starts_on` and `ends_on`."""
    today = today or timezone.localdate()
    taken = taken_days(loans)
    shown = []
    year, month = today.year, today.month
    for _ in range(months):
        weeks = [
            [
                Day(date=day, taken=day in taken, past=day < today) if day.month == month else None
                for day in week
            ]
            for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
        ]
        shown.append(Month(name=str(MONTHS[month]), year=year, weeks=weeks))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return shown


def loans_ahead(need, today=None, months=MONTHS_SHOWN):
    """The loans the calendar shows, in one query."""
    today = today or timezone.localdate()
    last = today + dt.timedelta(days=31 * months + 7)
    return list(need.loans.filter(ends_on__gte=today.replace(day=1), starts_on__lte=last))
