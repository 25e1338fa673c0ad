"""The search page: `/suche/` and, inside a city's section, `/<stadt>/suche/` (see query.py)."""

import datetime as dt

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from engagement.cities.models import CityPage
from engagement.operations.pagecache import SITE, cache_publicly
from engagement.opportunities.cache_tags import OFFERS
from engagement.opportunities.page_cache import listings_change_at

from .facets import FACET_CACHE_SECONDS, GROUPS
from .filters import YES
from .query import SearchQuery
from .results import RESULT_CAP
from .tasks import count_facets_later, counts_pending

PAGE_SIZE = 20
# A page whose filter counts are still being counted stays in the page cache this long at most.
COUNTS_PENDING_SECONDS = 5
# What the search's tabs (offers, needs) share: switching tabs keeps the words, the cities and the place.
TAB_PARAMETERS = {"q", "city", "near", "radius", "region"}


def tab_query(params) -> str:
    shared = params.copy()
    for name in list(shared.keys()):
        if name not in TAB_PARAMETERS:
            del shared[name]
    return shared.urlencode()


def search(request, section_city=None):
    """Opportunities that are online, narrowed by words, filters and place, in the chosen order."""
    if request.GET.get("barrier_free") in YES:
        return redirect_older_filter(request)
    search_query = SearchQuery.for_request(request, section_city)
    context = {
        "search": search_query,
        "form": search_query.form,
        "filterset": search_query.filterset,
        "cities": search_query.cities,
        "selected_city_slugs": search_query.params.getlist("city"),
        "site_city": search_query.city,
        "site_city_slugs": [search_query.city.slug] if search_query.city else [],
        "finder_url": reverse("city_finder", args=[section_city.slug]) if section_city else reverse("finder"),
        "tab_query": tab_query(request.GET),
    }
    if not search_query.is_valid:
        context.update(page_obj=Paginator([], PAGE_SIZE).get_page(1), facets={group: {} for group in GROUPS})
        return render(request, "search/search.html", context, status=400)

    counting = search_query.facet_counts_alongside(
        budget_ms=settings.SEARCH_FACET_BUDGET_MS, count=not counts_pending(search_query)
    )
    page = search_query.page(request.GET.get("page"), PAGE_SIZE, count_limit=RESULT_CAP)
    facets = counting.result()
    if facets is None:
        count_facets_later(search_query)
    context.update(
        page_obj=page,
        # Without counts (still being counted) the panel is not cached: the next visitor gets them.
        facets=facets if facets is not None else {group: {} for group in GROUPS},
        filters_cache_key=(
            f"{search_query.selection_key}:{search_query.params.get('sort', '')}"
            if facets is not None
            else None
        ),
        filters_cache_seconds=FACET_CACHE_SECONDS,
        query=search_query.words,
        sort=search_query.sort(),
        count_capped=page.paginator.object_list.capped,
        feed_url=search_query.feed_url(),
        calendar_url=search_query.calendar_url(),
        alert_url=search_query.feed_url("alerts:new"),
    )
    changes_at = listings_change_at()
    if facets is None:  # kept briefly: by then a worker has counted them
        soon = timezone.now() + dt.timedelta(seconds=COUNTS_PENDING_SECONDS)
        changes_at = min(changes_at, soon) if changes_at else soon
    return cache_publicly(render(request, "search/search.html", context), {SITE, OFFERS}, changes_at)


def redirect_older_filter(request):
    """`?barrier_free=1` (the one accessibility checkbox before there were several) is step-free access
    now: a permanent redirect, so that the page shows the box that is ticked."""
    params = request.GET.copy()
    del params["barrier_free"]
    if "step_free" not in params.getlist("inclusion"):
        params.appendlist("inclusion", "step_free")
    return HttpResponsePermanentRedirect(f"{request.path}?{params.urlencode()}")


def city_search(request, city_slug):
    """`/<stadt>/suche/`: the same search inside a city's section, starting in that city."""
    return search(request, section_city=get_object_or_404(CityPage.objects.live(), slug=city_slug))
