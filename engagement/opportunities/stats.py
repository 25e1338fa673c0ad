"""How many opportunities are online per city and per topic: the portal's counts, cached.

Counting 100 000 listed opportunities takes tens of milliseconds (one scan for all counts, see
`_counts_by_city`), too slow for every view of the home page. The counts are cached for a few minutes
and dropped whenever an opportunity is published or unpublished, so a change shows at once.
"""

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count
from django.dispatch import receiver
from django.utils import timezone
from wagtail.signals import page_published, page_unpublished

from .models import OpportunityPage

CACHE_SECONDS = 300


def _cache_key():
    # Opportunities expire by date, so the day is part of the key.
    return f"opportunities:listed-counts:{timezone.localdate().isoformat()}"


def _counts_by_city() -> dict[int, dict]:
    """{city_id: {"total": n, "categories": {category_id: n}}} of what citizens can find, cached.

    One scan for every count of the portal and the city pages: the listed offers grouped by city and
    by the set of topics kept on the row (`category_ids`, a few hundred distinct groups), summed up
    here. Three aggregates (per city, per topic through the link table, per city and topic) cost
    about 200 ms together at 100 000 offers, after every publish.
    """
    by_city = cache.get(_cache_key())
    if by_city is None:
        by_city = {}
        rows = (
            OpportunityPage.objects.listed()
            .order_by()
            .values_list("city", "category_ids")
            .annotate(n=Count("pk"))
            .values_list("city", "category_ids", "n")
        )
        for city_id, category_ids, count in rows:
            counts = by_city.setdefault(city_id, {"total": 0, "categories": {}})
            counts["total"] += count
            for category_id in (category_ids or "").split():
                counts["categories"][int(category_id)] = counts["categories"].get(int(category_id), 0) + count
        cache.set(_cache_key(), by_city, CACHE_SECONDS)
    return by_city


def listed_counts() -> dict[str, dict[int, int]]:
    """{"cities": {city_id: count}, "categories": {category_id: count}} of what citizens can find."""
    by_city = _counts_by_city()
    return {
        "cities": {city_id: counts["total"] for city_id, counts in by_city.items()},
        "categories": category_counts(),
    }


def category_counts(city=None) -> dict[int, int]:
    """{category_id: count} of what citizens can find, in the whole region or in one city (from the
    same cached counts as `listed_counts`)."""
    by_city = _counts_by_city()
    if city is not None:
        return dict(by_city.get(city.pk, {}).get("categories", {}))
    total: dict[int, int] = {}
    for counts in by_city.values():
        for category_id, count in counts["categories"].items():
            total[category_id] = total.get(category_id, 0) + count
    return total


def forget_listed_counts():
    """Now, and again after the commit: a request between the two may have counted the old state (and
    the page cache would keep the page showing it)."""
    key = _cache_key()
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


@receiver(page_published)
@receiver(page_unpublished)
def forget_counts(sender, **kwargs):
    if issubclass(sender, OpportunityPage):
        forget_listed_counts()
