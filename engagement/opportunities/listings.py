"""Short lists of opportunities for the portal, the city pages and the opportunity page.

Each list is one query for its rows plus one for the categories the cards show (``for_listing``),
whatever the number of rows: the home page and the city pages stay at a constant number of queries.
"""

import datetime as dt
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from engagement.geo.distance import bounding_box
from engagement.taxonomy.models import Category

from .models import OpportunityPage
from .stats import category_counts

# An opportunity counts as new for two weeks after it was first published ("Neu" badge and list).
NEW_FOR_DAYS = 14
# "Dringend gesucht": volunteers must sign up, or the one-off date takes place, within this many days.
URGENT_WITHIN_DAYS = 14
# Other cities' opportunities within this distance count as "nearby" for similar opportunities.
SIMILAR_NEARBY_KM = 15
CITY_PAGE_SIZE = 12


def is_new(opportunity, now=None) -> bool:
    published = opportunity.first_published_at
    now = now or timezone.now()
    return published is not None and published >= now - dt.timedelta(days=NEW_FOR_DAYS)


def newest(opportunities=None, limit=6):
    """The most recently published of `opportunities` (default: everything citizens may find)."""
    opportunities = OpportunityPage.objects.listed() if opportunities is None else opportunities
    return list(opportunities.for_listing().order_by("-first_published_at", "-pk")[:limit])


def urgently_needed(opportunities=None, limit=3):
    """Still recruiting, and the application deadline or the one-off date is close: soonest first."""
    opportunities = OpportunityPage.objects.listed() if opportunities is None else opportunities
    today = timezone.localdate()
    soon = today + dt.timedelta(days=URGENT_WITHIN_DAYS)
    soon_end = timezone.make_aware(dt.datetime.combine(soon, dt.time.max))
    return list(
        opportunities.filter(
            recruitment_status__in=[
                OpportunityPage.RecruitmentStatus.OPEN,
                OpportunityPage.RecruitmentStatus.FEW_PLACES,
            ]
        )
        .filter(
            Q(application_deadline__lte=soon)
            | Q(schedule_kind=OpportunityPage.ScheduleKind.ONE_OFF, event_start__lte=soon_end)
        )
        .annotate(urgent_on=Coalesce("application_deadline", TruncDate("event_start")))
        .for_listing()
        .order_by("urgent_on", "-first_published_at", "-pk")[:limit]
    )


def similar_to(opportunity, limit=4):
    """Online opportunities sharing a topic, in the same city or nearby: most shared topics first.

    One query for the rows (the topics of `opportunity` are a subquery) and one for the cards' topics.
    """
    topics = Category.objects.filter(opportunities=opportunity.pk).values("pk")
    place = Q(city_id=opportunity.city_id) if opportunity.city_id else Q(pk__in=[])
    if opportunity.latitude is not None and opportunity.longitude is not None:
        box = bounding_box(opportunity.latitude, opportunity.longitude, SIMILAR_NEARBY_KM)
        place |= Q(
            latitude__range=(box.min_latitude, box.max_latitude),
            longitude__range=(box.min_longitude, box.max_longitude),
        )
    return list(
        OpportunityPage.objects.listed()
        .exclude(pk=opportunity.pk)
        .filter(place, categories__in=topics)
        .annotate(shared_topics=Count("categories", distinct=True))
        .for_listing()
        .order_by("-shared_topics", "-first_published_at", "-pk")[:limit]
    )


@dataclass(frozen=True)
class CityListings:
    """What a city's page lists: one page of its current opportunities (newest first) and, on the first
    page, its topics with their counts and what is urgently needed."""

    opportunities: Page
    categories: list
    urgent: list


def city_listings(city, page_number) -> CityListings:
    listed = OpportunityPage.objects.listed().filter(city=city)
    paginator = Paginator(
        OpportunityPage.objects.listed()
        .descendant_of(city)
        .for_listing()
        .order_by("-first_published_at", "-pk"),
        CITY_PAGE_SIZE,
    )
    opportunities = paginator.get_page(page_number)
    if opportunities.number != 1:
        return CityListings(opportunities=opportunities, categories=[], urgent=[])
    counts = category_counts(city=city)
    categories = list(Category.objects.all())
    for category in categories:
        category.opportunity_count = counts.get(category.pk, 0)
    return CityListings(
        opportunities=opportunities, categories=categories, urgent=urgently_needed(listed, limit=3)
    )
