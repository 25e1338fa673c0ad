"""Inclusion you can filter by, and the age filter for young volunteers: every counted option gives as
many results as it says (the counts come from the same conditions as the list), several inclusion
features narrow together, the older `barrier_free` address still works, and the API says the same."""

import re

import pytest
from django.http import QueryDict

from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db

LIST = "/api/v2/opportunities/"


@pytest.fixture
def offers(verein_bretten, ettlingen):
    make_opportunity(
        organisation=verein_bretten,
        title="Vorlesen im Seniorenheim",
        step_free_access=True,
        accessible_toilet=True,
        quiet_place=True,
    )
    make_opportunity(
        organisation=verein_bretten,
        title="Hausaufgabenhilfe",
        step_free_access=True,
        easy_language=True,
        minors_welcome=True,
        minimum_age=16,
    )
    make_opportunity(
        city=ettlingen,
        title="Jugendgruppe Naturschutz",
        categories=("umwelt-natur",),
        no_experience_needed=True,
        minors_welcome=True,
        minimum_age=12,
        minors_supervised=True,
    )
    make_opportunity(city=ettlingen, title="Kassenprüfung", minimum_age=21)
    # Not listed: a draft with every promise must count nowhere.
    make_opportunity(
        organisation=verein_bretten,
        title="Entwurf",
        publish=False,
        step_free_access=True,
        minors_welcome=True,
        minimum_age=14,
    )


def searched(client, params):
    response = client.get(f"/suche/?{params}")
    assert response.status_code == 200, response.content.decode()[:500]
    return response.context


def titles(context):
    return sorted(page.title for page in context["page_obj"].object_list)


def test_inclusion_counts_are_what_adding_the_feature_gives(client, offers):
    for params in ["", "inclusion=step_free", "city=bretten", "q=Hausaufgaben"]:
        facets = searched(client, params)["facets"]
        assert facets["inclusion"], params
        for slug, number in facets["inclusion"].items():
            chosen = QueryDict(params, mutable=True)
            if slug not in chosen.getlist("inclusion"):
                chosen.appendlist("inclusion", slug)
            assert searched(client, chosen.urlencode())["page_obj"].paginator.count == number, (params, slug)
    assert searched(client, "")["facets"]["inclusion"] == {
        "step_free": 2,
        "accessible_toilet": 1,
        "quiet_place": 1,
        "easy_language": 1,
        "no_experience": 1,
    }


def test_several_features_must_all_hold(client, offers):
    assert titles(searched(client, "inclusion=step_free")) == [
        "Hausaufgabenhilfe",
        "Vorlesen im Seniorenheim",
    ]
    assert titles(searched(client, "inclusion=step_free&inclusion=quiet_place")) == [
        "Vorlesen im Seniorenheim"
    ]
    both = searched(client, "inclusion=step_free&inclusion=quiet_place")["facets"]["inclusion"]
    assert both == {"step_free": 1, "accessible_toilet": 1, "quiet_place": 1}
    assert titles(searched(client, "inclusion=quiet_place&inclusion=easy_language")) == []


def test_youth_counts_are_what_choosing_the_age_gives(client, offers):
    facets = searched(client, "")["facets"]["youth"]
    assert facets == {"minors": 2, "12": 1, "14": 1, "16": 2}
    for value, number in facets.items():
        assert searched(client, f"youth={value}")["page_obj"].paginator.count == number
    # Another age replaces the chosen one: its count is not narrowed by the first choice.
    assert searched(client, "youth=12")["facets"]["youth"] == facets
    assert titles(searched(client, "youth=14")) == ["Jugendgruppe Naturschutz"]


def test_a_young_persons_age_finds_only_offers_that_welcome_minors(client, offers):
    # Without a stated welcome, an offer without an age limit is for adults: not shown to a 15-year-old.
    assert titles(searched(client, "min_age_ok=15")) == ["Jugendgruppe Naturschutz"]
    assert "Vorlesen im Seniorenheim" in titles(searched(client, "min_age_ok=18"))
    assert "Kassenprüfung" not in titles(searched(client, "min_age_ok=18"))


def test_the_filter_panel_shows_the_features_with_counts(client, offers):
    html = client.get("/suche/").content.decode()
    assert "Barrierefreiheit und Inklusion" in html
    assert re.search(
        r'value="step_free"[^>]*>\s*<label[^>]*>Stufenloser Zugang\s*'
        r'<span class="ev-facet-count">\(2 Treffer\)',
        html,
    )
    assert re.search(
        r'value="14"[^>]*>\s*<label[^>]*>ab 14 Jahren\s*<span class="ev-facet-count">\(1 Treffer\)', html
    )


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ("inclusion=rampe", "inclusion", "„rampe“ ist keine Angabe zur Barrierefreiheit"),
        ("youth=13", "youth", "„13“ ist keine Altersangabe"),
        ("barrier_free=0", "barrier_free", "nur 1 (ja)"),
    ],
)
def test_unknown_values_get_a_german_message_and_no_results(client, offers, params, field, message):
    response = client.get(f"/suche/?{params}")
    assert response.status_code == 400 and message in response.content.decode()
    api = client.get(f"{LIST}?{params}")
    assert api.status_code == 400 and message in " ".join(api.json()["errors"][field])


def test_the_older_barrier_free_address_redirects_and_still_filters_feeds_and_the_api(client, offers):
    response = client.get("/suche/?q=Vorlesen&barrier_free=1&city=bretten")
    assert response.status_code == 301
    assert response["Location"] == "/suche/?q=Vorlesen&city=bretten&inclusion=step_free"
    old = {item["title"] for item in client.get(f"{LIST}?barrier_free=1").json()["results"]}
    new = {item["title"] for item in client.get(f"{LIST}?inclusion=step_free").json()["results"]}
    assert old == new == {"Hausaufgabenhilfe", "Vorlesen im Seniorenheim"}
    feed = client.get("/suche/feed/?barrier_free=1").content.decode()
    assert "Hausaufgabenhilfe" in feed and "Kassenprüfung" not in feed


def test_the_api_names_the_promises_and_the_terms_for_young_people(client, offers):
    results = {item["title"]: item for item in client.get(LIST).json()["results"]}
    assert results["Vorlesen im Seniorenheim"]["inclusion"] == [
        "step_free",
        "accessible_toilet",
        "quiet_place",
    ]
    assert results["Jugendgruppe Naturschutz"]["young_volunteers"] == {
        "welcome": True,
        "minimum_age": 12,
        "supervised": True,
        "accident_insurance": False,
        "guardian_consent_required": True,
    }
    assert results["Kassenprüfung"]["young_volunteers"]["welcome"] is False
    assert results["Kassenprüfung"]["young_volunteers"]["minimum_age"] is None
    schema = client.get("/api/v2/openapi.json").json()
    properties = schema["components"]["schemas"]["Opportunity"]["properties"]
    enum = schema["components"]["schemas"][properties["inclusion"]["items"]["$ref"].rsplit("/", 1)[1]]["enum"]
    assert enum[:2] == ["step_free", "accessible_toilet"] and len(enum) == 11
    assert set(properties["young_volunteers"]["required"]) >= {"welcome", "minimum_age", "supervised"}
    parameters = {parameter["name"]: parameter for parameter in schema["paths"][LIST]["get"]["parameters"]}
    assert parameters["inclusion"]["schema"]["items"]["enum"][0] == "step_free"
    assert parameters["youth"]["schema"]["enum"] == ["minors", "12", "14", "16"]


def test_counting_the_new_groups_does_not_grow_with_the_offers(
    client, verein_bretten, django_assert_max_num_queries
):
    make_opportunity(organisation=verein_bretten, title="Eins", step_free_access=True)
    client.get("/suche/?inclusion=step_free&youth=minors")
    with django_assert_max_num_queries(40) as few:
        client.get("/suche/?inclusion=step_free&youth=minors&refresh=1")
    for number in range(6):
        make_opportunity(
            organisation=verein_bretten,
            title=f"Mehr {number}",
            step_free_access=True,
            minors_welcome=True,
            minimum_age=14,
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/suche/?inclusion=step_free&youth=minors&refresh=2")
