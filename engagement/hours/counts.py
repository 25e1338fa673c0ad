"""Counts of hours and Nachweise for a city's figures: numbers only, never who (the statistics report)."""

import datetime as dt
from decimal import Decimal

from django.db.models import Count, Q, Sum

from .models import Certificate, HoursEntry


def city_figures(cities, start: dt.date, start_moment: dt.datetime) -> dict:
    """Confirmed hours and volunteers with hours (entries dated from `start`), Nachweise issued since
    `start_moment`, for offers in `cities`: one aggregate query each."""
    entries = HoursEntry.objects.filter(application__opportunity__city__in=cities, date__gte=start)
    hours = entries.aggregate(
        hours=Sum("hours", filter=Q(attended=True)),
        volunteers=Count("application", filter=Q(attended=True), distinct=True),
    )
    issued = Certificate.objects.filter(
        city__in=cities, issued_at__gte=start_moment, status=Certificate.Status.ISSUED
    ).count()
    return {
        "hours": hours["hours"] or Decimal(0),
        "volunteers": hours["volunteers"],
        "certificates": issued,
    }
