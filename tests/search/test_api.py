import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from freezegun import freeze_time
from openapi_schema_validator import OAS30Validator, oas30_format_checker
from openapi_spec_validator import validate as validate_spec
from referencing import Registry
from referencing.jsonschema import DRAFT4

from search import api
from search.filters import OpportunityFilterSet, SearchForm
from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db

LIST = "/api/v2/opportunities/"
SCHEMA = "/api/v2/openapi.json"


@pytest.fixture
def client(client):
    """A browser on another site: it names its origin, as every cross-origin request does (CORS
    headers answer only such requests)."""
    client.defaults["HTTP_ORIGIN"] = "https://anderswo.example"
    return client


def titles(response):
    return sorted(result["title"] for result in response.json()["results"])


def test_api_lists_with_the_same_contract_and_without_personal_data(client, verein_bretten, ettlingen):
    make_opportunity(
        organisation=verein_bretten,
        title="Tafel Bretten",
        contact_email="geheim@example.org",
        contact_phone="07252 1",
    )
    make_opportunity(city=ettlingen, title="Streuobst Ettlingen", postcode="76275")
    response = client.get(LIST, {"city": "bretten"})
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    assert data["count"] == 1 and data["next"] is None and data["previous"] is None
    item = data["results"][0]
    assert item["title"] == "Tafel Bretten" and item["city"]["slug"] == "bretten"
    assert "geheim@example.org" not in response.content.decode() and "07252" not in response.content.decode()
    assert item["location"] == {"street": "Marktplatz 1", "postcode": "75015", "place": "Bretten"}
    assert item["organisation"]["url"] == f"http://testserver{verein_bretten.get_absolute_url()}"

    near = client.get(LIST, {"near": "76275", "radius": 10}).json()
    assert [result["title"] for result in near["results"]] == ["Streuobst Ettlingen"]
    assert near["results"][0]["distance_km"] < 3

    detail = client.get(f"{LIST}{item['id']}/")
    assert detail.json()["title"] == "Tafel Bretten" and detail["Access-Control-Allow-Origin"] == "*"
    assert detail.json()["organisation"]["url"].startswith("http://testserver/")


def test_api_pages(client, verein_bretten):
    for number in range(21):
        make_opportunity(organisation=verein_bretten, title=f"Angebot {number}", slug=f"angebot-{number}")
    first = client.get(LIST).json()
    assert first["count"] == 21 and first["count_capped"] is False
    assert len(first["results"]) == 20 and "page=2" in first["next"]
    second = client.get(first["next"]).json()
    assert len(second["results"]) == 1 and "page=1" in second["previous"]


def test_the_count_stops_at_the_cap_and_says_so(client, verein_bretten, monkeypatch):
    for number in range(3):
        make_opportunity(organisation=verein_bretten, title=f"Kinder {number}", slug=f"kinder-{number}")
    monkeypatch.setattr(api, "RESULT_CAP", 2)
    for params in ({}, {"q": "Kinder"}, {"q": "Kinder", "sort": "newest"}, {"city": "bretten"}):
        data = client.get(LIST, params).json()
        assert (data["count"], data["count_capped"]) == (2, True), params
        # The pages reach as far as the cap, as on the search page.
        assert len(data["results"]) == 2 and data["next"] is None, params
    monkeypatch.setattr(api, "RESULT_CAP", 3)
    data = client.get(LIST, {"q": "Kinder"}).json()
    assert (data["count"], data["count_capped"], len(data["results"])) == (3, False, 3)


def test_api_shows_the_street_only_where_the_organisation_entered_one(client, verein_bretten):
    with_street = make_opportunity(organisation=verein_bretten, title="Mit Straße", street="Pfarrgasse 7")
    without = make_opportunity(organisation=verein_bretten, title="Ohne Straße", slug="ohne", street="")
    remote = make_opportunity(
        organisation=verein_bretten, title="Von zu Hause", slug="remote", is_remote=True, street="Privatweg 3"
    )
    results = {result["title"]: result for result in client.get(LIST).json()["results"]}
    assert results["Mit Straße"]["location"]["street"] == "Pfarrgasse 7"
    assert results["Ohne Straße"]["location"] == {"street": None, "postcode": "75015", "place": "Bretten"}
    assert results["Von zu Hause"]["location"] is None and results["Von zu Hause"]["remote"] is True
    assert client.get(f"{LIST}{with_street.pk}/").json()["location"]["street"] == "Pfarrgasse 7"
    assert client.get(f"{LIST}{without.pk}/").json()["location"]["street"] is None
    for response in (client.get(LIST), client.get(f"{LIST}{remote.pk}/")):
        assert "Privatweg" not in response.content.decode()


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"radius": "-5"}, "radius", "Der Umkreis muss mindestens 1 km sein."),
        ({"radius": "0", "near": "76275"}, "radius", "Der Umkreis muss mindestens 1 km sein."),
        ({"radius": "10000", "near": "76275"}, "radius", "Der Umkreis darf höchstens 100 km sein."),
        ({"radius": "zehn"}, "radius", "Bitte geben Sie den Umkreis als ganze Zahl in km an."),
        ({"q": "x" * 201}, "q", "Bitte suchen Sie mit höchstens 200 Zeichen."),
        ({"city": "atlantis"}, "city", "Die Stadt „atlantis“ kennen wir nicht."),
        ({"date_to": "gestern"}, "date_to", "Bitte geben Sie ein Datum wie 2026-12-24 an."),
        ({"date_from": "2026-13-45"}, "date_from", "Bitte geben Sie ein Datum wie 2026-12-24 an."),
        ({"schedule": "nachts"}, "schedule", "„nachts“ ist kein zeitlicher Rahmen."),
        ({"page": "99"}, "page", "Diese Seite gibt es nicht."),
        ({"page": "0"}, "page", "Diese Seite gibt es nicht."),
        ({"sort": "distance"}, "sort", "Zum Sortieren nach Entfernung geben Sie bitte einen Ort an."),
    ],
)
def test_api_answers_bad_input_with_400_and_german_messages(client, bretten, params, field, message):
    response = client.get(LIST, params)
    assert response.status_code == 400
    assert response["Access-Control-Allow-Origin"] == "*"
    assert message in response.json()["errors"][field]


def test_the_longest_allowed_words_still_search(client, bretten):
    assert client.get(LIST, {"q": "x" * 200}).status_code == 200


def test_drafts_and_expired_are_not_in_the_api(client, verein_bretten):
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    gone = [
        make_opportunity(organisation=verein_bretten, title="Entwurf", slug="entwurf", publish=False),
        make_opportunity(
            organisation=verein_bretten, title="Frist vorbei", slug="frist", application_deadline=yesterday
        ),
        make_opportunity(organisation=verein_bretten, title="Zu Ende", slug="ende", end_date=yesterday),
        make_opportunity(
            organisation=verein_bretten,
            title="Fest vorbei",
            slug="fest",
            schedule_kind="one_off",
            event_start=timezone.now() - dt.timedelta(days=2),
            event_end=timezone.now() - dt.timedelta(days=2, hours=-3),
        ),
    ]
    today = timezone.localdate()
    current = make_opportunity(
        organisation=verein_bretten, title="Läuft noch", slug="laeuft", application_deadline=today
    )
    assert titles(client.get(LIST)) == ["Läuft noch"]
    assert client.get(f"{LIST}{current.pk}/").status_code == 200
    for page in gone:
        response = client.get(f"{LIST}{page.pk}/")
        assert response.status_code == 404, page.title
        assert response["Access-Control-Allow-Origin"] == "*"
        assert response.json() == {"errors": {"id": ["Dieses Angebot gibt es nicht oder nicht mehr."]}}


def test_api_combines_filters(client, verein_bretten, ettlingen):
    verein = verein_bretten
    make_opportunity(organisation=verein, title="Regelmäßig Soziales", slug="a")
    make_opportunity(organisation=verein, title="Flexibel Soziales", slug="b", schedule_kind="flexible")
    make_opportunity(organisation=verein, title="Anderes Thema", slug="c", categories=("umwelt-natur",))
    make_opportunity(city=ettlingen, title="Andere Stadt", slug="d")
    make_opportunity(
        organisation=verein,
        title="Einmalig",
        slug="e",
        schedule_kind="one_off",
        event_start=timezone.now() + dt.timedelta(days=5),
    )
    params = {"city": "bretten", "category": ["soziales", "bildung"], "schedule": ["regular", "flexible"]}
    assert titles(client.get(LIST, params)) == ["Flexibel Soziales", "Regelmäßig Soziales"]
    assert titles(client.get(LIST, {**params, "schedule": "one_off"})) == ["Einmalig"]
    assert titles(client.get(LIST, {**params, "city": ["bretten", "ettlingen"]})) == [
        "Andere Stadt",
        "Flexibel Soziales",
        "Regelmäßig Soziales",
    ]


def test_list_queries_do_not_grow_with_the_results(client, verein_bretten, ettlingen):
    categories = ["soziales", "bildung", "sport", "kultur"]

    def queries():
        client.get(LIST)  # caches that outlive one request (site root paths) filled
        with CaptureQueriesContext(connection) as context:
            response = client.get(LIST)
        return response.json()["count"], len(context.captured_queries)

    make_opportunity(organisation=verein_bretten, title="Erstes", slug="o0")
    one = queries()
    for number in range(1, 8):
        make_opportunity(
            city=ettlingen if number % 2 else None,
            organisation=None if number % 2 else verein_bretten,
            title=f"Angebot {number}",
            slug=f"o{number}",
            categories=categories[: number % 4 + 1],
        )
    eight = queries()
    assert one[0] == 1 and eight[0] == 8
    assert eight[1] == one[1]


def test_head_works_and_other_methods_do_not(client, verein_bretten):
    page = make_opportunity(organisation=verein_bretten)
    for url in (LIST, f"{LIST}{page.pk}/", SCHEMA):
        head = client.head(url)
        assert head.status_code == 200 and head.content == b"", url
        assert head["Access-Control-Allow-Origin"] == "*" and head["Content-Type"] == "application/json"
        assert client.post(url).status_code == 405
    assert client.head(f"{LIST}{page.pk + 1000}/").status_code == 404


def test_distance_only_with_a_place(client, ettlingen):
    page = make_opportunity(city=ettlingen, title="Streuobst Ettlingen", postcode="76275")
    assert client.get(LIST).json()["results"][0]["distance_km"] is None
    assert client.get(f"{LIST}{page.pk}/").json()["distance_km"] is None
    assert client.get(LIST, {"near": "76275"}).json()["results"][0]["distance_km"] < 3


# --- The OpenAPI description ---------------------------------------------------------------------


def conforms(spec, instance, name):
    """`instance` is valid against the schema `name` of the description's components."""
    registry = Registry().with_resource("urn:api", DRAFT4.create_resource(spec))
    reference = {"$ref": f"urn:api#/components/schemas/{name}"}
    validator = OAS30Validator(reference, registry=registry, format_checker=oas30_format_checker)
    validator.validate(instance)


def test_openapi_schema_is_a_valid_openapi_description(client):
    response = client.get(SCHEMA)
    assert response["Access-Control-Allow-Origin"] == "*"
    spec = response.json()
    validate_spec(spec)
    assert spec["openapi"].startswith("3.")


def test_openapi_schema_documents_every_parameter_as_the_api_reads_it(client):
    schema = client.get(SCHEMA).json()
    parameters = {parameter["name"]: parameter for parameter in schema["paths"][LIST]["get"]["parameters"]}
    assert set(parameters) == set(OpportunityFilterSet.base_filters) | set(SearchForm.base_fields) | {"page"}
    for name in ("city", "category", "activity", "target_group", "schedule"):
        assert parameters[name]["schema"]["type"] == "array", name
        assert parameters[name]["schema"]["items"]["type"] == "string"
        assert (parameters[name]["style"], parameters[name]["explode"]) == ("form", True)
    assert parameters["schedule"]["schema"]["items"]["enum"] == ["one_off", "regular", "flexible"]
    assert parameters["sort"]["schema"]["enum"] == ["relevance", "newest", "distance", "deadline", "date"]
    assert parameters["remote"]["schema"]["enum"] == ["1", "0"]
    radius = parameters["radius"]["schema"]
    assert (radius["type"], radius["minimum"], radius["maximum"]) == ("integer", 1, 100)
    assert parameters["page"]["schema"]["minimum"] == 1
    assert parameters["q"]["schema"]["maxLength"] == 200


def test_every_field_of_a_result_is_described(client, verein_bretten, ettlingen):
    make_opportunity(organisation=verein_bretten, title="Mit Straße")
    remote = make_opportunity(city=ettlingen, title="Online", is_remote=True)
    spec = client.get(SCHEMA).json()
    described = spec["components"]["schemas"]["Opportunity"]["properties"]

    listed = client.get(LIST).json()
    assert listed["count"] == 2 and listed["count_capped"] is False
    page_schema = spec["components"]["schemas"]["OpportunityList"]["properties"]
    assert page_schema["count"]["maximum"] == 1000 and "1000" in page_schema["count"]["description"]
    assert page_schema["count_capped"]["type"] == "boolean"
    for item in listed["results"]:
        assert set(item) == set(described)
    conforms(spec, listed, "OpportunityList")
    near = client.get(LIST, {"near": "75015"}).json()
    assert near["results"][0]["distance_km"] is not None
    conforms(spec, near, "OpportunityList")
    conforms(spec, client.get(f"{LIST}{remote.pk}/").json(), "Opportunity")
    conforms(spec, client.get(LIST, {"radius": "0"}).json(), "Errors")
    conforms(spec, client.get(f"{LIST}0/").json(), "Errors")


# --- Methods, ids, hosts and CORS ----------------------------------------------------------------


def test_other_methods_answer_405_as_json_also_with_csrf_checks(verein_bretten):
    """The test client skips CSRF checks; a browser does not: the API needs none, it only reads."""
    page = make_opportunity(organisation=verein_bretten)
    browser = Client(enforce_csrf_checks=True, HTTP_ORIGIN="https://anderswo.example")
    for url in (LIST, f"{LIST}{page.pk}/", SCHEMA):
        for method in ("post", "put", "patch", "delete", "options"):
            response = getattr(browser, method)(url)
            assert response.status_code == 405, (method, url)
            assert response["Content-Type"] == "application/json", (method, url)
            assert response["Access-Control-Allow-Origin"] == "*"
            assert response.json() == {
                "errors": {"method": ["Diese Adresse kann man nur lesen (GET oder HEAD)."]}
            }
    assert browser.get(f"{LIST}{page.pk}/").json()["title"] == page.title


@pytest.mark.parametrize("identifier", ["-1", "0", "abc", "1.5", "99999999999999999999", "%20", "１"])
def test_an_id_that_names_no_offer_answers_404_as_json(client, verein_bretten, identifier):
    make_opportunity(organisation=verein_bretten)
    response = client.get(f"{LIST}{identifier}/")
    assert response.status_code == 404
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.json() == {"errors": {"id": ["Dieses Angebot gibt es nicht oder nicht mehr."]}}


def test_one_answer_names_one_host_the_one_asked(client, verein_bretten):
    page = make_opportunity(organisation=verein_bretten)
    for host in ("testserver", "localhost"):
        item = client.get(LIST, HTTP_HOST=host).json()["results"][0]
        detail = client.get(f"{LIST}{page.pk}/", HTTP_HOST=host).json()
        for answer in (item, detail):
            assert answer["url"] == f"http://{host}{page.url}"
            assert answer["organisation"]["url"] == f"http://{host}{verein_bretten.get_absolute_url()}"


def test_a_browser_on_another_site_may_ask_first_and_sends_no_cookies(client):
    preflight = client.options(
        LIST, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET", HTTP_ACCESS_CONTROL_REQUEST_HEADERS="accept"
    )
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "Access-Control-Allow-Credentials" not in preflight


def test_pages_other_than_the_api_give_other_sites_no_cors_headers(client, bretten):
    assert "Access-Control-Allow-Origin" not in client.get("/suche/")


def test_any_accept_header_or_format_gets_json(client, bretten):
    for headers, params in (({"HTTP_ACCEPT": "text/html"}, {}), ({}, {"format": "xml"})):
        response = client.get(LIST, params, **headers)
        assert response.status_code == 200 and response["Content-Type"] == "application/json"


def test_an_offer_leaves_the_api_when_its_deadline_passes_while_the_server_runs(client, verein_bretten):
    """ "Not yet over" is decided per request, not once when the server started."""
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    page = make_opportunity(organisation=verein_bretten, application_deadline=tomorrow)
    assert client.get(f"{LIST}{page.pk}/").status_code == 200
    with freeze_time(timezone.now() + dt.timedelta(days=3)):
        assert client.get(f"{LIST}{page.pk}/").status_code == 404
        assert client.get(LIST).json()["count"] == 0
