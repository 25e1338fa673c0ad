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
