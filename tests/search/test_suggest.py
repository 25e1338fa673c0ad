"""Suggestions while typing: /suche/vorschlaege/?q=… for titles and topics, typo-tolerant."""

import pytest
from django.db import connection

from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _german_afterwards():
    """Requests under /en/ leave English active in this thread; the next test expects German."""
    yield
    from django.utils import translation

    translation.activate("de")


URL = "/suche/vorschlaege/"


def labels(response, kind=None):
    assert response.status_code == 200
    return [item["label"] for item in response.json()["suggestions"] if kind in (None, item["kind"])]


@pytest.fixture
def offers(verein_bretten, ettlingen):
    make_opportunity(organisation=verein_bretten, title="Vorlesen im Seniorenheim")
    make_opportunity(organisation=verein_bretten, title="Gassigehen mit Tierheimhunden")
    make_opportunity(city=ettlingen, title="Vorlesepatenschaft an der Grundschule")
    make_opportunity(organisation=verein_bretten, title="Vorlesen als Entwurf", publish=False)


def test_a_typo_still_finds_the_title_on_postgresql(client, offers):
    assert connection.vendor == "postgresql"  # the test suite runs on PostgreSQL (README, make test)
    assert "Vorlesen im Seniorenheim" in labels(client.get(URL, {"q": "Vorlsen"}), "title")
    assert "Gassigehen mit Tierheimhunden" in labels(client.get(URL, {"q": "gasigehen"}), "title")


def test_a_typo_still_finds_the_topic(client, offers):
    assert labels(client.get(URL, {"q": "Tierschtz"}), "category") == ["Tierschutz"]
    assert "Tierschutz" in labels(client.get(URL, {"q": "tier"}), "category")


def test_only_opportunities_citizens_may_find_are_suggested(client, offers):
    found = labels(client.get(URL, {"q": "Vorlesen"}), "title")
    assert "Vorlesen im Seniorenheim" in found
    assert "Vorlesen als Entwurf" not in found


def test_a_city_narrows_the_titles(client, offers):
    found = labels(client.get(URL, {"q": "Vorlese", "city": "ettlingen"}), "title")
    assert found == ["Vorlesepatenschaft an der Grundschule"]


def test_same_title_from_several_organisations_is_suggested_once(client, verein_bretten):
    for _ in range(3):
        make_opportunity(organisation=verein_bretten, title="Lebensmittel ausgeben")
    assert labels(client.get(URL, {"q": "Lebensmittel"}), "title") == ["Lebensmittel ausgeben"]


def test_short_or_empty_queries_suggest_nothing(client, offers):
    assert labels(client.get(URL, {"q": "V"})) == []
    assert labels(client.get(URL)) == []


def test_overlong_queries_are_cut_not_refused(client, offers):
    response = client.get(URL, {"q": "Vorlesen " + "x" * 500})
    assert response.status_code == 200
    assert len(response.json()["query"]) == 100


def test_without_trigrams_a_prefix_or_part_of_the_title_is_found(client, offers, monkeypatch):
    # What the embedded SQLite default does: no typo tolerance, but parts of titles and prefix first.
    monkeypatch.setattr(connection, "vendor", "sqlite")
    found = labels(client.get(URL, {"q": "vorlese"}), "title")
    assert found == ["Vorlesen im Seniorenheim", "Vorlesepatenschaft an der Grundschule"]
    assert labels(client.get(URL, {"q": "heimhunde"}), "title") == ["Gassigehen mit Tierheimhunden"]
    assert labels(client.get(URL, {"q": "Vorlsen"}), "title") == []


def test_labels_follow_the_language(client, offers):
    assert client.get(URL, {"q": "Tierschutz"}).json()["suggestions"][0]["kind_label"] == "Thema"
    assert client.get("/en" + URL, {"q": "Tierschutz"}).json()["suggestions"][0]["kind_label"] == "Topic"


def test_suggestions_take_a_constant_number_of_queries(client, verein_bretten):
    from django.test.utils import CaptureQueriesContext

    make_opportunity(organisation=verein_bretten, title="Vorlesen Gruppe A")
    with CaptureQueriesContext(connection) as few:
        assert len(labels(client.get(URL, {"q": "Vorlesen"}), "title")) == 1
    for number in range(10):
        make_opportunity(organisation=verein_bretten, title=f"Vorlesen Gruppe {number}")
    with CaptureQueriesContext(connection) as many:
        assert len(labels(client.get(URL, {"q": "Vorlesen"}), "title")) == 6
    assert len(many) == len(few)
