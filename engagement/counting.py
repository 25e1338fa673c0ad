"""Counting rows: counts per calendar month and the median of durations (the reports), and a paginator
whose count stops at a cap (long public lists).

A leaf: it knows Django's ORM, nothing of the domain.
"""

import datetime as dt

from django.core.paginator import Paginator
from django.db.models import Aggregate, Count, DurationField
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.functional import cached_property


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


class CappedPaginator(Paginator):
    """Django's paginator, but its count stops at `cap` rows: `capped` tells that there are more.

    Counting every one of 33 000 offers of a city costs a scan of all of them (about 100 ms at 100 000
    offers) on every view of the list, where finding the 12 shown walks an index and stops. Counting at
    most `cap + 1` rows costs little; the page then says "more than `cap`", and the pages reach as far
    as the cap (as the search page's do).
    """

    def __init__(self, object_list, per_page, cap, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.cap = cap

    @cached_property
    def capped_count(self):
        counted = self.object_list.order_by()[: self.cap + 1].count()
        return min(counted, self.cap), counted > self.cap

    @cached_property
    def count(self):
        return self.capped_count[0]

    @property
    def capped(self):
        return self.capped_count[1]
