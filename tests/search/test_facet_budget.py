"""Counting the numbers beside the filters never holds a search page up for long: over the budget
(SEARCH_FACET_BUDGET_MS) PostgreSQL stops the count, the visitor gets the results without numbers, and
a worker counts them, once per selection, for whoever asks next.

The count is made slow on purpose: the same statement, joined to a pause of the server's own."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.db import ProgrammingError, connection

from search import facets
from search.facets import GENERATION_KEY
from search.tasks import count_facets
from tests.factories import make_opportunity

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="statement timeouts are PostgreSQL's"),
]

FACET_COUNT = 'class="ev-facet-count"'
real_fetch = facets._fetch


def slow_fetch(alias, sql, values, budget_ms=None):
    """The facet statement, finishing only after 0.3 s of the server's own sleep."""
    paused = f"SELECT counted.* FROM ({sql}) AS counted CROSS JOIN (SELECT pg_sleep(0.3)) AS pause"
    return real_fetch(alias, paused, values, budget_ms)


@pytest.fixture
def offers(verein_bretten, ettlingen):
    make_opportunity(organisation=verein_bretten, title="Hunde ausführen", categories=("tierschutz",))
    make_opportunity(city=ettlingen, title="Hunde füttern", categories=("tierschutz",))


@pytest.fixture
def budget(settings):
    settings.SEARCH_FACET_BUDGET_MS = 50


def statement_timeout():
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        return cursor.fetchone()[0]


def test_a_slow_count_leaves_the_results_and_the_panel_without_numbers(client, offers, budget):
    before = statement_timeout()
    with mock.patch.object(facets, "_fetch", slow_fetch), mock.patch.object(count_facets, "delay") as later:
        response = client.get("/suche/", {"q": "Hunde"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Hunde ausführen" in html and "Hunde füttern" in html  # the results, and every query after
    assert FACET_COUNT not in html
    later.assert_called_once_with("q=Hunde", None)
    assert statement_timeout() == before  # the budget ended with its statement


def test_the_worker_counts_what_the_page_had_no_time_for(client, offers, budget):
    with mock.patch.object(facets, "_fetch", slow_fetch):
        # Test settings run tasks at once: the worker's count (without budget) lands in the cache.
        first = client.get("/suche/", {"q": "Hunde", "category": "tierschutz"})
    assert FACET_COUNT not in first.content.decode()

    with mock.patch.object(facets, "_fetch", side_effect=AssertionError("counted again")):
        second = client.get("/suche/", {"q": "Hunde", "category": "tierschutz"})

    assert second.context["facets"]["city"] == {"bretten": 1, "ettlingen": 1}
    assert "(1 Treffer)" in second.content.decode()


def test_many_visitors_of_a_slow_selection_ask_the_worker_once(client, offers, budget):
    with mock.patch.object(facets, "_fetch", slow_fetch), mock.patch.object(count_facets, "delay") as later:
        for _ in range(3):
            assert client.get("/suche/", {"q": "Hunde", "city": "bretten"}).status_code == 200
        later.assert_called_once()
        # A change in a city is a new selection state: asked again.
        cache.delete(GENERATION_KEY.format(city="-"))
        client.get("/suche/", {"q": "Hunde", "city": "bretten"})
    assert later.call_count == 2


def test_within_the_budget_the_numbers_come_with_the_page(client, offers, budget):
    with mock.patch.object(count_facets, "delay") as later:
        response = client.get("/suche/", {"q": "Hunde"})

    assert response.context["facets"]["city"] == {"bretten": 1, "ettlingen": 1}
    later.assert_not_called()


def test_without_a_budget_the_page_waits_for_its_numbers(client, offers, settings):
    settings.SEARCH_FACET_BUDGET_MS = 0
    with mock.patch.object(facets, "_fetch", slow_fetch), mock.patch.object(count_facets, "delay") as later:
        response = client.get("/suche/", {"q": "Hunde"})

    assert response.context["facets"]["city"] == {"bretten": 1, "ettlingen": 1}
    later.assert_not_called()


def test_only_the_timeout_means_pending_and_the_connection_stays_usable():
    with pytest.raises(facets.CountsPending):
        facets._fetch("default", "SELECT pg_sleep(0.3)", [], budget_ms=50)
    assert facets._fetch("default", "SELECT 1", [], budget_ms=50) == [(1,)]

    with pytest.raises(ProgrammingError, match="no_such_column"):  # not taken for a timeout
        facets._fetch("default", "SELECT no_such_column FROM taxonomy_category", [], budget_ms=50)
    assert facets._fetch("default", "SELECT pg_sleep(0.06)", [], budget_ms=None) == [("",)]


def test_the_task_counts_a_city_section_search_and_refuses_nonsense(bretten, offers):
    assert count_facets("q=Hunde", bretten.pk) is True
    assert count_facets("radius=tausend&near=76275", None) is False
    assert count_facets("q=Hunde", 987654) is True  # a city deleted meanwhile: the region's counts


def test_while_a_worker_counts_a_selection_its_visitors_do_not_count_it_too(client, offers, budget):
    with mock.patch.object(facets, "_fetch", slow_fetch), mock.patch.object(count_facets, "delay") as later:
        client.get("/suche/", {"q": "Hunde", "city": "ettlingen"})  # over the budget: the worker is asked
    later.assert_called_once()

    with mock.patch.object(facets, "_fetch", side_effect=AssertionError("counted beside the worker")):
        response = client.get("/suche/", {"q": "Hunde", "city": "ettlingen"})
    assert response.status_code == 200
    assert "Hunde füttern" in response.content.decode()
    assert FACET_COUNT not in response.content.decode()

    # The worker's count lands in the cache and ends the wait: the next visitor reads it.
    assert count_facets("q=Hunde&city=ettlingen", None) is True
    with mock.patch.object(facets, "_fetch", side_effect=AssertionError("counted again")):
        response = client.get("/suche/", {"q": "Hunde", "city": "ettlingen"})
    assert response.context["facets"]["city"] == {"bretten": 1, "ettlingen": 1}


def test_a_worker_that_fails_lets_the_visitors_count_again(client, offers, budget):
    with mock.patch.object(facets, "_fetch", slow_fetch), mock.patch.object(count_facets, "delay"):
        client.get("/suche/", {"q": "Hunde"})
    with (
        mock.patch.object(facets, "_fetch", side_effect=ProgrammingError("kaputt")),
        pytest.raises(ProgrammingError),
    ):
        count_facets("q=Hunde", None)

    response = client.get("/suche/", {"q": "Hunde"})  # counted by the visitor within the budget
    assert response.context["facets"]["city"] == {"bretten": 1, "ettlingen": 1}
