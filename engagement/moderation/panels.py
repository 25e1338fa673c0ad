"""What a city's editors see first in the admin: the work waiting in their own city.

The work (organisations to check, offers in moderation, reports, offers about to expire) is read on every
visit; the city's figures at a glance are counted once per `FIGURES_CACHE_SECONDS` and city (each is a
count over a third of 100 000 offers or 30 000 applications: together about 1 s on every visit).
"""

import datetime as dt

from django.core.cache import cache
from django.db.models import Case, CharField, Count, DateField, F, Q, Value, When
from django.db.models.functions import Cast, Coalesce, Least, TruncDate
from django.utils import timezone
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.ui.components import Component
from wagtail.models import WorkflowState

from engagement.applications import counts as application_counts
from engagement.cities.access import cities_edited_by
from engagement.opportunities.models import OpportunityPage
from engagement.opportunities.stats import listed_counts
from engagement.organisations.models import Invitation, Organisation

from .models import ContentReport

EXPIRY_WINDOW_DAYS = 14
FIGURES_CACHE_SECONDS = 300


class CityModerationPanel(Component):
    name = "city_moderation"
    template_name = "moderation/city_panel.html"
    order = 90  # before Wagtail's own panels

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        today = timezone.localdate()
        soon = today + dt.timedelta(days=EXPIRY_WINDOW_DAYS)
        cities = []
        for city in cities_edited_by(request.user).order_by("title"):
            listed = OpportunityPage.objects.listed().filter(city=city)
            # Which Vereine keep applicants waiting past the reply promise, and how many: never who.
            overdue = application_counts.overdue_by_organisation(city)
            cities.append(
                {
                    "city": city,
                    "pending_organisations": Organisation.objects.in_city(city)
                    .filter(verification_state=Organisation.VerificationState.PENDING)
                    .order_by("created_at"),
                    "in_moderation": WorkflowState.objects.active()
                    .filter(
                        base_content_type__model="page",
                        # WorkflowState.object_id is text: compare with the page ids as text, in SQL.
                        object_id__in=OpportunityPage.objects.filter(city=city)
                        .annotate(id_text=Cast("pk", CharField()))
                        .values("id_text"),
                    )
                    .count(),
                    "open_reports": ContentReport.objects.open().filter(city=city).count(),
                    "invitations": Invitation.objects.from_cities([city]).aggregate(
                        sent=Count("pk"), accepted=Count("pk", filter=Q(accepted_at__isnull=False))
                    ),
                    "statistics": cached_city_figures(city),
                    "expiring": expiring(listed, today, soon)[:10],
                    "overdue": overdue,
                    "overdue_total": sum(row["count"] for row in overdue),
                }
            )
        return {"cities": cities}


def with_last_listed_day(opportunities):
    """Annotate `last_listed_day`: the last day the offer stays in the public listing, the earliest of its
    end, its application deadline and, for a one-off event, the day of the event (its end, else its start),
    as `OpportunityQuerySet.listed` decides. Empty dates count as "never" (PostgreSQL's LEAST would skip
    them by itself, SQLite's MIN would return nothing)."""
    event_day = Case(
        When(
            schedule_kind=OpportunityPage.ScheduleKind.ONE_OFF,
            then=Coalesce(TruncDate("event_end"), TruncDate("event_start")),
        ),
        output_field=DateField(),
    )
    never = Value(dt.date.max, output_field=DateField())
    days = [Coalesce(day, never) for day in (F("end_date"), F("application_deadline"), event_day)]
    return opportunities.annotate(last_listed_day=Least(*days, output_field=DateField()))


def expiring(listed, first_day, last_day):
    """The listed offers whose last listed day falls between the two days, soonest first.

    The last day is the earliest of three dates, which no index holds. A listed offer has none of them
    in the past, so its last day falls in the window exactly when one of its dates is at most
    `last_day`: that condition, on the indexed columns, narrows the rows before the exact one."""
    last_moment = timezone.make_aware(dt.datetime.combine(last_day, dt.time.max))
    one_soon = (
        Q(end_date__lte=last_day)
        | Q(application_deadline__lte=last_day)
        | Q(schedule_kind=OpportunityPage.ScheduleKind.ONE_OFF, event_start__lte=last_moment)
    )
    return (
        with_last_listed_day(listed.filter(one_soon))
        .filter(last_listed_day__range=(first_day, last_day))
        .order_by("last_listed_day", "title")
    )


def cached_city_figures(city):
    key = f"moderation:city-figures:{city.pk}:{timezone.localdate().isoformat()}"
    figures = cache.get(key)
    if figures is None:
        figures = city_figures(city)
        cache.set(key, figures, FIGURES_CACHE_SECONDS)
    return figures


def city_figures(city):
    """The city's figures at a glance, in three aggregate queries (and the portal's cached counts)."""
    month_ago = timezone.now() - dt.timedelta(days=30)
    applications = application_counts.city_totals(city)
    organisations = dict(
        Organisation.objects.in_city(city).values_list("verification_state").annotate(n=Count("pk"))
    )
    return {
        "listed": listed_counts()["cities"].get(city.pk, 0),
        "published_last_30_days": OpportunityPage.objects.live()
        .filter(city=city, first_published_at__gte=month_ago)
        .count(),
        "organisations_verified": organisations.get(Organisation.VerificationState.VERIFIED, 0),
        "organisations_pending": organisations.get(Organisation.VerificationState.PENDING, 0),
        "organisations_suspended": organisations.get(Organisation.VerificationState.SUSPENDED, 0),
        # Editors see how many people applied, never who: the names are the organisations' business.
        "applications_confirmed": applications["confirmed"],
        "applications_accepted": applications["accepted"],
    }


class CachedPagesSummaryItem(PagesSummaryItem):
    """Wagtail's "N pages" on the admin's home page, counted once per `FIGURES_CACHE_SECONDS` and start
    page: counting the 33 000 pages of a city section cost 100 ms on every visit."""

    def get_context_data(self, parent_context):
        key = f"moderation:pages-summary:{self.request.user.pk}"
        context = cache.get(key)
        if context is None:
            context = super().get_context_data(parent_context)
            cache.set(key, context, FIGURES_CACHE_SECONDS)
        return context
