"""Aggregates shared by the reports: counts per calendar month and the median of durations.

A leaf: it knows Django's ORM, nothing of the domain.
"""

import datetime as dt

from django.db.models import Aggregate, Count, DurationField
from django.db.models.functions import TruncMonth
from django.utils import timezone


def count_by_month(queryset, moment_field: str) -> dict[dt.date, int]:
    """{first day of the month: rows whose `moment_field` falls in it}, in one grouped query."""
    return {
        timezone.localtime(month).date() if isinstance(month, dt.datetime) else month: n
        for month, n in queryset.annotate(month=TruncMonth(moment_field))
        .values_list("month")
        .annotate(n=Count("pk"))
        .order_by()
    }


class Median(Aggregate):
    """PostgreSQL's PERCENTILE_CONT(0.5): the median of intervals is an interval."""

    function = "PERCENTILE_CONT"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()
