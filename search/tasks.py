"""Background work of the search: keeping the counts of the busiest filter selections ready."""

from celery import shared_task

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
