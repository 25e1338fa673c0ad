"""A city's figures for its editors ("Statistik"): counts only, never who applied.

Every figure is one aggregate query over all the chosen cities, whatever the number of months,
categories or rows: the report costs the same with ten opportunities as with a hundred thousand.

Definitions (also shown under the report):
- live: what citizens can find right now (`OpportunityPage.objects.listed()`).
- applications: confirmed applications (double opt-in done), by the month they were confirmed.
- answered: the organisation changed the status (accepted or declined); a change by the applicant
  (withdrawing) is no answer. "Within 7 days" counts among the applications at least 7 days old.
- reply promise per organisation: among the applications confirmed in the period under the city's reply
  promise, those that count (answered, or the promise passed while they were open) and the share of
  them answered within the promise.
- expired unfilled: once published, its last day (end, application deadline or the one-off date) fell
  in the period, and it was neither marked "all places taken" nor given as many acceptances as
  volunteers were wanted.

The report is kept in the cache for `CACHE_SECONDS` (see `cached_city_statistics`): counting all
cities' 100 000 opportunities takes more than a second, and nobody needs the figures to the minute.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.cache import cache
from django.db import connection
from django.db.models import (
    Case,
    DateField,
    F,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Least, TruncDate
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from engagement.applications import counts as application_counts
from engagement.counting import count_by_month
from engagement.hours import counts as hours_counts
from engagement.opportunities.models import OpportunityPage
from engagement.organisations.models import Organisation
from engagement.taxonomy.models import Category

PERIOD_CHOICES = [
    (3, _("Letzte 3 Monate")),
    (6, _("Letzte 6 Monate")),
    (12, _("Letzte 12 Monate")),
    (24, _("Letzte 24 Monate")),
]
DEFAULT_PERIOD_MONTHS = 12
FAR_FUTURE = dt.date(9999, 12, 31)
CACHE_SECONDS = 15 * 60


@dataclass(frozen=True)
class Period:
    """Whole calendar months up to and including today's month."""

    months: int
    today: dt.date

    @property
    def month_starts(self) -> list[dt.date]:
        year, month = self.today.year, self.today.month
        starts = []
        for _month in range(self.months):
            starts.append(dt.date(year, month, 1))
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        return starts[::-1]

    @property
    def start(self) -> dt.date:
        return self.month_starts[0]

    @property
    def start_moment(self) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(self.start, dt.time.min))

    @classmethod
    def last_months(cls, months: int, today: dt.date | None = None) -> "Period":
        return cls(months=months, today=today or timezone.localdate())


@dataclass
class Row:
    label: str
    value: int


@dataclass
class PromiseRow:
    """One organisation's reply promise: applications that count, answered within the promise."""

    organisation: str
    due: int
    within: int

    @property
    def share(self) -> float:
        return round(100 * self.within / self.due, 1)


@dataclass
class CityStatistics:
    period: Period
    live_by_category: list[Row] = field(default_factory=list)
    live_by_schedule: list[Row] = field(default_factory=list)
    organisations_by_month: list[Row] = field(default_factory=list)
    applications_by_month: list[Row] = field(default_factory=list)
    applications_due: int = 0  # confirmed in the period and at least 7 days old
    answered_within_window: int = 0
    answered: int = 0
    median_days_to_answer: float | None = None
    expired_unfilled: int = 0
    hours_confirmed: Decimal = Decimal(0)
    volunteers_with_hours: int = 0
    certificates_issued: int = 0
    promise_by_organisation: list[PromiseRow] = field(default_factory=list)
    counted_at: dt.datetime | None = None

    @property
    def live_total(self) -> int:
        return sum(row.value for row in self.live_by_schedule)

    @property
    def answered_share(self) -> float | None:
        """Share (0–100) answered within 7 days, None while no application is 7 days old."""
        if not self.applications_due:
            return None
        return round(100 * self.answered_within_window / self.applications_due, 1)


def city_statistics(cities, period: Period) -> CityStatistics:
    """The figures for `cities` (a queryset of CityPage) over `period`."""
    report = CityStatistics(period=period)
    listed = OpportunityPage.objects.listed().filter(city__in=cities)
    report.live_by_schedule, report.live_by_category = _live_counts(listed)
    report.organisations_by_month = _by_month(
        count_by_month(
            Organisation.objects.filter(home_city__in=cities, created_at__gte=period.start_moment),
            "created_at",
        ),
        period,
    )
    report.applications_by_month = _by_month(
        application_counts.confirmed_by_month(cities, period.start_moment), period
    )
    answers = application_counts.answer_figures(cities, period.start_moment)
    report.applications_due = answers["due"]
    report.answered_within_window = answers["answered_within_window"]
    report.answered = answers["answered"]
    report.median_days_to_answer = answers["median_days_to_answer"]
    report.expired_unfilled = _expired_unfilled(cities, period)
    hours = hours_counts.city_figures(cities, period.start, period.start_moment)
    report.hours_confirmed = hours["hours"]
    report.volunteers_with_hours = hours["volunteers"]
    report.certificates_issued = hours["certificates"]
    report.promise_by_organisation = [
        PromiseRow(row["organisation"], row["due"], row["within"])
        for row in application_counts.promise_kept_by_organisation(cities, period.start_moment)
    ]
    report.counted_at = timezone.now()
    return report


def cached_city_statistics(cities, period: Period) -> CityStatistics:
    """`city_statistics`, counted at most once every `CACHE_SECONDS` per selection.

    The key names everything the figures depend on: the chosen cities (their ids, sorted: one city for
    an editor, all for "all cities"), the period's length and its day (a new day starts a new period,
    so yesterday's figures are never served for today's), and the language (month and schedule
    labels are translated when counted). Who asks is not part of it: the view chooses the cities
    among those the user edits, so an editor only ever reads keys of their own city, and an
    administrator looking at Bretten reads the same figures as Bretten's editors.

    Nothing deletes an entry when an application, answer, organisation or opportunity changes: the
    figures depend on too many models for signals to catch every change. They are at most
    `CACHE_SECONDS` old instead; the report says when they were counted (`counted_at`). Figures are
    not summed over cities from cached single-city reports, because medians do not add up.
    """
    city_ids = ",".join(str(pk) for pk in sorted(city.pk for city in cities))
    key = f"moderation:city-statistics:{city_ids}:{period.months}:{period.today.isoformat()}:{get_language()}"
    report = cache.get(key)
    if report is None:
        report = city_statistics(cities, period)
        cache.set(key, report, CACHE_SECONDS)
    return report


def _live_counts(listed) -> tuple[list[Row], list[Row]]:
    """Live opportunities by schedule kind and by topic, in one query that finds them once.

    The listed set (a third of 100 000 pages for one city) is the expensive part; a CTE named twice is
    computed once by PostgreSQL. Topics are counted on the link table, where each pair is unique.
    """
    # No ORDER BY (pages sort by tree path): sorting 100 000 rows for a count only costs time.
    listed_sql, params = listed.order_by().values("pk", "schedule_kind").query.sql_with_params()
    links = OpportunityPage.categories.through._meta.db_table
    sql = f"""
        WITH live (id, schedule_kind) AS ({listed_sql})
        SELECT 'kind', schedule_kind, COUNT(*) FROM live GROUP BY schedule_kind
        UNION ALL
        SELECT 'topic', CAST(link.category_id AS TEXT), COUNT(*)
        FROM live JOIN {links} link ON link.opportunitypage_id = live.id
        GROUP BY link.category_id
    """
    counts = {"kind": {}, "topic": {}}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for group, key, number in cursor.fetchall():
            counts[group][key] = number
    by_kind = [
        Row(str(label), counts["kind"].get(kind, 0)) for kind, label in OpportunityPage.ScheduleKind.choices
    ]
    by_topic = [Row(topic.name, counts["topic"].get(str(topic.pk), 0)) for topic in Category.objects.all()]
    return by_kind, by_topic


def _by_month(counts: dict[dt.date, int], period: Period) -> list[Row]:
    return [Row(month_label(start), counts.get(start, 0)) for start in period.month_starts]


def month_label(start: dt.date) -> str:
    return date_format(start, "YEAR_MONTH_FORMAT")


def _expired_unfilled(cities, period: Period) -> int:
    one_off_day = Case(
        When(
            schedule_kind=OpportunityPage.ScheduleKind.ONE_OFF,
            then=TruncDate(Coalesce("event_end", "event_start")),
        ),
        default=Value(FAR_FUTURE),
        output_field=DateField(),
    )
    far = Value(FAR_FUTURE, output_field=DateField())
    return (
        OpportunityPage.objects.filter(city__in=cities, first_published_at__isnull=False)
        .exclude(recruitment_status=OpportunityPage.RecruitmentStatus.FILLED)
        .annotate(
            last_day=Least(Coalesce("end_date", far), Coalesce("application_deadline", far), one_off_day),
            accepted=application_counts.accepted_count(),
        )
        .filter(last_day__gte=period.start, last_day__lt=period.today, accepted__lt=F("volunteers_needed"))
        .count()
    )
