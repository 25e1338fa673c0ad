"""Facet counts next to the filter options: how many results each city, topic and schedule would give.

They count the filter selection (cities, topics, place and radius, ...), not the words: with words they
would have to count every hit, which is exactly what the capped result count avoids. One aggregate query
per group over the ids of the filtered rows (no DISTINCT needed, no per-option query). Without words the
same filter selection gives the same counts for every visitor, so they are cached: a generation number,
raised whenever an opportunity or an organisation is saved or deleted, is part of the key, and entries
expire after ``FACET_CACHE_SECONDS`` anyway (offers also drop out of the list by the clock at their
deadline, and bulk updates send no signals).
"""

import hashlib

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from engagement.opportunities.models import OpportunityPage
from engagement.organisations.models import Organisation

FACET_CACHE_SECONDS = 120
GENERATION_KEY = "search:facets:generation"
# Parameters that do not change which rows the filters select.
NOT_FILTERS = {"q", "sort", "page"}


def facet_counts(opportunities, cities):
    """Counts per city slug, category slug and schedule for the filtered `opportunities`."""
    base = OpportunityPage.objects.filter(pk__in=opportunities.values("pk")).order_by()
    slug_of_city = {city.pk: city.slug for city in cities}
    by_city = base.values_list("city_id").annotate(n=Count("pk"))
    return {
        "city": {slug_of_city[pk]: n for pk, n in by_city if pk in slug_of_city},
        "category": dict(base.values_list("categories__slug").annotate(n=Count("pk"))),
        "schedule": dict(base.values_list("schedule_kind").annotate(n=Count("pk"))),
    }


def selection_key(params):
    """A cache key for the filter selection in `params` (the query string) as of the current data:
    words, order and page number are not part of it."""
    selection = sorted((key, sorted(params.getlist(key))) for key in params if key not in NOT_FILTERS)
    digest = hashlib.sha256(repr(selection).encode()).hexdigest()[:32]
    return f"{cache.get_or_set(GENERATION_KEY, 0, None)}:{digest}"


def cached_facet_counts(selection, opportunities, cities):
    """`facet_counts`, cached per filter selection (`selection`: its `selection_key`)."""
    key = f"search:facets:{selection}"
    counts = cache.get(key)
    if counts is None:
        counts = facet_counts(opportunities, cities)
        cache.set(key, counts, FACET_CACHE_SECONDS)
    return counts


def forget_facet_counts():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet (or evicted): any new value starts a fresh generation
        cache.set(GENERATION_KEY, 1, None)


@receiver(post_save, sender=OpportunityPage, dispatch_uid="search_facets_opportunity_saved")
@receiver(post_delete, sender=OpportunityPage, dispatch_uid="search_facets_opportunity_deleted")
@receiver(post_save, sender=Organisation, dispatch_uid="search_facets_organisation_saved")
@receiver(post_delete, sender=Organisation, dispatch_uid="search_facets_organisation_deleted")
def _data_changed(**kwargs):
    # Now, and again after the commit: a request between the two may have cached the old state.
    forget_facet_counts()
    transaction.on_commit(forget_facet_counts)
