"""The search inside a city's section (`/<stadt>/suche/`) starts in that city and offers the region."""

import pytest

from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db


def titles(response):
    return sorted(page.title for page in response.context["page_obj"].object_list)


@pytest.fixture
def two_cities(verein_bretten, ettlingen):
    make_opportunity(organisation=verein_bretten, title="Tafel Bretten")
    make_opportunity(city=ettlingen, title="Streuobst Ettlingen")


def test_the_section_search_starts_in_its_city(client, two_cities):
    response = client.get("/bretten/suche/")
    assert response.status_code == 200
    assert titles(response) == ["Tafel Bretten"]
    html = response.content.decode()
    assert "Sie suchen in Bretten." in html and "In der ganzen Region suchen" in html
    assert 'value="bretten" checked' in html


def test_the_whole_region_is_one_choice_away(client, two_cities):
    assert titles(client.get("/bretten/suche/", {"region": "1"})) == ["Streuobst Ettlingen", "Tafel Bretten"]
    # "In der ganzen Region" in the city page's form sends an empty city.
    assert titles(client.get("/bretten/suche/", {"city": ""})) == ["Streuobst Ettlingen", "Tafel Bretten"]
    assert titles(client.get("/bretten/suche/", {"city": "ettlingen"})) == ["Streuobst Ettlingen"]


def test_words_and_filters_work_inside_the_section(client, two_cities):
    assert titles(client.get("/ettlingen/suche/", {"q": "Streuobst"})) == ["Streuobst Ettlingen"]
    assert titles(client.get("/bretten/suche/", {"q": "Streuobst"})) == []
    assert client.get("/bretten/suche/", {"radius": "0", "near": "75015"}).status_code == 400


def test_an_unknown_city_is_not_found(client, two_cities):
    assert client.get("/atlantis/suche/").status_code == 404


def test_the_city_page_searches_in_its_section_and_the_feed_keeps_the_city(client, two_cities):
    city_page = client.get("/bretten/").content.decode()
    assert 'action="/bretten/suche/"' in city_page
    html = client.get("/bretten/suche/", {"q": "Tafel"}).content.decode()
    assert 'href="/suche/feed/?q=Tafel&amp;city=bretten"' in html
    feed = client.get("/suche/feed/", {"q": "Tafel", "city": "bretten"}).content.decode()
    assert "Tafel Bretten" in feed


def test_english_section_search(client, two_cities):
    response = client.get("/en/bretten/suche/")
    assert response.status_code == 200
    assert titles(response) == ["Tafel Bretten"]
