import pytest

from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db


def titles(client, **params):
    response = client.get("/suche/", params)
    assert response.status_code == 200
    return response.content.decode()


def test_compounds_are_found_from_either_end(client, verein_bretten):
    make_opportunity(organisation=verein_bretten, title="Kinderbetreuung im Verein")
    make_opportunity(organisation=verein_bretten, title="Lesepaten für Grundschulkinder")
    make_opportunity(organisation=verein_bretten, title="Hundebetreuung im Tierheim")
    make_opportunity(organisation=verein_bretten, title="Gartenarbeit am Rathaus")

    html = titles(client, q="Kinder")
    assert "Kinderbetreuung im Verein" in html
    assert "Lesepaten für Grundschulkinder" in html
    assert "Hundebetreuung" not in html

    html = titles(client, q="Betreuung")
    assert "Kinderbetreuung im Verein" in html
    assert "Hundebetreuung im Tierheim" in html
    assert "Grundschulkinder" not in html
    assert "Gartenarbeit" not in html


def test_stemming_finds_inflected_forms(client, verein_bretten):
    make_opportunity(organisation=verein_bretten, title="Hausaufgabenhilfe für Kinder")
    assert "Hausaufgabenhilfe für Kinder" in titles(client, q="Kinder")


def test_exact_title_match_ranks_above_compound_and_description_match(client, verein_bretten):
    make_opportunity(organisation=verein_bretten, title="Kinderbetreuung am Nachmittag", slug="kompositum")
    make_opportunity(
        organisation=verein_bretten,
        title="Vorlesen",
        slug="beschreibung",
        description="Wir lesen Kindern Geschichten vor.",
    )
    make_opportunity(organisation=verein_bretten, title="Zeit für Kinder", slug="titel")

    html = titles(client, q="Kinder")
    assert html.index("Zeit für Kinder") < html.index("Kinderbetreuung am Nachmittag")
    assert html.index("Zeit für Kinder") < html.index("Vorlesen")


def test_compound_match_respects_filters(client, verein_bretten, ettlingen):
    make_opportunity(organisation=verein_bretten, title="Kinderbetreuung in Bretten")
    make_opportunity(city=ettlingen, title="Kinderbetreuung in Ettlingen")

    html = titles(client, q="betreuung", city="ettlingen")
    assert "Kinderbetreuung in Ettlingen" in html
    assert "Kinderbetreuung in Bretten" not in html


def test_api_finds_compounds_too(client, verein_bretten):
    make_opportunity(organisation=verein_bretten, title="Hundebetreuung im Tierheim")
    data = client.get("/api/v2/opportunities/", {"q": "Betreuung"}).json()
    assert [item["title"] for item in data["results"]] == ["Hundebetreuung im Tierheim"]


def test_word_search_queries_do_not_grow_with_the_number_of_results(client, verein_bretten):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_opportunity(organisation=verein_bretten, title="Kinderbetreuung eins", slug="eins")
    # A full-text hit too, as below: without one the index sample is empty and asks nothing.
    make_opportunity(organisation=verein_bretten, title="Kinder null", slug="null")
    client.get("/suche/", {"q": "Kinder"})
    cache.clear()  # both requests count their facets afresh
    with CaptureQueriesContext(connection) as few:
        client.get("/suche/", {"q": "Kinder"})
    for number in range(6):
        make_opportunity(organisation=verein_bretten, title=f"Kinder {number}", slug=f"kinder-{number}")
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        html = client.get("/suche/", {"q": "Kinder"}).content.decode()
    assert "Kinder 5" in html
    assert len(many) == len(few)
