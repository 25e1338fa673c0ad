"""The page cache's names for what a public page shows of the offers (engagement/operations/pagecache.py).

- `offers`: every list of offers across the region (portal, search, API lists, the similar offers of an
  offer's page, which may come from any city within 15 km);
- `offers:city:<id>`: a city's page and its lists;
- `organisation:<id>`: the organisation's profile and the pages of its offers;
- `page:<id>` (a page's own content) and `site` (navigation, topics) come from the page cache itself.
"""

from engagement.operations.pagecache import page_tag

OFFERS = "offers"


def offers_in_city(city_id) -> str:
    return f"offers:city:{city_id}"


def organisation_tag(organisation_id) -> str:
    return f"organisation:{organisation_id}"


def offer_tags(page) -> set[str]:
    """Everything that shows the offer: its page, its city's and the region's lists, its organisation."""
    tags = {page_tag(page.pk), OFFERS, organisation_tag(page.organisation_id)}
    if page.city_id:
        tags.add(offers_in_city(page.city_id))
    return tags
