from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from engagement.cities.models import CityPage
from engagement.cities.sites import city_for_request
from engagement.geo.distance import distance_km
from engagement.opportunities.models import OpportunityPage

from .facets import FACET_CACHE_SECONDS, cached_facet_counts, selection_key
from .filters import OpportunityFilterSet, SearchForm
from .results import RESULT_CAP, ordered_results

PAGE_SIZE = 20


def search(request, section_city=None):
    """Opportunities that are online, narrowed by words, filters and place, in the chosen order."""
    params, site_city = with_site_city(request, section_city)
    form = SearchForm(params)
    filterset = OpportunityFilterSet(params, queryset=OpportunityPage.objects.listed())
    valid = form.is_valid() & filterset.is_valid()
    cities = list(filterset.filters["city"].queryset)
    context = {
        "form": form,
        "filterset": filterset,
        "cities": cities,
        "selected_city_slugs": params.getlist("city"),
        "site_city": site_city,
        "site_city_slugs": [site_city.slug] if site_city else [],
    }
    if not valid:
        context.update(page_obj=Paginator(OpportunityPage.objects.none(), PAGE_SIZE).get_page(1), facets={})
        return render(request, "search/search.html", context, status=400)

    query, near, sort = form.cleaned_data["query"], form.cleaned_data["circle"], form.chosen_sort()
    selection = selection_key(params)
    facets = cached_facet_counts(selection, filterset, cities, near)
    results = ordered_results(filterset.qs, query, sort, near=near, count_limit=RESULT_CAP)

    page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = with_card_relations(page.object_list, near[0] if near else None)
    context.update(
        page_obj=page,
        facets=facets,
        filters_cache_key=f"{selection}:{params.get('sort', '')}",
        filters_cache_seconds=FACET_CACHE_SECONDS,
        query=query,
        sort=sort,
        count_capped=results.capped,
        feed_url=feed_url(params),
    )
    return render(request, "search/search.html", context)


def city_search(request, city_slug):
    """`/<stadt>/suche/`: the same search inside a city's section, starting in that city."""
    return search(request, section_city=get_object_or_404(CityPage.objects.live(), slug=city_slug))


def with_site_city(request, section_city=None):
    """In a city's section or on its own host the search starts in that city; `region=1` (or an empty
    `city`, "In der ganzen Region") searches the whole region."""
    site_city = section_city or city_for_request(request)
    params = request.GET
    if site_city is not None and "city" not in params and not params.get("region"):
        params = params.copy()
        params.setlist("city", [site_city.slug])
    return params, site_city


def feed_url(params):
    """The Atom feed of this search, with the city the section or host chose."""
    query = params.copy()
    query.pop("page", None)
    return f"{reverse('search_feed')}?{query.urlencode()}" if query else reverse("search_feed")


def with_card_relations(results, origin=None):
    """The relations the result cards show, for this page only, in a fixed number of queries."""
    by_pk = OpportunityPage.objects.filter(pk__in=[result.pk for result in results]).for_listing().in_bulk()
    cards = [by_pk[result.pk] for result in results if result.pk in by_pk]
    for card in cards:
        card.distance_km = (
            distance_km(origin, (card.latitude, card.longitude)) if origin and card.has_coordinates else None
        )
    return cards
