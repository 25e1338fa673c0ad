"""The page cache's names for what shows needs (engagement/operations/pagecache.py).

- `needs`: every list of needs across the region (the needs search, its feed, the API);
- `needs:city:<id>`: a city's lists of needs;
- `organisation:<id>` (shared with the offers): the organisation's profile shows its needs too.
"""

from engagement.operations.pagecache import page_tag
from engagement.opportunities.cache_tags import organisation_tag

NEEDS = "needs"


def needs_in_city(city_id) -> str:
    return f"needs:city:{city_id}"


def need_tags(page) -> set[str]:
    tags = {page_tag(page.pk), NEEDS, organisation_tag(page.organisation_id)}
    if page.city_id:
        tags.add(needs_in_city(page.city_id))
    return tags
