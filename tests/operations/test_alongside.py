"""Counting on a second connection while the request goes on (engagement/operations/alongside.py).

Outside a transaction the work runs in another thread on a connection of its own, in the request's
language and time zone; its failures reach the request. Inside a
transaction another connection would not see the uncommitted rows: the work runs at once, on the
request's connection. The search page counts its filter options this way, with the same numbers and the
same budget either way.
"""

import threading
from unittest import mock

import pytest
from django.db import connection, connections
from django.utils import timezone, translation

from engagement.operations.alongside import alongside
from engagement.opportunities.models import OpportunityPage
from search import facets
from search.tasks import count_facets
from tests.factories import make_opportunity

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="a second connection: PostgreSQL")


def where_it_ran():
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (backend,) = cursor.fetchone()
    return threading.get_ident(), backend, translation.get_language(), timezone.get_current_timezone_name()


def own_backend():
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


@pytest.mark.django_db
def test_inside_a_transaction_it_runs_at_once_on_the_requests_connection():
    thread, backend, _language, _zone = alongside(where_it_ran, OpportunityPage).result()
    assert thread == threading.get_ident() and backend == own_backend()

    failing = alongside(lambda: 1 / 0, OpportunityPage)  # raised where the result is asked for
    with pytest.raises(ZeroDivisionError):
        failing.result()


@pytest.mark.django_db(transaction=True)
def test_switched_off_it_runs_at_once(settings):
    settings.ALONGSIDE_THREADS = 0
    assert alongside(where_it_ran, OpportunityPage).result()[0] == threading.get_ident()


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_it_runs_on_its_own_connection_in_the_requests_language():
    with translation.override("en"), timezone.override("America/New_York"):
        thread, backend, language, zone = alongside(where_it_ran, OpportunityPage).result()
    assert thread != threading.get_ident() and backend != own_backend()
    assert (language, zone) == ("en", "America/New_York")

    with pytest.raises(ZeroDivisionError):
        alongside(lambda: 1 / 0, OpportunityPage).result()


@pytest.fixture
def offers(verein_bretten, ettlingen):
    make_opportunity(organisation=verein_bretten, title="Hunde ausführen", categories=("tierschutz",))
    make_opportunity(city=ettlingen, title="Hunde füttern", categories=("tierschutz",))


@pytest.mark.django_db(transaction=True)
def test_the_search_page_counts_on_another_connection_with_the_same_numbers(client, offers):
    counted_in = []
    real_fetch = facets._fetch

    def fetch(alias, sql, values, budget_ms=None):
        counted_in.append(threading.get_ident())
        return real_fetch(alias, sql, values, budget_ms)

    with mock.patch.object(facets, "_fetch", fetch):
        response = client.get("/suche/", {"q": "Hunde", "category": "tierschutz"})

    assert counted_in and threading.get_ident() not in counted_in
    assert response.context["facets"]["city"] == {"bretten": 1, "ettlingen": 1}
    assert response.context["facets"]["category"] == {"tierschutz": 2}
    html = response.content.decode()
    assert "Hunde ausführen" in html and "Hunde füttern" in html and "(1 Treffer)" in html


@pytest.mark.django_db(transaction=True)
def test_over_the_budget_on_the_other_connection_the_page_goes_out_and_a_worker_counts(
    client, offers, settings
):
    settings.SEARCH_FACET_BUDGET_MS = 50
    real_fetch = facets._fetch

    def slow_fetch(alias, sql, values, budget_ms=None):
        paused = f"SELECT counted.* FROM ({sql}) AS counted CROSS JOIN (SELECT pg_sleep(0.3)) AS pause"
        return real_fetch(alias, paused, values, budget_ms)

    with mock.patch.object(facets, "_fetch", slow_fetch), mock.patch.object(count_facets, "delay") as later:
        response = client.get("/suche/", {"q": "Hunde"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Hunde ausführen" in html and 'class="ev-facet-count"' not in html
    later.assert_called_once_with("q=Hunde", None)
