"""The read-only JSON API: the same query-string contract and FilterSet as the search page.

No personal data: no contact e-mail or phone, and a remote or street-less location stays without street.
"""

from django.core.paginator import EmptyPage, Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from engagement.geo.distance import distance_km
from engagement.opportunities.models import OpportunityPage

from .filters import DEFAULT_RADIUS_KM, OpportunityFilterSet, SearchForm
from .results import ordered_results

API_PAGE_SIZE = 20


def _cors(response):
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = "GET"
    return response


def _serialise(page, origin=None):
    city = page.city
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.full_url,
        "teaser": page.teaser,
        "city": {"slug": city.slug, "name": city.title} if city else None,
        "organisation": {"name": page.organisation.name, "url": page.organisation.get_absolute_url()},
        "categories": [{"slug": c.slug, "name": c.name} for c in page.categories.all()],
        "schedule": page.schedule_kind,
        "rhythm": page.rhythm,
        "event_start": page.event_start.isoformat() if page.event_start else None,
        "event_end": page.event_end.isoformat() if page.event_end else None,
        "start_date": page.start_date.isoformat() if page.start_date else None,
        "end_date": page.end_date.isoformat() if page.end_date else None,
        "application_deadline": page.application_deadline.isoformat() if page.application_deadline else None,
        "remote": page.is_remote,
        "location": None if page.is_remote else {"postcode": page.postcode, "place": page.place},
        "latitude": page.latitude,
        "longitude": page.longitude,
        "distance_km": round(distance_km(origin, (page.latitude, page.longitude)), 1)
        if origin and page.has_coordinates
        else None,
        "recruitment_status": page.recruitment_status,
        "volunteers_needed": page.volunteers_needed,
        "minimum_age": page.minimum_age,
    }


def _errors(*forms):
    errors = {}
    for form in forms:
        for field, messages in form.errors.items():
            errors.setdefault(field, []).extend(str(message) for message in messages)
    return errors


@require_GET
def opportunity_list(request):
    form = SearchForm(request.GET)
    filterset = OpportunityFilterSet(request.GET, queryset=OpportunityPage.objects.listed())
    if not (form.is_valid() & filterset.is_valid()):
        return _cors(JsonResponse({"errors": _errors(form, filterset.form)}, status=400))
    query, origin = form.cleaned_data["q"].strip(), form.cleaned_data["origin"]
    sort = form.cleaned_data["sort"] or ("relevance" if query else ("distance" if origin else "newest"))
    near = (origin, form.cleaned_data["radius"] or DEFAULT_RADIUS_KM) if origin else None
    results = ordered_results(filterset.qs, query, sort, near=near)
    paginator = Paginator(results, API_PAGE_SIZE)
    try:
        number = int(request.GET.get("page", 1))
        page = paginator.page(number)
    except (ValueError, EmptyPage):
        return _cors(JsonResponse({"errors": {"page": ["Diese Seite gibt es nicht."]}}, status=400))
    ids = [item.pk for item in page.object_list]
    by_pk = OpportunityPage.objects.filter(pk__in=ids).for_listing().in_bulk()
    params = request.GET.copy()

    def link(target):
        params["page"] = target
        return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")

    return _cors(
        JsonResponse(
            {
                "count": paginator.count,
                "next": link(number + 1) if page.has_next() else None,
                "previous": link(number - 1) if page.has_previous() else None,
                "results": [_serialise(by_pk[pk], origin) for pk in ids if pk in by_pk],
            },
            json_dumps_params={"ensure_ascii": False},
        )
    )


@require_GET
def opportunity_detail(request, pk):
    page = get_object_or_404(OpportunityPage.objects.listed().for_listing(), pk=pk)
    return _cors(JsonResponse(_serialise(page), json_dumps_params={"ensure_ascii": False}))


PARAMETERS = [
    ("q", "string", "Volltext"),
    ("city", "string", "Stadt-Kürzel, mehrfach"),
    ("category", "string", "Thema, mehrfach"),
    ("activity", "string", "Tätigkeit, mehrfach"),
    ("target_group", "string", "Zielgruppe, mehrfach"),
    ("schedule", "string", "one_off | regular | flexible"),
    ("remote", "string", "1 = nur ortsunabhängig, 0 = ohne"),
    ("near", "string", "Postleitzahl oder Ort"),
    ("radius", "integer", "km, Standard 10, höchstens 100"),
    ("date_from", "string", "Datum (YYYY-MM-DD)"),
    ("date_to", "string", "Datum (YYYY-MM-DD)"),
    ("min_age_ok", "integer", "Alter der Freiwilligen"),
    ("barrier_free", "string", "1"),
    ("no_certificate", "string", "1"),
    ("open", "string", "1"),
    ("sort", "string", "relevance | newest | distance | deadline | date"),
    ("page", "integer", "Seite"),
]


@require_GET
def openapi_schema(request):
    parameters = [
        {"name": name, "in": "query", "required": False, "description": text, "schema": {"type": kind}}
        for name, kind, text in PARAMETERS
    ]
    schema = {
        "openapi": "3.0.3",
        "info": {"title": "Engagement vernetzt – Angebote", "version": "2"},
        "paths": {
            "/api/v2/opportunities/": {
                "get": {
                    "summary": "Engagement-Angebote suchen",
                    "parameters": parameters,
                    "responses": {
                        "200": {"description": "Treffer: count, next, previous, results"},
                        "400": {"description": "Ungültige Eingabe: errors je Parameter"},
                    },
                }
            },
            "/api/v2/opportunities/{id}/": {
                "get": {
                    "summary": "Ein Angebot",
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
                    ],
                    "responses": {
                        "200": {"description": "Das Angebot"},
                        "404": {"description": "Nicht (mehr) online"},
                    },
                }
            },
        },
    }
    return _cors(JsonResponse(schema, json_dumps_params={"ensure_ascii": False}))
