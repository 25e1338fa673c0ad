from django.core.paginator import Paginator
from django.shortcuts import render

from engagement.opportunities.models import OpportunityPage

from .filters import OpportunityFilterSet

PAGE_SIZE = 20


def search(request):
    """Full-text search over the opportunities that are online, narrowed by the filters."""
    query = request.GET.get("q", "").strip()[:200]
    filterset = OpportunityFilterSet(request.GET, queryset=OpportunityPage.objects.listed())
    if filterset.is_valid():
        opportunities = filterset.qs
        status = 200
    else:
        opportunities = OpportunityPage.objects.none()
        status = 400
    if query:
        # The search backend filters only on indexed fields: narrow by primary keys of the filtered rows.
        results = OpportunityPage.objects.filter(pk__in=opportunities.values("pk")).search(query)
    else:
        results = opportunities.order_by("-first_published_at", "-pk")
    page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
    # The relations the result cards show, for this page only and in a fixed number of queries.
    page.object_list = _with_card_relations(page.object_list)
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "page_obj": page,
            "filterset": filterset,
            "cities": filterset.filters["city"].queryset,
            "selected_city_slugs": request.GET.getlist("city"),
        },
        status=status,
    )


def _with_card_relations(results):
    by_pk = OpportunityPage.objects.filter(pk__in=[result.pk for result in results]).for_listing().in_bulk()
    return [by_pk[result.pk] for result in results if result.pk in by_pk]
