"""The facet counts of the busiest selections are ready before anyone asks: the same selection shares
one cache entry however its query string is spelled, and a task run by celery beat counts the whole
region in advance (its parts, one per city, serve each city's own host too)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from search.facets import selection_key
from search.tasks import warm_facet_counts
from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db


def key(query, words=""):
    return selection_key(QueryDict(query), words)


def test_spellings_of_the_same_selection_share_one_key():
    plain = key("")
    assert key("q=Garten&near=&radius=10&sort=newest&page=2") == plain  # the home page's search box
    assert key("q=Garten", "Garten") == key("sort=newest", "Garten")
    assert key("city=&category=") == plain  # "Alle Städte" sends an empty city
    assert key("region=1") == plain
    assert key("category=sport&category=kultur") == key("category=kultur&category=sport")


def test_different_selections_keep_different_keys():
    plain = key("")
    assert key("city=bretten") != plain
    assert key("near=76275&radius=10") != key("near=76275&radius=20")
    assert key("near=76275") != plain
    assert key("category=sport") != key("category=kultur")
    assert key("", "Garten") != plain  # the counts follow the words


def facet_queries(client, path, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, params)
    assert response.status_code == 200
    return response, [query["sql"] for query in queries if query["sql"].lstrip().startswith("WITH rows_")]


def test_warmed_counts_spare_the_first_visitor_the_counting(client, verein_bretten, ettlingen):
    make_opportunity(organisation=verein_bretten, title="A", categories=("tierschutz",))
    make_opportunity(city=ettlingen, title="B", categories=("soziales",))
    cache.clear()

    assert warm_facet_counts() == 1  # the region, and with it each city

    response, counted = facet_queries(client, "/suche/")
    assert counted == []
    assert response.context["facets"]["city"] == {"bretten": 1, "ettlingen": 1}
    response, counted = facet_queries(client, "/suche/", city="ettlingen")
    assert counted == []
    assert response.context["facets"]["category"] == {"soziales": 1}
    # Words narrow the counts: their first visitor counts them, once.
    response, counted = facet_queries(client, "/suche/", q="Xylophonorchester")  # nothing like it
    assert len(counted) == 1
    assert response.context["facets"]["city"] == {}
    # A selection nobody warmed is counted on its first visit, once.
    _, counted = facet_queries(client, "/suche/", category="soziales")
    assert len(counted) == 1


def test_warming_after_a_publication_counts_the_new_offer(client, verein_bretten):
    make_opportunity(organisation=verein_bretten, title="A", categories=("tierschutz",))
    warm_facet_counts()
    make_opportunity(organisation=verein_bretten, title="B", categories=("sport",))  # new generation

    warm_facet_counts()

    response, counted = facet_queries(client, "/suche/")
    assert counted == []
    assert response.context["facets"]["category"] == {"tierschutz": 1, "sport": 1}


def test_beat_warms_the_facets_every_minute(settings, worker_tasks):
    entries = [
        entry
        for entry in settings.CELERY_BEAT_SCHEDULE.values()
        if entry["task"] == "search.warm_facet_counts"
    ]
    assert [entry["schedule"] for entry in entries] == [60]
    assert "search.warm_facet_counts" in worker_tasks


def test_topics_given_from_the_topics_side_are_counted_and_found_at_once(client, verein_bretten):
    """A topic given to an offer, renamed or taken away outside the offer's own save (from the topic,
    a bulk edit) reaches the cached counts and the kept matches of a search at once."""
    from engagement.taxonomy.models import Category

    page = make_opportunity(organisation=verein_bretten, title="Vorlesen", categories=("soziales",))
    assert client.get("/suche/").context["facets"]["category"] == {"soziales": 1}
    assert "Vorlesen" not in client.get("/suche/", {"q": "Tierschutz"}).content.decode()
    tierschutz = Category.objects.get(slug="tierschutz")
    tierschutz.opportunities.add(page)
    assert client.get("/suche/").context["facets"]["category"] == {"soziales": 1, "tierschutz": 1}
    assert "Vorlesen" in client.get("/suche/", {"q": "Tierschutz"}).content.decode()
    tierschutz.opportunities.remove(page)
    assert client.get("/suche/").context["facets"]["category"] == {"soziales": 1}
    assert "Vorlesen" not in client.get("/suche/", {"q": "Tierschutz"}).content.decode()
