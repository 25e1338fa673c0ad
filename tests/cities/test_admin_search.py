"""The admin page search is ours (engagement.cities.admin_search): same pages and access, facet counts.

Wagtail's view searched the matches four times; ours takes every count from the page-type facet. The
numbers must still be right, with and without a chosen page type, and stay inside the editor's city.
"""

import re

import pytest

from engagement.cities.admin_search import PageSearchView
from tests.factories import UserFactory, make_opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture
def bretten_editor(bretten, ettlingen):
    for number in range(3):
        make_opportunity(city=bretten, title=f"Nachhilfe Mathe Bretten {number}")
    make_opportunity(city=bretten, title="Nachhilfe Deutsch Bretten (Entwurf)", publish=False)
    make_opportunity(city=bretten, title="Vorlesen Bretten")
    for number in range(2):
        make_opportunity(city=ettlingen, title=f"Nachhilfe Ettlingen {number}")
    editor = UserFactory(username="redaktion-bretten")
    editor.groups.add(bretten.editor_group)
    return editor


def heading_count(html):
    return int(re.search(r"Es gibt (\d+) passende Seiten?", html).group(1))


def test_both_addresses_of_the_admin_search_are_served_by_our_view(client, bretten_editor):
    client.force_login(bretten_editor)
    for path in ("/admin/pages/search/", "/admin/pages/search/results/"):
        assert isinstance(client.get(path, {"q": "Nachhilfe"}).context["view"], PageSearchView)


def test_editor_finds_and_counts_only_their_citys_pages(client, bretten_editor):
    client.force_login(bretten_editor)
    html = client.get("/admin/pages/search/", {"q": "Nachhilfe"}).content.decode()
    assert heading_count(html) == 4
    assert "Alle (4)" in html and "Engagement-Angebot (4)" in html
    assert "Nachhilfe Deutsch Bretten (Entwurf)" in html
    assert "Ettlingen" not in html


def test_counts_stay_right_with_a_page_type_chosen_and_in_the_results_view(client, bretten_editor):
    client.force_login(bretten_editor)
    chosen = client.get(
        "/admin/pages/search/results/", {"q": "Bretten", "content_type": "opportunities.opportunitypage"}
    ).content.decode()
    assert heading_count(chosen) == 6  # all pages matching "Bretten", of every type (the city's too)
    assert "Engagement-Angebot (5)" in chosen
    assert chosen.count("data-listing-page-title") == 5  # the listed ones: opportunities only
    assert "Ettlingen" not in chosen


def test_people_without_admin_access_get_no_search(client, bretten_editor):
    response = client.get("/admin/pages/search/", {"q": "Nachhilfe"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(UserFactory())
    response = client.get("/admin/pages/search/", {"q": "Nachhilfe"})
    assert response.status_code in (302, 403)
    assert "Nachhilfe Mathe" not in response.content.decode()


def searches_sent(client, path, params):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, params)
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in queries if "wagtailsearch_indexentry" in q["sql"]]


@pytest.mark.parametrize("params", [{}, {"content_type": "opportunities.opportunitypage"}])
def test_the_matches_are_searched_twice_the_facet_and_the_page_whatever_the_counts(
    client, bretten_editor, params
):
    client.force_login(bretten_editor)
    html, searches = searches_sent(client, "/admin/pages/search/", {"q": "Nachhilfe", **params})
    assert len(searches) == 2  # Wagtail's own view sent four: facet, pagination count, page, heading count
    assert heading_count(html) == 4 and "Engagement-Angebot (4)" in html


def test_the_pagination_counts_every_match_and_loses_none(client, bretten, bretten_editor):
    for number in range(21):
        make_opportunity(city=bretten, title=f"Lesepate Bretten {number}")
    client.force_login(bretten_editor)
    first, _ = searches_sent(client, "/admin/pages/search/", {"q": "Lesepate"})
    second, _ = searches_sent(client, "/admin/pages/search/", {"q": "Lesepate", "p": 2})
    assert heading_count(first) == 21
    titles = set(re.findall(r"Lesepate Bretten \d+", first + second))
    assert len(titles) == 21
    assert first.count("data-listing-page-title") == 20 and second.count("data-listing-page-title") == 1


def test_a_live_filter_counts_only_live_pages(client, bretten_editor):
    client.force_login(bretten_editor)
    html, _ = searches_sent(client, "/admin/pages/search/", {"q": "Nachhilfe live:yes"})
    assert heading_count(html) == 3
    assert "Nachhilfe Deutsch Bretten (Entwurf)" not in html
