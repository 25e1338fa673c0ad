"""Background work of the search: keeping the counts of the busiest filter selections ready."""

from celery import shared_task
from django.core.cache import cache

from engagement.cities.models import CityPage

from .query import SearchQuery

# A selection whose counts a worker was asked to count: not asked again meanwhile.
PENDING_KEY = "search:facets:pending:{selection}"
PENDING_SECONDS = 60


@shared_task(name="search.warm_facet_counts", acks_late=True)
def warm_facet_counts() -> int:
    """Count the facets of the selection most searches start from: the whole region without words. Its
    counts are kept per city (search/facets.py), so they serve each city's own host too. Without
    filters they cover every listed offer; run every minute, no visitor waits for them, also not after
    a publication has renewed a city's generation. Idempotent; returns the selections counted."""
    searches = [SearchQuery()]
    for search in searches:
        if search.is_valid:  # the region always is
            search.refresh_facet_counts()
    return len(searches)


@shared_task(name="search.count_facets", acks_late=True)
def count_facets(query_string: str, city_id: int | None = None) -> bool:
    """Count the facets of a selection the search page had no time for (facets.py, "Within a time
    budget"), into the cache, for the next visitor. Idempotent: parts already counted are read from
    the cache. Returns whether the selection was valid (a city deleted meanwhile counts the region)."""
    city = CityPage.objects.filter(pk=city_id).first() if city_id else None
    search = SearchQuery(query_string, city=city)
    if not search.is_valid:
        return False
    try:
        search.facet_counts()
    finally:  # counted, or failed: either way the visitors may try again themselves
        cache.delete(PENDING_KEY.format(selection=search.selection_key))
    return True


def count_facets_later(search: SearchQuery) -> None:
    """Ask a worker to count the facets of `search`, once per selection however many visitors ask
    while it counts (the selection's key changes with every change of an offer in a city)."""
    if cache.add(PENDING_KEY.format(selection=search.selection_key), True, PENDING_SECONDS):
        count_facets.delay(search.params.urlencode(), search.city.pk if search.city else None)


def counts_pending(search: SearchQuery) -> bool:
    """Whether a worker is counting the facets of `search`: its visitors meanwhile take them from the
    cache once they are there and do not count them too (the worker's count has no budget and will
    finish; each visitor's try would stop at the budget, on a core the worker needs)."""
    return cache.get(PENDING_KEY.format(selection=search.selection_key)) is not None
