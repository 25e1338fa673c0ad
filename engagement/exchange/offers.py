"""What the exports publish: the offers citizens can find, with what their pages and the API show.

Only public data: no contact person, telephone or e-mail of the offer (a person's data; citizens reach
them through the application form), no e-mail or telephone of the organisation, nothing of applicants.
Both exports read the offers through `exported_offers`, in a fixed number of queries per chunk of rows.
"""

import re
from urllib.parse import urlsplit

from django.conf import settings

from engagement.opportunities.models import OpportunityPage

CHUNK_SIZE = 500
RELATIONS = ("categories", "activities", "target_groups", "suitable_for")


def exported_offers(city=None):
    """Listed offers (live, verified organisation, not over), by organisation, then oldest first."""
    offers = OpportunityPage.objects.listed()
    if city is not None:
        offers = offers.filter(city=city)
    return (
        offers.select_related("organisation")
        .prefetch_related("city", *RELATIONS)
        .order_by("organisation__name", "organisation_id", "pk")
    )


def iterate(offers):
    """The rows one chunk at a time (prefetching per chunk): memory stays flat for any number of offers."""
    return offers.iterator(chunk_size=CHUNK_SIZE)


OWN_ID = re.compile(r"^opportunity-(\d{1,9})@(.+)$")  # nine digits: within the id column


def own_host() -> str:
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def source_id_of(page) -> str:
    """The id an exchange partner knows the offer by: the id of its own source for an imported offer
    (so a chain of platforms keeps one id), else ours: the page's id at this installation's host."""
    return page.source_id or f"opportunity-{page.pk}@{own_host()}"


def own_page_id(source_id: str) -> int | None:
    """The page id, if `source_id` is one this installation gave out (its own export read back in)."""
    match = OWN_ID.match(source_id)
    return int(match.group(1)) if match and match.group(2) == own_host() else None
