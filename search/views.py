from django.core.paginator import Paginator
from django.shortcuts import render

from engagement.cities.models import CityPage
from engagement.opportunities.models import OpportunityPage

PAGE_SIZE = 20


def search(request):
    """Full-text search over the opportunities that are online, across the region or in chosen cities."""
    query = request.GET.get("q", "").strip()[:200]
    city_slugs = request.GET.getlist("city")
    opportunities = OpportunityPage.objects.listed()
    cities = CityPage.objects.live().order_by("title")
    selected_cities = [city for city in cities if city.slug in city_slugs]
    if selected_cities:
        opportunities = opportunities.filter(city__in=selected_cities)
    if query:
        results = opportunities.search(query)
    else:
        results = opportunities.order_by("-first_published_at", "-pk")
    page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
    # Relations for the result cards, fetched for this page only and in a fixed number of queries.
    page.object_list = _with_card_relations(page.object_list)
    return render(
        request,
        "search/search.html",
        {"query": query, "page_obj": page, "cities": cities, "selected_city_slugs": city_slugs},
    )


def _with_card_relations(results):
    by_pk = OpportunityPage.objects.filter(pk__in=[result.pk for result in results]).for_listing().in_bulk()
    return [by_pk[result.pk] for result in results if result.pk in by_pk]
