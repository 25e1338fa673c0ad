"""The admin page search is ours (engagement.cities.admin_search): same pages, same access, one count.

Wagtail's view counted the matches twice; ours takes the heading's count from the pagination. The
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
