"""A city's page: the search starts in the city (with "ganze Region"), its own topic counts and its
urgent offers."""

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def test_city_search_box_starts_in_the_city_and_offers_the_whole_region(client, bretten):
    html = client.get("/bretten/").content.decode()
    form = re.search(r'<form class="ev-search-form".*?</form>', html, re.S).group(0)
    assert 'action="/bretten/suche/"' in form  # the search inside the city's section
    select = re.search(r'<select[^>]*name="city">(.*?)</select>', form, re.S).group(1)
    assert '<option value="bretten" selected>Nur in Bretten</option>' in select
    assert '<option value="">In der ganzen Region</option>' in select
    assert 'name="near"' in form and 'name="radius"' in form


def test_whole_region_from_a_city_page_is_not_an_unknown_city(client, verein_bretten, ettlingen):
    make_opportunity(city=ettlingen, title="Streuobst in Ettlingen")
    response = client.get("/suche/", {"q": "Streuobst", "near": "", "radius": "10", "city": ""})
    assert response.status_code == 200
    assert "Streuobst in Ettlingen" in response.content.decode()
    response = client.get("/suche/", {"q": "Streuobst", "near": "", "radius": "10", "city": "bretten"})
    assert "Streuobst in Ettlingen" not in response.content.decode()


def test_city_topic_tiles_count_only_the_city_and_search_in_it(client, verein_bretten, ettlingen):
    make_opportunity(organisation=verein_bretten, title="Gassigehen", categories=("tierschutz",))
    make_opportunity(city=ettlingen, title="Katzen füttern", categories=("tierschutz",))
    make_opportunity(city=ettlingen, title="Sport im Park", categories=("sport",))
    html = client.get("/bretten/").content.decode()
    tile = re.search(
        r'<a class="ev-tile" href="/suche/\?city=bretten&amp;category=tierschutz">(.*?)</a>', html, re.S
    )
    assert tile and "1 Angebot" in tile.group(1)
    assert "category=sport" not in html
    assert re.search(
        r'href="/suche/\?category=tierschutz">.*?2 Angebote<', client.get("/").content.decode(), re.S
    )


def test_city_counts_follow_publishing(client, verein_bretten):
    make_opportunity(organisation=verein_bretten, title="Erstes", categories=("tierschutz",))
    assert "1 Angebot<" in client.get("/bretten/").content.decode()
    second = make_opportunity(organisation=verein_bretten, title="Zweites", categories=("tierschutz",))
    assert re.search(r"category=tierschutz\">.*?2 Angebote<", client.get("/bretten/").content.decode(), re.S)
    second.unpublish()
    assert re.search(r"category=tierschutz\">.*?1 Angebot<", client.get("/bretten/").content.decode(), re.S)


def test_city_page_shows_its_urgent_offers_only(client, verein_bretten, ettlingen):
    soon = timezone.localdate() + dt.timedelta(days=3)
    make_opportunity(organisation=verein_bretten, title="Bretten braucht Hilfe", application_deadline=soon)
    make_opportunity(city=ettlingen, title="Ettlingen braucht Hilfe", application_deadline=soon)
    html = client.get("/bretten/").content.decode()
    urgent = html.split('id="city-urgent"')[1].split("</section>")[0]
    assert "Bretten braucht Hilfe" in urgent
    assert "Ettlingen braucht Hilfe" not in html


def test_city_page_queries_stay_constant_with_urgent_offers_and_tiles(client, verein_bretten):
    soon = timezone.localdate() + dt.timedelta(days=3)
    make_opportunity(organisation=verein_bretten, title="Erstes", application_deadline=soon)
    client.get("/bretten/")
    with CaptureQueriesContext(connection) as few:
        client.get("/bretten/")
    for number in range(5):
        make_opportunity(
            organisation=verein_bretten,
            title=f"Weiteres {number}",
            categories=("soziales", "sport"),
            application_deadline=soon,
        )
    client.get("/bretten/")
    with CaptureQueriesContext(connection) as many:
        client.get("/bretten/")
    assert len(many) == len(few)
