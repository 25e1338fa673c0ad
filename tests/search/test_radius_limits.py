"""The radius holds in kilometres, in every direction: offers 1 % inside and 1 % outside the circle.

Test data far from the limit (an offer at 2 km and one at 25 km for a 10 km circle) would pass with
miles for kilometres, a missing cos(latitude) east–west or a bounding box cut too tight.
"""

import pytest
from geopy.distance import geodesic

from engagement.opportunities.models import OpportunityPage
from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db

ORIGIN = (48.94, 8.40)  # Ettlingen
BEARINGS = {"Norden": 0, "Nordosten": 45, "Osten": 90, "Süden": 180, "Südwesten": 225, "Westen": 270}


def place(city, title, km, bearing):
    point = geodesic(kilometers=km).destination(ORIGIN, bearing)
    page = make_opportunity(city=city, title=title)
    OpportunityPage.objects.filter(pk=page.pk).update(latitude=point.latitude, longitude=point.longitude)


@pytest.fixture
def around_the_circle(ettlingen):
    """For a circle of 10 km: one offer at 9.9 km and one at 10.1 km in each direction."""
    for direction, bearing in BEARINGS.items():
        place(ettlingen, f"Innen {direction}", 9.9, bearing)
        place(ettlingen, f"Außen {direction}", 10.1, bearing)


INSIDE = sorted(f"Innen {direction}" for direction in BEARINGS)


@pytest.mark.parametrize("sort", ["distance", "newest"])
def test_the_search_page_lists_exactly_the_offers_inside_the_radius(client, around_the_circle, sort):
    response = client.get("/suche/", {"near": f"{ORIGIN[0]},{ORIGIN[1]}", "radius": "10", "sort": sort})
    cards = response.context["page_obj"].object_list
    assert sorted(card.title for card in cards) == INSIDE
    assert all(card.distance_km == pytest.approx(9.9, abs=0.05) for card in cards)


def test_the_api_lists_exactly_the_offers_inside_the_radius(client, around_the_circle):
    data = client.get(
        "/api/v2/opportunities/", {"near": f"{ORIGIN[0]},{ORIGIN[1]}", "radius": "10", "sort": "distance"}
    ).json()
    assert sorted(result["title"] for result in data["results"]) == INSIDE
    assert all(result["distance_km"] == pytest.approx(9.9, abs=0.05) for result in data["results"])


def test_a_wider_radius_takes_in_the_outer_ring(client, around_the_circle):
    response = client.get("/suche/", {"near": f"{ORIGIN[0]},{ORIGIN[1]}", "radius": "11"})
    assert len(response.context["page_obj"].object_list) == 2 * len(BEARINGS)
