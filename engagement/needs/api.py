"""Needs in the public JSON API: `/api/v2/needs/` (the needs' search, with the query string of
`/suche/bedarfe/`) and `/api/v2/needs/<id>/`. Read-only, as the offers' API; no personal data: no
names, no addresses beyond postcode and place, nothing of contact messages or of the Verein's notes."""

from django.core.paginator import InvalidPage, Paginator
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import exceptions, serializers
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from engagement.operations.pagecache import SITE, cache_publicly, next_local_midnight, page_tag
from engagement.opportunities.cache_tags import organisation_tag
from search.api import (
    CITY_SCHEMA,
    ERRORS,
    ErrorsSerializer,
    OrganisationSerializer,
    PublicAPI,
    query_parameter,
)
from search.filters import DEFAULT_RADIUS_KM

from .cache_tags import NEEDS
from .lending import loans_ahead
from .models import NeedPage
from .search import NEED_SORTS, NeedSearch

PAGE_SIZE = 20


class LoanSerializer(serializers.Serializer):
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()


class NeedSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    title = serializers.CharField()
    url = serializers.SerializerMethodField()
    kind = serializers.ChoiceField(choices=NeedPage.Kind.choices)
    resource = serializers.ChoiceField(choices=NeedPage.Resource.choices)
    description = serializers.CharField()
    city = serializers.SerializerMethodField()
    organisation = OrganisationSerializer()
    postcode = serializers.CharField()
    place = serializers.CharField()
    available_from = serializers.DateField(allow_null=True)
    available_until = serializers.DateField(allow_null=True)
    handover = serializers.ChoiceField(choices=NeedPage.Handover.choices)
    deposit = serializers.DecimalField(
        max_digits=7, decimal_places=2, allow_null=True, coerce_to_string=False
    )
    fee = serializers.DecimalField(max_digits=7, decimal_places=2, allow_null=True, coerce_to_string=False)
    fee_note = serializers.CharField()
    loans = serializers.SerializerMethodField(
        help_text="Wann das Verliehene weg ist (nur Daten); nur bei kind=lend"
    )
    distance_km = serializers.SerializerMethodField(
        help_text="Entfernung zu near (Mitte der Postleitzahl); nur mit near"
    )

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, need):
        request = self.context["request"]
        return request.build_absolute_uri(need.get_url(request))

    @extend_schema_field(CITY_SCHEMA)
    def get_city(self, need):
        return {"slug": need.city.slug, "name": need.city.title} if need.city else None

    @extend_schema_field(LoanSerializer(many=True))
    def get_loans(self, need):
        if need.kind != NeedPage.Kind.LEND:
            return []
        return LoanSerializer(loans_ahead(need), many=True).data

    @extend_schema_field(serializers.FloatField(allow_null=True))
    def get_distance_km(self, need):
        distance = getattr(need, "distance_km", None)
        return None if distance is None else round(distance, 1)


class NeedListSerializer(serializers.Serializer):
    count = serializers.IntegerField(min_value=0)
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = NeedSerializer(many=True)


SEARCH_PARAMETERS = [
    query_parameter("q", "Volltext", type="string", maxLength=200),
    query_parameter(
        "kind", "Art, mehrfach", type="array", items={"type": "string", "enum": NeedPage.Kind.values}
    ),
    query_parameter(
        "resource", "Was, mehrfach", type="array", items={"type": "string", "enum": NeedPage.Resource.values}
    ),
    query_parameter("city", "Stadt-Kürzel, mehrfach", type="array", items={"type": "string"}),
    query_parameter(
        "organisation",
        "Kürzel einer geprüften Organisation, mehrfach",
        type="array",
        items={"type": "string"},
    ),
    query_parameter(
        "near", "Postleitzahl, Ort oder Koordinaten (Breite,Länge)", type="string", maxLength=100
    ),
    query_parameter(
        "radius",
        f"Umkreis um near in km, Standard {DEFAULT_RADIUS_KM}",
        type="integer",
        minimum=1,
        maximum=100,
    ),
    query_parameter("sort", "Sortierung", type="string", enum=[value for value, _label in NEED_SORTS]),
    query_parameter("page", f"Seite, je {PAGE_SIZE} Einträge", type="integer", minimum=1, default=1),
]


class NeedList(PublicAPI, GenericAPIView):
    serializer_class = NeedSerializer

    @extend_schema(
        summary="Gesucht und zu verleihen: suchen",
        operation_id="listNeeds",
        parameters=[
            OpenApiParameter(
                parameter["name"],
                type=parameter["schema"],
                location=OpenApiParameter.QUERY,
                required=False,
                description=parameter["description"],
                **({"style": "form", "explode": True} if parameter["schema"]["type"] == "array" else {}),
            )
            for parameter in SEARCH_PARAMETERS
        ],
        responses={200: NeedListSerializer, 400: ERRORS},
    )
    def get(self, request):
        search = NeedSearch(request.query_params)
        if not search.is_valid:
            raise exceptions.ValidationError({**search.form.errors, **search.filterset.errors})
        paginator = Paginator(search.results(), PAGE_SIZE)
        try:
            page = paginator.page(int(request.query_params.get("page", 1)))
        except (ValueError, InvalidPage):
            raise exceptions.ValidationError({"page": [_("Diese Seite gibt es nicht.")]}) from None
        needs = list(page.object_list)
        circle = search.circle
        for need in needs:
            need.distance_km = (
                circle.distance_km(need.latitude, need.longitude)
                if circle is not None and need.latitude is not None
                else None
            )

        def link(number):
            query = request.query_params.copy()
            query["page"] = number
            return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

        data = {
            "count": paginator.count,
            "next": link(page.next_page_number()) if page.has_next() else None,
            "previous": link(page.previous_page_number()) if page.has_previous() else None,
            "results": NeedSerializer(needs, many=True, context={"request": request}).data,
        }
        return cache_publicly(Response(data), {SITE, NEEDS}, next_local_midnight())


class NeedDetail(PublicAPI, GenericAPIView):
    serializer_class = NeedSerializer

    @extend_schema(
        summary="Ein Eintrag: gesucht oder zu verleihen",
        operation_id="getNeed",
        parameters=[OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH)],
        responses={
            200: NeedSerializer,
            404: OpenApiResponse(ErrorsSerializer, description="Nicht (mehr) online"),
        },
    )
    def get(self, request, id):
        need = None
        if id.isascii() and id.isdigit() and len(id) < 12:
            need = NeedPage.objects.listed().for_listing().filter(pk=int(id)).first()
        if need is None:
            raise exceptions.NotFound({"id": [_("Diesen Eintrag gibt es nicht oder nicht mehr.")]})
        data = NeedSerializer(need, context={"request": request}).data
        tags = {SITE, page_tag(need.pk), organisation_tag(need.organisation_id)}
        return cache_publicly(Response(data), tags, next_local_midnight())


need_list = NeedList.as_view()
need_detail = NeedDetail.as_view()
