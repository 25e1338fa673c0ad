"""The pagination under a list: first and last page, two either side of the current one, gaps between,
and the other parameters of the address kept in every link."""

import re

import pytest

from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db


def page_links(html):
    """The page numbers linked, in order, with "…" for a gap."""
    navigation = html.split('class="ev-pagination"', 1)[1].split("</nav>", 1)[0]
    items = re.findall(r'page=(\d+)"(?: aria-current="page")?><span class="kern-sr-only">|(…)', navigation)
    return [number or gap for number, gap in items]


@pytest.fixture
def twelve_offers(verein_bretten):
    for number in range(12):
        make_opportunity(organisation=verein_bretten, title=f"Betreuung {number}", slug=f"betreuung-{number}")


def test_far_pages_are_left_out_with_a_gap_and_each_link_keeps_the_words(client, twelve_offers, monkeypatch):
    monkeypatch.setattr("search.views.PAGE_SIZE", 1)
    html = client.get("/suche/", {"q": "Betreuung"}).content.decode()
    assert page_links(html) == ["1", "2", "3", "…", "12"]
    assert 'aria-current="page" href="?q=Betreuung&amp;page=1"' in html
    html = client.get("/suche/", {"q": "Betreuung", "page": 7}).content.decode()
    assert page_links(html) == ["1", "…", "5", "6", "7", "8", "9", "…", "12"]
    assert 'rel="prev" href="?q=Betreuung&amp;page=6"' in html
    assert 'rel="next" href="?q=Betreuung&amp;page=8"' in html
    # A gap never hides a single page: page 5 links 1 to 7 without one before it.
    html = client.get("/suche/", {"q": "Betreuung", "page": 5}).content.decode()
    assert page_links(html) == ["1", "2", "3", "4", "5", "6", "7", "…", "12"]


def test_a_single_page_has_no_pagination(client, twelve_offers):
    assert 'class="ev-pagination"' not in client.get("/suche/", {"q": "Betreuung"}).content.decode()
