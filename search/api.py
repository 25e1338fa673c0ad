"""The read-only JSON API: the same query-string contract and FilterSet as the search page.

GET and HEAD only; every answer (results, errors, 404) may be read from any origin (CORS `*`).

No personal data: no contact e-mail or phone, nothing of applicants. The location names the street only
where the organisation entered one: leaving it empty is how an organisation keeps the address private
(as on the page itself and in its structured data); a remote opportunity has no location at all.
"""

from functools import wraps

from django.core.paginator import EmptyPage, Paginator
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from engagement.geo.distance import distance_km
from engagement.opportunities.models import OpportunityPage

from .filters import DEFAULT_RADIUS_KM, MAX_RADIUS_KM, SORTS, OpportunityFilterSet, SearchForm
from .results import ordered_results

API_PAGE_SIZE = 20
JSON_OPTIONS = {"json_dumps_params": {"ensure_ascii": False}}


def public_api(view):
    """GET and HEAD only (405 otherwise), and every answer of the view, errors included, readable from
    any origin: a browser on another site may show the error of its own request."""
    safe_view = require_safe(view)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = safe_view(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Allow-Methods"] = "GET, HEAD"
        return response

    return wrapped


def _location(page):
    if page.is_remote:
        return None
    return {"street": page.street or None, "postcode": page.postcode, "place": page.place}


def _serialise(page, request, origin=None):
    city = page.city
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.get_full_url(request),
        "teaser": page.teaser,
        "city": {"slug": city.slug, "name": city.title} if city else None,
        "organisation": {
            "name": page.organisation.name,
            "url": request.build_absolute_uri(page.organisation.get_absolute_url()),
        },
        "categories": [{"slug": c.slug, "name": c.display_name} for c in page.categories.all()],
        "schedule": page.schedule_kind,
        "rhythm": page.rhythm,
        "event_start": page.event_start.isoformat() if page.event_start else None,
        "event_end": page.event_end.isoformat() if page.event_end else None,
        "start_date": page.start_date.isoformat() if page.start_date else None,
        "end_date": page.end_date.isoformat() if page.end_date else None,
        "application_deadline": page.application_deadline.isoformat() if page.application_deadline else None,
        "remote": page.is_remote,
        "location": _location(page),
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


def _error_response(errors, status):
    return JsonResponse({"errors": errors}, status=status, **JSON_OPTIONS)


@public_api
def opportunity_list(request):
    form = SearchForm(request.GET)
    filterset = OpportunityFilterSet(request.GET, queryset=OpportunityPage.objects.listed())
    if not (form.is_valid() & filterset.is_valid()):
        return _error_response(_errors(form, filterset.form), 400)
    near = form.cleaned_data["circle"]
    origin = near[0] if near else None
    results = ordered_results(filterset.qs, form.cleaned_data["query"], form.chosen_sort(), near=near)
    paginator = Paginator(results, API_PAGE_SIZE)
    try:
        number = int(request.GET.get("page", 1))
        page = paginator.page(number)
    except (ValueError, EmptyPage):
        return _error_response({"page": [_("Diese Seite gibt es nicht.")]}, 400)
    ids = [item.pk for item in page.object_list]
    by_pk = OpportunityPage.objects.filter(pk__in=ids).for_listing().in_bulk()
    params = request.GET.copy()

    def link(target):
        params["page"] = target
        return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")

    return JsonResponse(
        {
            "count": paginator.count,
            "next": link(number + 1) if page.has_next() else None,
            "previous": link(number - 1) if page.has_previous() else None,
            "results": [_serialise(by_pk[pk], request, origin) for pk in ids if pk in by_pk],
        },
        **JSON_OPTIONS,
    )


@public_api
def opportunity_detail(request, pk):
    page = OpportunityPage.objects.listed().for_listing().filter(pk=pk).first()
    if page is None:
        return _error_response({"id": [_("Dieses Angebot gibt es nicht oder nicht mehr.")]}, 404)
    return JsonResponse(_serialise(page, request), **JSON_OPTIONS)


# --- OpenAPI ------------------------------------------------------------------------------------
# Built from the same definitions the views use (form fields, filter choices, model choices), so the
# description cannot promise another contract than the one the API keeps.


def _query(name, description, **schema):
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


def _repeatable(name, description, **items):
    """`?city=bretten&city=ettlingen`: several values, any of them."""
    return {
        **_query(name, description, type="array", items={"type": "string", **items}),
        "style": "form",
        "explode": True,
    }


def _parameters():
    yes = {"type": "string", "enum": ["1"]}
    return [
        _query("q", "Volltext", type="string", maxLength=SearchForm.base_fields["q"].max_length),
        _repeatable("city", "Stadt-Kürzel, mehrfach"),
        _repeatable("category", "Thema (Kürzel), mehrfach"),
        _repeatable("activity", "Tätigkeit (Kürzel), mehrfach"),
        _repeatable("target_group", "Zielgruppe (Kürzel), mehrfach"),
        _repeatable("schedule", "Zeitlicher Rahmen, mehrfach", enum=OpportunityPage.ScheduleKind.values),
        _query(
            "remote",
            "1 = nur ortsunabhängige, 0 = nur mit Ort",
            type="string",
            enum=[value for value, _label in OpportunityFilterSet.base_filters["remote"].extra["choices"]],
        ),
        _query(
            "near",
            "Postleitzahl, Ort oder Koordinaten (Breite,Länge)",
            type="string",
            maxLength=SearchForm.base_fields["near"].max_length,
        ),
        _query(
            "radius",
            f"Umkreis um near in km, Standard {DEFAULT_RADIUS_KM}",
            type="integer",
            minimum=1,
            maximum=MAX_RADIUS_KM,
            default=DEFAULT_RADIUS_KM,
        ),
        _query("date_from", "Termin ab (YYYY-MM-DD)", type="string", format="date"),
        _query("date_to", "Termin bis (YYYY-MM-DD)", type="string", format="date"),
        _query("min_age_ok", "Alter der Freiwilligen", type="integer", minimum=0, maximum=120),
        {**_query("barrier_free", "Nur barrierefreie Orte"), "schema": yes},
        {**_query("no_certificate", "Ohne erweitertes Führungszeugnis"), "schema": yes},
        {**_query("open", "Nur mit freien Plätzen"), "schema": yes},
        _query(
            "sort",
            "Sortierung; Standard: relevance mit q, sonst distance mit near, sonst newest. "
            "distance nur mit near.",
            type="string",
            enum=[value for value, _label in SORTS],
        ),
        _query("page", f"Seite, je {API_PAGE_SIZE} Treffer", type="integer", minimum=1, default=1),
    ]


def _nullable(kind, **more):
    return {"type": kind, "nullable": True, **more}


def _record(properties, **more):
    """An object with exactly these keys, all of them always present."""
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
        **more,
    }


SLUG_AND_NAME = _record({"slug": {"type": "string"}, "name": {"type": "string"}})

COMPONENTS = {
    "schemas": {
        "Opportunity": _record(
            {
                "id": {"type": "integer"},
                "title": {"type": "string"},
                "url": {"type": "string", "format": "uri"},
                "teaser": {"type": "string"},
                "city": {**SLUG_AND_NAME, "nullable": True},
                "organisation": _record(
                    {"name": {"type": "string"}, "url": {"type": "string", "format": "uri"}}
                ),
                "categories": {"type": "array", "items": SLUG_AND_NAME},
                "schedule": {"type": "string", "enum": OpportunityPage.ScheduleKind.values},
                "rhythm": {"type": "string"},
                "event_start": _nullable("string", format="date-time"),
                "event_end": _nullable("string", format="date-time"),
                "start_date": _nullable("string", format="date"),
                "end_date": _nullable("string", format="date"),
                "application_deadline": _nullable("string", format="date"),
                "remote": {"type": "boolean"},
                "location": _record(
                    {
                        "street": _nullable(
                            "string", description="Nur wenn die Organisation die Straße angegeben hat"
                        ),
                        "postcode": {"type": "string"},
                        "place": {"type": "string"},
                    },
                    nullable=True,
                    description="Ohne Ort (null) bei ortsunabhängigen Angeboten",
                ),
                "latitude": _nullable("number"),
                "longitude": _nullable("number"),
                "distance_km": _nullable("number", description="Entfernung zu near; nur mit near"),
                "recruitment_status": {"type": "string", "enum": OpportunityPage.RecruitmentStatus.values},
                "volunteers_needed": {"type": "integer", "minimum": 1},
                "minimum_age": _nullable("integer"),
            }
        ),
        "OpportunityList": _record(
            {
                "count": {"type": "integer", "minimum": 0},
                "next": _nullable("string", format="uri"),
                "previous": _nullable("string", format="uri"),
                "results": {"type": "array", "items": {"$ref": "#/components/schemas/Opportunity"}},
            }
        ),
        "Errors": _record(
            {
                "errors": {
                    "type": "object",
                    "description": "Je Parameter die Meldungen",
                    "additionalProperties": {"type": "array", "items": {"type": "string"}},
                }
            }
        ),
    }
}


def _json(description, schema):
    return {"description": description, "content": {"application/json": {"schema": {"$ref": schema}}}}


@public_api
def openapi_schema(request):
    errors = "#/components/schemas/Errors"
    schema = {
        "openapi": "3.0.3",
        "info": {"title": "Engagement vernetzt – Angebote", "version": "2"},
        "paths": {
            "/api/v2/opportunities/": {
                "get": {
                    "summary": "Engagement-Angebote suchen",
                    "operationId": "listOpportunities",
                    "parameters": _parameters(),
                    "responses": {
                        "200": _json("Treffer", "#/components/schemas/OpportunityList"),
                        "400": _json("Ungültige Eingabe: Meldungen je Parameter", errors),
                    },
                }
            },
            "/api/v2/opportunities/{id}/": {
                "get": {
                    "summary": "Ein Angebot",
                    "operationId": "getOpportunity",
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
                    ],
                    "responses": {
                        "200": _json("Das Angebot", "#/components/schemas/Opportunity"),
                        "404": _json("Nicht (mehr) online", errors),
                    },
                }
            },
        },
        "components": COMPONENTS,
    }
    return JsonResponse(schema, **JSON_OPTIONS)
