"""Short lists of opportunities for the portal, the city pages and the opportunity page.

Each list is one query for its rows plus one for the categories the cards show (``for_listing``),
whatever the number of rows: the home page and the city pages stay at a constant number of queries.
"""

import datetime as dt
from dataclasses import dataclass

from django.core.cache import cache
from django.core.paginator import Page
from django.db.models import Case, ExpressionWrapper, IntegerField, Q, Value, When
from django.db.models.functions import Coalesce, TruncDate
from django.dispatch import receiver
from django.utils import timezone
from wagtail.signals import page_published, page_unpublished

from engagement.counting import CappedPaginator
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
# How many of the newest offers sharing a topic are ranked by the number of topics they share.
SIMILAR_CANDIDATES = 40
CITY_PAGE_SIZE = 12
# The city page counts its offers up to here ("Mehr als 1.000 Angebote", as the search page does).
CITY_COUNT_CAP = 1000
WINDOW_CACHE_SECONDS = 300


def is_new(opportunity, now=None) -> bool:
    published = opportunity.first_published_at
    now = now or timezone.now()
    return published is not None and published >= now - dt.timedelta(days=NEW_FOR_DAYS)


def newest(city=None, limit=6):
    """The most recently published of what citizens may find (in `city`, or the whole region)."""
    return _cached_window("newest", _listed(city).order_by("-first_published_at", "-pk"), limit, city)


def urgently_needed(city=None, limit=3):
    """Still recruiting, and the application deadline or the one-off date is close: soonest first."""
    today = timezone.localdate()
    soon = today + dt.timedelta(days=URGENT_WITHIN_DAYS)
    soon_end = timezone.make_aware(dt.datetime.combine(soon, dt.time.max))
    urgent = (
        _listed(city)
        .filter(
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
        .order_by("urgent_on", "-first_published_at", "-pk")
    )
    return _cached_window("urgent", urgent, limit, city)


def _listed(city):
    listed = OpportunityPage.objects.listed()
    return listed if city is None else listed.filter(city=city)


def _window_key(name, city_id):
    # Offers drop out of the lists by date, so the day is part of the key.
    return f"opportunities:{name}:{city_id or 'all'}:{timezone.localdate().isoformat()}"


def _cached_window(name, ordered, limit, city):
    """The first `limit` rows of `ordered`. Their ids are cached (finding them in 100 000 offers cost up
    to 80 ms per view of the home page); the rows are read again by id under the same conditions, so an
    offer that no longer qualifies (ended, filled, unpublished, its organisation suspended) leaves the
    list at once. Publishing or unpublishing an offer drops the ids (`forget_windows`), so a new offer
    shows at once; anything else that would bring a new offer in shows within `WINDOW_CACHE_SECONDS`."""
    key = _window_key(name, city.pk if city is not None else None)
    ids = cache.get(key)
    if ids is None:
        ids = list(ordered.values_list("pk", flat=True)[:limit])
        cache.set(key, ids, WINDOW_CACHE_SECONDS)
    rows = ordered.filter(pk__in=ids).for_listing().in_bulk()
    return [rows[pk] for pk in ids if pk in rows]


@receiver(page_published)
@receiver(page_unpublished)
def forget_windows(sender, instance, **kwargs):
    if issubclass(sender, OpportunityPage):
        scopes = (None, instance.city_id)
        cache.delete_many([_window_key(name, city_id) for name in ("newest", "urgent") for city_id in scopes])


def similar_to(opportunity, limit=4):
    """Online opportunities sharing a topic, in the same city or nearby: most shared topics first, then
    the newest.

    Ranking every offer that shares a topic (about 5 000 of a city's 33 000) by the number shared cost
    70–110 ms per page view at 100 000 offers. Instead two short queries on the rows' own `category_ids`:
    the offers sharing *every* topic (few; on PostgreSQL found by the GIN index), and the newest
    `SIMILAR_CANDIDATES` sharing any (found by walking the newest first, stopping early), ranked by the
    number shared. Then one query for the cards and their topics.
    """
    topics = [int(pk) for pk in opportunity.category_ids.split()]
    if not topics:
        return []
    place = Q(city_id=opportunity.city_id) if opportunity.city_id else Q(pk__in=[])
    if opportunity.latitude is not None and opportunity.longitude is not None:
        box = bounding_box(opportunity.latitude, opportunity.longitude, SIMILAR_NEARBY_KM)
        place |= Q(
            latitude__range=(box.min_latitude, box.max_latitude),
            longitude__range=(box.min_longitude, box.max_longitude),
        )
    nearby = OpportunityPage.objects.listed().exclude(pk=opportunity.pk).filter(place)
    newest_first = ("-first_published_at", "-pk")
    ranked = []
    if len(topics) > 1:
        ranked += (
            nearby.filter(category_ids__contains=topics)
            .order_by(*newest_first)
            .values_list("pk", flat=True)[:limit]
        )
    shared = sum(
        (Case(When(category_ids__overlaps=[pk], then=Value(1)), default=Value(0)) for pk in topics),
        start=Value(0),
    )
    candidates = (
        nearby.filter(category_ids__overlaps=topics)
        .annotate(shared_topics=ExpressionWrapper(shared, output_field=IntegerField()))
        .order_by(*newest_first)
        .values_list("pk", "shared_topics")[:SIMILAR_CANDIDATES]
    )
    # sorted() keeps the newest first among offers sharing as many topics.
    ranked += [pk for pk, _shared in sorted(candidates, key=lambda row: -row[1]) if pk not in ranked]
    ranked = ranked[:limit]
    cards = OpportunityPage.objects.filter(pk__in=ranked).for_listing().in_bulk()
    return [cards[pk] for pk in ranked]


@dataclass(frozen=True)
class CityListings:
    """What a city's page lists: one page of its current opportunities (newest first) and, on the first
    page, its topics with their counts and what is urgently needed."""

    opportunities: Page
    categories: list
    urgent: list


def city_listings(city, page_number) -> CityListings:
    listed = OpportunityPage.objects.listed().filter(city=city)
    paginator = CappedPaginator(
        listed.for_listing().order_by("-first_published_at", "-pk"), CITY_PAGE_SIZE, cap=CITY_COUNT_CAP
    )
    opportunities = paginator.get_page(page_number)
    if opportunities.number != 1:
        return CityListings(opportunities=opportunities, categories=[], urgent=[])
    counts = category_counts(city=city)
    categories = list(Category.objects.all())
    for category in categories:
        category.opportunity_count = counts.get(category.pk, 0)
    return CityListings(
        opportunities=opportunities, categories=categories, urgent=urgently_needed(city, limit=3)
    )
