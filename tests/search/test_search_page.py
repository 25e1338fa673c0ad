import pytest
from django.http import QueryDict

from engagement.cities.models import CityPage
from engagement.opportunities.models import OpportunityPage
from engagement.taxonomy.models import Category
from search.facets import city_keys, facet_counts
from search.filters import OpportunityFilterSet
from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db


def test_search_finds_by_words_and_filters_by_city(client, verein_bretten, ettlingen):
    make_opportunity(organisation=verein_bretten, title="Hausaufgabenhilfe für Kinder")
    make_opportunity(city=ettlingen, title="Hausaufgabenhilfe im Jugendhaus")
    make_opportunity(organisation=verein_bretten, title="Tierheim: Gassigehen")

    html = client.get("/suche/", {"q": "Hausaufgabenhilfe"}).content.decode()
    assert "Hausaufgabenhilfe für Kinder" in html
    assert "Hausaufgabenhilfe im Jugendhaus" in html
    assert "Gassigehen" not in html

    html = client.get("/suche/", {"q": "Hausaufgabenhilfe", "city": "ettlingen"}).content.decode()
    assert "Hausaufgabenhilfe im Jugendhaus" in html
    assert "Hausaufgabenhilfe für Kinder" not in html


def test_search_without_results_says_so(client, bretten):
    response = client.get("/suche/", {"q": "Raumfahrt"})
    assert response.status_code == 200
    assert "0 Angebote" in response.content.decode()


def test_search_filters_by_topic(client, verein_bretten):
    make_opportunity(
        organisation=verein_bretten, title="Gassigehen mit Tierheimhunden", categories=("tierschutz",)
    )
    make_opportunity(
        organisation=verein_bretten, title="Vorlesen im Kindergarten", categories=["kinder-jugend"]
    )
    html = client.get("/suche/", {"category": "tierschutz"}).content.decode()
    assert "Gassigehen mit Tierheimhunden" in html
    assert "Vorlesen im Kindergarten" not in html


def test_unknown_filter_values_get_a_german_message_not_an_error_page(client, verein_bretten):
    make_opportunity(organisation=verein_bretten, title="Gassigehen mit Tierheimhunden")
    response = client.get("/suche/", {"city": "atlantis"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Die Stadt „atlantis“ kennen wir nicht." in html
    assert "Gassigehen" not in html


def titles(response):
    return [card.title for card in response.context["page_obj"].object_list]


def test_radius_search_against_geodesic_distance(client, bretten, ettlingen):
    near_ettlingen = make_opportunity(city=ettlingen, title="Streuobst in Ettlingen", postcode="76275")
    make_opportunity(city=bretten, title="Tafel in Bretten", postcode="75015")
    response = client.get("/suche/", {"near": "76275", "radius": "10"})
    assert titles(response) == ["Streuobst in Ettlingen"]
    assert 0 <= response.context["page_obj"].object_list[0].distance_km < 3
    html = response.content.decode()
    assert "in Ettlingen" in html and "0,0 km" not in html  # placed at the postcode's centre only
    response = client.get("/suche/", {"near": "75015", "radius": "10"})
    assert titles(response) == ["Tafel in Bretten"]
    response = client.get("/suche/", {"near": "75015", "radius": "30", "sort": "distance"})
    assert titles(response) == ["Tafel in Bretten", "Streuobst in Ettlingen"]  # about 25 km apart
    assert near_ettlingen.title in response.content.decode()


@pytest.mark.parametrize(
    "params, message",
    [
        ({"radius": "0", "near": "76275"}, "mindestens 1 km"),
        ({"radius": "-5", "near": "76275"}, "mindestens 1 km"),
        ({"radius": "10000", "near": "76275"}, "höchstens 100 km"),
        ({"near": "Etlingen"}, "Meinten Sie: Ettlingen"),
        ({"date_from": "morgen"}, "Datum wie 2026-12-24"),
        ({"q": "x" * 300}, "höchstens 200 Zeichen"),
        ({"schedule": "sometimes"}, "kein zeitlicher Rahmen"),
        ({"category": "raumfahrt"}, "Das Thema „raumfahrt“ kennen wir nicht."),
        ({"sort": "distance"}, "geben Sie bitte einen Ort an"),
        ({"remote": "2"}, "nur 1 oder 0"),
        ({"min_age_ok": "-3"}, "nicht kleiner als 0"),
        ({"min_age_ok": "500"}, "Alter bis 120"),
        ({"min_age_ok": "16.5"}, "ganze Zahl"),
        ({"barrier_free": "0"}, "nur 1 (ja)"),
        ({"open": "nein"}, "nur 1 (ja)"),
        ({"date_from": "2027-03-10", "date_to": "2027-03-01"}, "„Termin bis“ liegt vor „Termin ab“"),
    ],
)
def test_invalid_input_gets_a_message_and_a_400(client, bretten, params, message):
    response = client.get("/suche/", params)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_an_unreachable_geocoder_gets_a_message_not_an_error_page(client, bretten, monkeypatch, settings):
    """An online geocoder is asked only for places the offline list does not know, and when it cannot
    be reached the citizen learns why (400, nothing else changes)."""
    from engagement.geo import geocoders

    class Down(geocoders.Geocoder):
        asked = []

        def geocode(self, query):
            self.asked.append(query)
            raise geocoders.GeocodingError("timeout")

    monkeypatch.setattr(geocoders, "get_geocoder", lambda: Down())
    response = client.get("/suche/", {"near": "Kleinkleckersdorf-Süd"})
    assert response.status_code == 400
    assert "können wir gerade nicht nachschlagen" in response.content.decode()
    assert Down.asked == ["Kleinkleckersdorf-Süd"]
    assert client.get("/suche/", {"near": "76275"}).status_code == 200  # known offline: not asked
    assert Down.asked == ["Kleinkleckersdorf-Süd"]


def test_yes_filters_accept_the_checkbox_and_keep_their_state(client, verein_bretten):
    make_opportunity(organisation=verein_bretten, title="Ohne Zeugnis", requires_extended_certificate=False)
    make_opportunity(organisation=verein_bretten, title="Mit Zeugnis", requires_extended_certificate=True)
    response = client.get("/suche/", {"no_certificate": "1"})
    assert titles(response) == ["Ohne Zeugnis"]
    checkbox = (
        '<input class="kern-form-check__checkbox" type="checkbox" name="no_certificate" value="1" '
        'id="id_no_certificate"'
    )
    assert checkbox + " checked>" in response.content.decode()
    assert checkbox + ">" in client.get("/suche/").content.decode()
    assert titles(client.get("/suche/", {"no_certificate": "on"})) == ["Ohne Zeugnis"]  # older saved links
    assert sorted(titles(client.get("/suche/", {"no_certificate": ""}))) == ["Mit Zeugnis", "Ohne Zeugnis"]


def test_activity_and_target_group_stay_selected_in_the_form(client, verein_bretten):
    from engagement.taxonomy.models import Activity, TargetGroup

    activity, group = Activity.objects.first(), TargetGroup.objects.first()
    page = make_opportunity(organisation=verein_bretten, title="Mit Tätigkeit")
    page.activities.add(activity)
    page.target_groups.add(group)
    page.save()  # commits the page's many-to-many relations (modelcluster)
    make_opportunity(organisation=verein_bretten, title="Ohne")
    response = client.get("/suche/", {"activity": activity.slug, "target_group": group.slug})
    assert titles(response) == ["Mit Tätigkeit"]
    html = response.content.decode()
    assert 'name="activity" id="search-activity' in html or 'name="activity"' in html
    assert f'value="{activity.slug}" checked' in html
    assert f'value="{group.slug}" checked' in html


def test_filters_alone_and_combined(client, verein_bretten, ettlingen):
    make_opportunity(
        organisation=verein_bretten,
        title="Online-Nachhilfe",
        is_remote=True,
        postcode="",
        place="",
        street="",
        schedule_kind="flexible",
        rhythm="",
    )
    make_opportunity(
        organisation=verein_bretten,
        title="Jugendtreff",
        minimum_age=18,
        requires_extended_certificate=True,
        step_free_access=True,
    )
    # Someone under 18 finds only offers that say young people are welcome (youth.welcomes_age).
    make_opportunity(
        organisation=verein_bretten,
        title="Voll besetzt",
        recruitment_status="filled",
        minors_welcome=True,
        minimum_age=14,
    )
    cases = [
        ({"remote": "1"}, ["Online-Nachhilfe"]),
        ({"remote": "0", "min_age_ok": "16"}, ["Voll besetzt"]),
        ({"no_certificate": "1", "open": "1"}, ["Online-Nachhilfe"]),
        ({"inclusion": "step_free"}, ["Jugendtreff"]),
        ({"schedule": "flexible"}, ["Online-Nachhilfe"]),
        ({"schedule": "regular", "open": "1"}, ["Jugendtreff"]),
    ]
    for params, expected in cases:
        assert sorted(titles(client.get("/suche/", params))) == expected, params


def test_facet_counts_next_to_the_options(client, verein_bretten, ettlingen):
    make_opportunity(organisation=verein_bretten, title="A", categories=("tierschutz",))
    make_opportunity(organisation=verein_bretten, title="B", categories=("tierschutz", "soziales"))
    make_opportunity(city=ettlingen, title="C", categories=("soziales",))
    response = client.get("/suche/")
    facets = response.context["facets"]
    assert facets["city"] == {"bretten": 2, "ettlingen": 1}
    assert facets["category"]["tierschutz"] == 2 and facets["category"]["soziales"] == 2
    assert "(2 Treffer)" in response.content.decode()
    assert client.get("/suche/", {"city": "ettlingen"}).context["facets"]["category"] == {"soziales": 1}


def test_result_page_queries_do_not_grow_with_page_size(client, verein_bretten, settings):
    from django.core.cache import cache

    settings.PAGE_CACHE_SECONDS = 0  # the rendering's queries, not the page cache's answer
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_opportunity(organisation=verein_bretten, title="Eins")
    client.get("/suche/")
    cache.clear()  # both requests count their facets afresh
    with CaptureQueriesContext(connection) as few:
        client.get("/suche/")
    for number in range(6):
        make_opportunity(organisation=verein_bretten, title=f"Mehr {number}", slug=f"mehr-{number}")
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        client.get("/suche/")
    assert len(many) == len(few)


def test_all_cities_option_sends_an_empty_city_and_finds_everything(client, verein_bretten):
    make_opportunity(organisation=verein_bretten, title="Überall zu finden")
    response = client.get("/suche/", {"q": "", "city": ""})
    assert response.status_code == 200
    assert "Überall zu finden" in response.content.decode()


def test_facet_counts_say_what_each_option_would_give_in_one_query(
    verein_bretten, ettlingen, django_assert_num_queries
):
    """One statement counts all three groups. Each number is what choosing that option would list with
    the other filters: a group is counted without its own filter, so a chosen city leaves the other
    cities their numbers."""
    make_opportunity(organisation=verein_bretten, title="A", categories=("tierschutz",))
    make_opportunity(
        organisation=verein_bretten,
        title="B",
        categories=("tierschutz", "soziales"),
        schedule_kind="flexible",
    )
    make_opportunity(city=ettlingen, title="C", categories=("soziales", "sport"))
    make_opportunity(city=ettlingen, title="D", categories=())
    cities = list(CityPage.objects.live())
    listed = OpportunityPage.objects.listed()

    def selected(query, without):
        params = QueryDict(query, mutable=True)
        params.pop(without, None)
        return OpportunityFilterSet(params, queryset=listed).qs

    selections = (
        "",
        "city=ettlingen",
        "category=soziales&category=sport",
        "schedule=regular",
        "city=bretten&category=soziales&schedule=flexible",
    )

    def facets(query):
        filterset = OpportunityFilterSet(QueryDict(query), queryset=listed)
        assert filterset.is_valid()
        return filterset

    city_keys()  # the list of cities is cached apart from the counts
    for query in selections:
        filterset = facets(query)
        with django_assert_num_queries(1):
            counts = facet_counts(filterset, cities)
        expected = {
            "city": {c.slug: n for c in cities if (n := selected(query, "city").filter(city=c).count())},
            "category": {
                c.slug: n
                for c in Category.objects.all()
                if (n := selected(query, "category").filter(categories=c).count())
            },
            "schedule": {
                k: n
                for k, _ in OpportunityPage.ScheduleKind.choices
                if (n := selected(query, "schedule").filter(schedule_kind=k).count())
            },
        }
        assert {group: counts[group] for group in expected} == expected, query
    assert facet_counts(facets("city=ettlingen"), cities)["city"] == {"bretten": 2, "ettlingen": 2}


def test_places_only_an_online_geocoder_knows_are_asked_once(client, bretten, monkeypatch):
    from engagement.geo import geocoders

    asked = []

    class Online(geocoders.Geocoder):
        def geocode(self, query):
            asked.append(query)
            return geocoders.Location(49.03, 8.70, "Gölshausen")

    monkeypatch.setattr(geocoders, "get_geocoder", lambda: Online())
    for _ in range(2):
        assert client.get("/suche/", {"near": "Gölshausen-Nord"}).status_code == 200
    assert asked == ["Gölshausen-Nord"]
