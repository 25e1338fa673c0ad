"""The ordered result list behind the search page and the JSON API (one place, so both agree)."""

from engagement.opportunities.models import OpportunityPage

from .compounds import ranked_pks

ORDERINGS = {
    "newest": ["-first_published_at", "-pk"],
    "deadline": ["application_deadline", "-first_published_at"],
    "date": ["event_start", "-first_published_at"],
    "distance": ["distance_sq", "pk"],
}


class PageRef:
    """A result known by its id only; the cards load their rows for one page at a time."""

    def __init__(self, pk):
        self.pk = pk


def ordered_results(opportunities, query, sort):
    """Filtered opportunities narrowed by the words (full text plus compound parts), in the chosen order."""
    if not query:
        return opportunities.order_by(*ORDERINGS.get(sort, ORDERINGS["newest"]))
    matches = OpportunityPage.objects.filter(pk__in=opportunities.values("pk")).search(
        query, order_by_relevance=sort == "relevance"
    )
    pks = ranked_pks(opportunities, query, matches)
    if sort == "relevance":
        return [PageRef(pk) for pk in pks]
    return opportunities.filter(pk__in=pks).order_by(*ORDERINGS[sort])
