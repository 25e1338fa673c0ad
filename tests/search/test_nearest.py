"""Sorting by distance: nearest first, as the crow flies, and on PostgreSQL straight from an index."""

import pytest
from django.db import connection
from geopy.distance import geodesic

from engagement.geo.circle import Circle
from engagement.opportunities.models import OpportunityPage
from search.results import ordered_results
from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db

ORIGIN = (48.94, 8.40)
# Title: (latitude, longitude). Chosen so that the order by real distance differs from the order by
# latitude or longitude alone; "Weit weg" lies outside a 10 km radius.
PLACES = {
    "Nordwärts 1 km": (48.949, 8.40),
    "Ostwärts 2 km": (48.94, 8.4274),
    "Südwest 3,5 km": (48.918, 8.3725),
    "Ostwärts 5 km": (48.94, 8.4685),
    "Nordwärts 7 km": (49.003, 8.40),
    "Weit weg": (49.05, 8.55),
}


@pytest.fixture
def placed(ettlingen):
    for title, (latitude, longitude) in PLACES.items():
        page = make_opportunity(city=ettlingen, title=title)
        OpportunityPage.objects.filter(pk=page.pk).update(latitude=latitude, longitude=longitude)


def by_real_distance(titles):
    return sorted(titles, key=lambda title: geodesic(ORIGIN, PLACES[title]).kilometers)


def test_search_page_lists_the_nearest_first(client, placed):
    response = client.get("/suche/", {"near": f"{ORIGIN[0]},{ORIGIN[1]}", "radius": "10", "sort": "distance"})
    cards = response.context["page_obj"].object_list
    titles = [card.title for card in cards]
    assert titles == by_real_distance(set(PLACES) - {"Weit weg"})
    assert titles[0] == "Nordwärts 1 km"
    distances = [card.distance_km for card in cards]
    assert distances == sorted(distances)
    assert distances[0] == pytest.approx(1.0, abs=0.05)


def test_api_pages_through_the_nearest_first(client, placed):
    near = f"{ORIGIN[0]},{ORIGIN[1]}"
    first = client.get("/api/v2/opportunities/", {"near": near, "radius": "20", "sort": "distance"}).json()
    titles = [result["title"] for result in first["results"]]
    assert titles == by_real_distance(PLACES)
    assert [result["distance_km"] for result in first["results"]] == sorted(
        result["distance_km"] for result in first["results"]
    )


def test_distance_order_is_served_by_the_nearest_index(placed):
    """The order must be the expression of the GiST index (migration 0007), or every radius search
    computes and sorts the distance of every row in the circle. With sorting forbidden, PostgreSQL
    can only answer from the index, and only if the two expressions are the same."""
    results = ordered_results(OpportunityPage.objects.listed(), "", "distance", Circle(ORIGIN, 10))
    window = results.walk.values_list("pk", flat=True)[:20]
    sql, params = window.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "opportunity_nearest" in plan
