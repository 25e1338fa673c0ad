"""How many applications, never who: the only door to the applications' figures for other apps.

The city panel, the statistics report and the Verein overview read their numbers here, so that no module
outside this app imports the model that holds applicants' personal data.
"""

import datetime as dt
import statistics as pystatistics

from django.db import connection
from django.db.models import Count, DurationField, ExpressionWrapper, F, Q
from django.utils import timezone

from engagement.counting import Median, count_by_month

from .models import Application
from .services import replies

ANSWER_WINDOW = dt.timedelta(days=7)


def city_totals(city) -> dict[str, int]:
    """Confirmed applications to the city's opportunities, and the accepted ones."""
    return {
        "confirmed": Application.objects.confirmed().filter(opportunity__city=city).count(),
        "accepted": Application.objects.filter(
            opportunity__city=city, status=Application.Status.ACCEPTED
        ).count(),
    }


def waiting_by_organisation(organisations) -> dict[int, int]:
    """{organisation id: confirmed applications still waiting for an answer}."""
    return dict(
        Application.objects.confirmed()
        .filter(opportunity__organisation__in=organisations, status=Application.Status.REQUESTED)
        .values_list("opportunity__organisation")
        .annotate(n=Count("pk"))
    )


def accepted_count():
    """An annotation for opportunities: how many of their applications were accepted."""
    return Count("applications", filter=Q(applications__status=Application.Status.ACCEPTED))


def _confirmed(cities, since: dt.datetime):
    return Application.objects.confirmed().filter(opportunity__city__in=cities, confirmed_at__gte=since)


def confirmed_by_month(cities, since: dt.datetime) -> dict[dt.date, int]:
    """Applications confirmed since `since` in `cities`, by the month they were confirmed."""
    return count_by_month(_confirmed(cities, since), "confirmed_at")


def answer_figures(cities, since: dt.datetime) -> dict:
    """Due, answered within 7 days, answered and the median wait in days, in one query.

    Among the applications confirmed since `since`: "due" are those at least 7 days old. Answered means
    what services/replies.py says (`answered_at`: the organisation's first status change or message).
    """
    answered = (
        _confirmed(cities, since)
        .annotate(first_answer=F("answered_at"))
        .annotate(
            waited=ExpressionWrapper(F("first_answer") - F("confirmed_at"), output_field=DurationField())
        )
    )
    due = Q(confirmed_at__lte=timezone.now() - ANSWER_WINDOW)
    figures = {
        "due": Count("pk", filter=due),
        "within": Count("pk", filter=due & Q(waited__lte=ANSWER_WINDOW)),
        "answered": Count("pk", filter=Q(first_answer__isnull=False)),
    }
    if connection.vendor == "postgresql":
        figures["median"] = Median("waited", filter=Q(first_answer__isnull=False))
    result = answered.aggregate(**figures)
    if connection.vendor == "postgresql":
        waited = result["median"]
    else:  # SQLite (the quick start) has no percentile: the durations in one query, the median in Python
        durations = [
            value for value in answered.values_list("waited", flat=True).order_by() if value is not None
        ]
        waited = pystatistics.median(durations) if durations else None
    return {
        "due": result["due"],
        "answered_within_window": result["within"],
        "answered": result["answered"],
        "median_days_to_answer": None if waited is None else round(waited.total_seconds() / 86400, 1),
    }


def promise_kept_by_organisation(cities, since: dt.datetime) -> list[dict]:
    """Per organisation with offers in `cities`: of the applications confirmed since `since` under a reply
    promise, how many count ("due": answered, or the promise passed while they were open) and how many
    were answered within it. One grouped query; counts and organisation names only."""
    now = timezone.now()
    counted = Q(answered_at__isnull=False) | (
        Q(reply_due_at__lte=now) & (Q(closed_at__isnull=True) | Q(closed_at__gte=F("reply_due_at")))
    )
    return list(
        _confirmed(cities, since)
        .filter(reply_due_at__isnull=False)
        .filter(counted)
        .values("opportunity__organisation", organisation=F("opportunity__organisation__name"))
        .annotate(due=Count("pk"), within=Count("pk", filter=Q(answered_at__lte=F("reply_due_at"))))
        .order_by("organisation", "opportunity__organisation")
    )


def overdue_by_organisation(city) -> list[dict]:
    """Organisations with applications to the city's offers left unanswered past the reply promise:
    name, profile slug and how many, most first. Never who applied."""
    return list(
        replies.overdue()
        .filter(opportunity__city=city)
        .values(
            "opportunity__organisation",
            organisation=F("opportunity__organisation__name"),
            slug=F("opportunity__organisation__slug"),
        )
        .annotate(count=Count("pk"))
        .order_by("-count", "organisation")
    )
