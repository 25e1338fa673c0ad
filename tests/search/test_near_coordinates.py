"""`near` as "latitude,longitude": what the button "Meinen Standort verwenden" sends."""

import pytest

from search.coordinates import CoordinatesOutOfRange, parse_coordinates
from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db

ETTLINGEN_CENTRE = "48.941,8.408"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("48.935,8.404", (48.935, 8.404)),
        (" 48.935 , 8.404 ", (48.935, 8.404)),
        ("-33.8688;151.2093", (-33.8688, 151.2093)),
        ("76275", None),  # a postcode
        ("48,9", None),  # a German decimal, not a pair
        ("76275 Ettlingen", None),
        ("Ettlingen", None),
        ("", None),
    ],
)
def test_only_a_pair_of_decimals_counts_as_coordinates(text, expected):
    assert parse_coordinates(text) == expected


def test_coordinates_off_the_globe_are_refused():
    with pytest.raises(CoordinatesOutOfRange):
        parse_coordinates("95.0,8.4")


def titles(response):
    return [card.title for card in response.context["page_obj"].object_list]


def test_search_near_coordinates_finds_what_is_close_and_shows_the_distance(client, bretten, ettlingen):
    make_opportunity(city=ettlingen, title="Streuobst in Ettlingen", postcode="76275")
    make_opportunity(city=bretten, title="Tafel in Bretten", postcode="75015")
    response = client.get("/suche/", {"near": ETTLINGEN_CENTRE, "radius": "10"})
    assert response.status_code == 200
    assert titles(response) == ["Streuobst in Ettlingen"]
    html = response.content.decode()
    assert "in Ettlingen" in html and "0,0 km" not in html  # placed at the postcode's centre only
    response = client.get("/suche/", {"near": ETTLINGEN_CENTRE, "radius": "50", "sort": "distance"})
    assert titles(response) == ["Streuobst in Ettlingen", "Tafel in Bretten"]


def test_coordinates_never_reach_the_geocoder(client, bretten, monkeypatch):
    from engagement.geo import geocoders

    def refuse(*args, **kwargs):
        raise AssertionError("coordinates must not be geocoded")

    monkeypatch.setattr(geocoders.OfflineGeocoder, "geocode", refuse)
    assert client.get("/suche/", {"near": ETTLINGEN_CENTRE}).status_code == 200


def test_impossible_coordinates_get_a_german_message_on_the_page_and_400_in_the_api(client, bretten):
    response = client.get("/suche/", {"near": "123.4,8.4"})
    assert response.status_code == 400
    assert "„123.4,8.4“ sind keine gültigen Koordinaten." in response.content.decode()
    response = client.get("/api/v2/opportunities/", {"near": "123.4,8.4"})
    assert response.status_code == 400
    assert "keine gültigen Koordinaten" in response.json()["errors"]["near"][0]


def test_the_api_accepts_coordinates_too(client, bretten, ettlingen):
    make_opportunity(city=ettlingen, title="Streuobst in Ettlingen", postcode="76275")
    data = client.get("/api/v2/opportunities/", {"near": ETTLINGEN_CENTRE, "radius": "5"}).json()
    assert [item["title"] for item in data["results"]] == ["Streuobst in Ettlingen"]
    assert data["results"][0]["distance_km"] < 5
