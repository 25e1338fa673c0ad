from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import render

from engagement.geo.distance import distance_km
from engagement.opportunities.models import OpportunityPage

from .filters import DEFAULT_RADIUS_KM, OpportunityFilterSet, SearchForm, within_radius
from .results import ordered_results

PAGE_SIZE = 20


def search(request):
    """Opportunities that are online, narrowed by words, filters and place, in the chosen order."""
    form = SearchForm(request.GET)
    filterset = OpportunityFilterSet(request.GET, queryset=OpportunityPage.objects.listed())
    valid = form.is_valid() & filterset.is_valid()
    context = {
        "form": form,
        "filterset": filterset,
        "cities": filterset.filters["city"].queryset,
        "selected_city_slugs": request.GET.getlist("city"),
    }
    if not valid:
        context.update(page_obj=Paginator(OpportunityPage.objects.none(), PAGE_SIZE).get_page(1), facets={})
        return render(request, "search/search.html", context, status=400)

    query = form.cleaned_data["q"].strip()
    origin = form.cleaned_data["origin"]
    radius = form.cleaned_data["radius"] or DEFAULT_RADIUS_KM
    sort = form.cleaned_data["sort"] or ("relevance" if query else ("distance" if origin else "newest"))
    opportunities = filterset.qs
    if origin:
        opportunities = within_radius(opportunities, origin, radius)
    facets = facet_counts(opportunities)

    results = ordered_results(opportunities, query, sort)

    page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = with_card_relations(page.object_list, origin)
    context.update(page_obj=page, facets=facets, query=query, origin=origin, radius=radius, sort=sort)
    return render(request, "search/search.html", context)


def facet_counts(opportunities):
    """How many results each city, topic and schedule would give: one aggregate query per group."""
    base = opportunities.order_by()
    return {
        "city": dict(base.values_list("city__slug").annotate(n=Count("pk", distinct=True))),
        "category": dict(base.values_list("categories__slug").annotate(n=Count("pk", distinct=True))),
        "schedule": dict(base.values_list("schedule_kind").annotate(n=Count("pk", distinct=True))),
    }


def with_card_relations(results, origin=None):
    """The relations the result cards show, for this page only, in a fixed number of queries."""
    by_pk = OpportunityPage.objects.filter(pk__in=[result.pk for result in results]).for_listing().in_bulk()
    cards = [by_pk[result.pk] for result in results if result.pk in by_pk]
    for card in cards:
        card.distance_km = (
            distance_km(origin, (card.latitude, card.longitude)) if origin and card.has_coordinates else None
        )
    return cards
