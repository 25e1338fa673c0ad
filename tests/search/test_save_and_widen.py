"""The search page: "Suche speichern" as a permalink, and an empty state with links that widen."""

import html as html_lib
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _german_afterwards():
    """Requests under /en/ leave English active in this thread; the next test expects German."""
    yield
    from django.utils import translation

    translation.activate("de")


def widen_links(response):
    html = response.content.decode()
    assert "Suche erweitern" in html
    block = html.split('id="search-widen"')[1].split("</ul>")[0]
    return {
        html_lib.unescape(label): html_lib.unescape(url)
        for url, label in re.findall(r'<a class="kern-link" href="([^"]+)">([^<]+)</a>', block)
    }


def params(url):
    return parse_qs(urlsplit(url).query)


def test_save_search_links_to_this_search_without_the_page_number(client, verein_bretten):
    for number in range(25):
        make_opportunity(organisation=verein_bretten, title=f"Vorlesen {number}", slug=f"vorlesen-{number}")
    response = client.get("/suche/", {"q": "Vorlesen", "city": "bretten", "page": "2"})
    html = response.content.decode()
    link = re.search(r'<a class="kern-link" href="([^"]+)" id="save-search"[^>]*>Suche speichern</a>', html)
    assert link
    url = html_lib.unescape(link.group(1))
    assert urlsplit(url).path == "/suche/"
    assert params(url) == {"q": ["Vorlesen"], "city": ["bretten"]}
    # The permalink is itself the search: same results.
    assert client.get(url).context["page_obj"].paginator.count == 25


def test_no_save_link_without_a_search_or_with_errors(client, bretten):
    assert "Suche speichern" not in client.get("/suche/").content.decode()
    assert "Suche speichern" not in client.get("/suche/", {"city": "atlantis"}).content.decode()


def test_empty_result_near_a_place_offers_larger_radii_and_no_place(client, verein_bretten, ettlingen):
    make_opportunity(city=ettlingen, title="Streuobst in Ettlingen", postcode="76275")
    response = client.get("/suche/", {"near": "75015", "radius": "10", "sort": "distance"})
    assert response.context["page_obj"].paginator.count == 0
    links = widen_links(response)
    assert params(links["Im Umkreis von 25 km suchen"])["radius"] == ["25"]
    assert params(links["Im Umkreis von 50 km suchen"])["radius"] == ["50"]
    without_place = params(links["Ohne Ort suchen: „75015“ weglassen"])
    assert "near" not in without_place and "sort" not in without_place
    # Following the wider radius finds the offer about 25 km away.
    wider = client.get(links["Im Umkreis von 50 km suchen"])
    assert [card.title for card in wider.context["page_obj"].object_list] == ["Streuobst in Ettlingen"]


def test_empty_result_offers_to_drop_each_filter_and_the_words(client, verein_bretten):
    make_opportunity(organisation=verein_bretten, title="Vorlesen", categories=("soziales",))
    response = client.get(
        "/suche/",
        {"q": "Vorlesen", "category": ["tierschutz", "sport"], "inclusion": "step_free", "city": "bretten"},
    )
    links = widen_links(response)
    assert params(links["Thema „Tierschutz“ weglassen"])["category"] == ["sport"]
    assert params(links["Thema „Sport & Bewegung“ weglassen"])["category"] == ["tierschutz"]
    assert "inclusion" not in params(links["Barrierefreiheit „Stufenloser Zugang“ weglassen"])
    assert "city" not in params(links["Stadt „Bretten“ weglassen"])
    everything = params(links["Alle Filter weglassen"])
    assert everything == {"q": ["Vorlesen"]}
    assert params(links["Ohne Suchwort „Vorlesen“ suchen"]).get("q") is None
    assert "Vorlesen" in client.get(links["Alle Filter weglassen"]).content.decode()


def test_empty_result_without_narrowing_has_no_widening_links(client, bretten):
    html = client.get("/suche/", {"q": "Tiefseetauchen"}).content.decode()
    assert "Ohne Suchwort „Tiefseetauchen“ suchen" in html
    assert "weglassen" not in html


def test_widening_links_are_translated(client, verein_bretten):
    response = client.get("/en/suche/", {"q": "Vorlesen", "category": "tierschutz"})
    assert "Suche erweitern" not in response.content.decode()
    assert "Widen your search" in response.content.decode()
