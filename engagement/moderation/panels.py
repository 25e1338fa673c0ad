"""What a city's editors see first in the admin: the work waiting in their own city."""

import datetime as dt

from django.db.models import Case, CharField, Count, DateField, F, Q, Value, When
from django.db.models.functions import Cast, Coalesce, Least, TruncDate
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import WorkflowState

from engagement.applications import counts as application_counts
from engagement.cities.access import cities_edited_by
from engagement.opportunities.models import OpportunityPage
from engagement.organisations.models import Invitation, Organisation

from .models import ContentReport

EXPIRY_WINDOW_DAYS = 14


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
                    "statistics": city_statistics(city, listed),
                    "expiring": with_last_listed_day(listed)
                    .filter(last_listed_day__range=(today, soon))
                    .order_by("last_listed_day", "title")[:10],
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


def city_statistics(city, listed):
    """The city's figures at a glance, in three aggregate queries."""
    month_ago = timezone.now() - dt.timedelta(days=30)
    applications = application_counts.city_totals(city)
    organisations = dict(
        Organisation.objects.in_city(city).values_list("verification_state").annotate(n=Count("pk"))
    )
    return {
        "listed": listed.count(),
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
