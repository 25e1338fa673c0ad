"""Background work of the search: keeping the counts of the busiest filter selections ready."""

from celery import shared_task

from engagement.cities.models import CityPage

from .query import SearchQuery


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
    search.facet_counts()
    return True
