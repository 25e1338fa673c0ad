"""`SearchQuery`: one query string read once, in the city of a host or section, rebuilt from what a saved
search keeps (its query string and its city) without a request."""

import pytest
from django.http import QueryDict

from engagement.geo.circle import Circle
from search.query import SearchQuery
from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture
def offers(verein_bretten, ettlingen):
    return {
        "bretten": make_opportunity(organisation=verein_bretten, title="Vorlesen in Bretten"),
        "ettlingen": make_opportunity(city=ettlingen, title="Vorlesen in Ettlingen", postcode="76275"),
        "garten": make_opportunity(
            city=ettlingen,
            title="Garten in Ettlingen",
            slug="garten",
            postcode="76275",
            teaser="Beete pflegen im Stadtpark.",
            description="<p>Wir gießen und jäten.</p>",
        ),
    }


def titles(cards):
    return sorted(card.title for card in cards)


def test_bad_input_is_every_german_message_at_once_and_finds_nothing(bretten):
    search = SearchQuery("radius=0&city=atlantis&sort=distance")
    assert not search.is_valid
    assert search.errors == {
        "radius": ["Der Umkreis muss mindestens 1 km sein."],
        "sort": ["Zum Sortieren nach Entfernung geben Sie bitte einen Ort an."],
        "city": ["Die Stadt „atlantis“ kennen wir nicht."],
    }
    assert search.messages == [message for messages in search.errors.values() for message in messages]


def test_a_stored_query_string_and_city_rebuild_the_search_without_a_request(offers, bretten):
    stored = "q=Vorlesen"
    assert titles(SearchQuery(stored, city=bretten).feed_items(10)) == ["Vorlesen in Bretten"]
    assert titles(SearchQuery(QueryDict(stored), city=bretten).feed_items(10)) == ["Vorlesen in Bretten"]
    assert titles(SearchQuery(stored).feed_items(10)) == ["Vorlesen in Bretten", "Vorlesen in Ettlingen"]


def test_the_city_gives_way_to_cities_chosen_and_to_the_whole_region(offers, bretten):
    assert SearchQuery("", city=bretten).params.getlist("city") == ["bretten"]
    assert SearchQuery("city=ettlingen", city=bretten).params.getlist("city") == ["ettlingen"]
    everywhere = SearchQuery("q=Vorlesen&region=1", city=bretten)
    assert "city" not in everywhere.params
    assert titles(everywhere.feed_items(10)) == ["Vorlesen in Bretten", "Vorlesen in Ettlingen"]
    # "In der ganzen Region" sends an empty city: no filter, not an unknown city.
    assert SearchQuery("city=", city=bretten).is_valid
    assert len(SearchQuery("city=", city=bretten).feed_items(10)) == 3


def test_one_search_offers_results_page_facets_and_the_circle(offers):
    search = SearchQuery("near=76275&radius=5")
    assert search.is_valid and search.circle == Circle(search.origin, 5)
    assert search.sort() == "distance" and search.sort(default="newest") == "newest"
    page = search.page(1, size=1)
    assert page.paginator.count == 2 and len(page.object_list) == 1
    assert page.object_list[0].distance_km < 3
    assert search.facet_counts()["city"] == {"ettlingen": 2}
    assert [ref.pk for ref in search.results(sort="newest")[0:5]] == [
        offers["garten"].pk,
        offers["ettlingen"].pk,
    ]


def test_a_feed_reads_newest_first_unless_an_order_is_asked_for(offers):
    assert SearchQuery("q=Vorlesen").sort() == "relevance"
    assert SearchQuery("q=Vorlesen").sort(default="newest") == "newest"
    assert [card.title for card in SearchQuery("").feed_items(2)] == [
        "Garten in Ettlingen",
        "Vorlesen in Ettlingen",
    ]


def test_widening_links_take_one_narrowing_away(offers):
    links = SearchQuery("q=Tiefsee&city=bretten").widening_links("/suche/")
    assert [link.url for link in links] == ["/suche/?q=Tiefsee", "/suche/?city=bretten"]


def test_the_feed_address_keeps_the_city_of_the_host_but_not_the_page(bretten):
    assert SearchQuery("q=Lesen&page=3", city=bretten).feed_url() == "/suche/feed/?q=Lesen&city=bretten"
    assert SearchQuery("").feed_url() == "/suche/feed/"
