import pytest

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
