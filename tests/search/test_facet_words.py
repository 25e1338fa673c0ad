"""The number beside a filter option is what the visitor gets by choosing it, the search words included:
"Betreuung" gave 3 results while the panel offered "Tierschutz (5 Treffer)". Checked on the search page
itself over the demo content, by clicking every counted option of several searches."""

import re
from html import unescape

import pytest
from django.core.management import call_command
from django.http import QueryDict

from search import facets
from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db

COUNTED_OPTION = re.compile(
    r'<input class="kern-form-check__checkbox" type="checkbox" '
    r'(?:name="(?P<name1>[a-z_]+)" id="(?P<id1>[^"]+)"'
    r'|id="(?P<id2>[^"]+)" name="(?P<name2>[a-z_]+)") value="(?P<value>[^"]+)"(?: checked)?>\s*'
    r'<label class="kern-label" for="[^"]+">[^<]*<span class="ev-facet-count">\((?P<count>[\d.]+) Treffer\)'
)
RESULT_COUNT = re.compile(r"(?:(\d[\d.]*) Angebote?\b|Mehr als)")


def shown_options(html):
    """(parameter, value, number) of every option the filter panel shows with a count."""
    return [
        (match["name1"] or match["name2"], unescape(match["value"]), int(match["count"].replace(".", "")))
        for match in COUNTED_OPTION.finditer(html)
    ]


def result_count(html):
    match = RESULT_COUNT.search(html.split('id="search-results"', 1)[1])
    assert match and match[1], "the page names an exact count"
    return int(match[1].replace(".", ""))


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)


SEARCHES = [
    "q=Betreuung",
    "q=Kinder",
    "q=Hund",
    "q=Garten&city=ettlingen",
    "q=Lesen&category=bildung",
    "q=Betreuung&near=76275&radius=25",
    "city=bretten&schedule=regular",
    "q=zzzzkeintreffer",
]


def test_every_counted_option_gives_as_many_results_as_it_says(client, demo):
    clicked = 0
    for search in SEARCHES:
        html = client.get(f"/suche/?{search}").content.decode()
        if search.startswith("q=zzzz"):
            assert shown_options(html) == [], "no option promises results the words cannot give"
        for name, value, number in shown_options(html):
            params = QueryDict(search, mutable=True)
            # A number counts the option on its own (its group's other choices left out).
            params.setlist(name, [value])
            chosen = client.get(f"/suche/?{params.urlencode()}").content.decode()
            assert result_count(chosen) == number, (search, name, value)
            clicked += 1
    assert clicked > 30  # the demo gives every search several counted options


def test_the_issues_example_betreuung_counts_topics_among_its_own_hits(client, demo):
    html = client.get("/suche/?q=Betreuung").content.decode()
    total = result_count(html)
    topics = [number for name, _, number in shown_options(html) if name == "category"]
    cities = [number for name, _, number in shown_options(html) if name == "city"]
    assert topics and max(topics) <= total
    assert sum(cities) == total  # every offer lies in exactly one city


@pytest.fixture
def offers(verein_bretten, ettlingen):
    make_opportunity(organisation=verein_bretten, title="Hundebetreuung", categories=("tierschutz",))
    make_opportunity(organisation=verein_bretten, title="Katzen füttern", categories=("tierschutz",))
    make_opportunity(city=ettlingen, title="Betreuung im Tierheim", categories=("tierschutz",))
    make_opportunity(city=ettlingen, title="Gartenarbeit", categories=("umwelt-natur",))


def test_counts_follow_the_words_through_full_text_and_compounds(client, offers):
    plain = client.get("/suche/").context["facets"]
    assert plain["category"] == {"tierschutz": 3, "umwelt-natur": 1}
    worded = client.get("/suche/", {"q": "Betreuung"}).context["facets"]
    # "Betreuung im Tierheim" by full text, "Hundebetreuung" inside a compound; the cat sitter not at all.
    assert worded == {
        "city": {"bretten": 1, "ettlingen": 1},
        "category": {"tierschutz": 2},
        "schedule": {"regular": 2},
        "inclusion": {},  # none of these offers promises a feature
        "youth": {},
    }
    # The cached panel of the plain search is not the worded one, in either order.
    assert client.get("/suche/").context["facets"] == plain


def counted_parts(monkeypatch):
    """Record which parts (source, city ids) each search has to count afresh."""
    asked = []
    count_parts = facets.count_parts

    def recording(filterset, wanted, *args, **kwargs):
        asked.append({source: sorted(cities) for source, cities in wanted.items()})
        return count_parts(filterset, wanted, *args, **kwargs)

    monkeypatch.setattr(facets, "count_parts", recording)
    return asked


def test_a_save_in_one_city_keeps_the_other_cities_counts_cached(
    client, offers, ettlingen, bretten, monkeypatch
):
    asked = counted_parts(monkeypatch)
    before = client.get("/suche/", {"category": "tierschutz"}).context["facets"]
    assert before["city"] == {"bretten": 2, "ettlingen": 1}
    assert asked and str(bretten.pk) in asked[-1][None]
    asked.clear()
    client.get("/suche/", {"category": "tierschutz"})
    assert asked == []  # all cached

    make_opportunity(city=ettlingen, title="Vogelschutz", categories=("tierschutz",))

    after = client.get("/suche/", {"category": "tierschutz"}).context["facets"]
    assert after["city"] == {"bretten": 2, "ettlingen": 2}
    # Only Ettlingen was counted again (its total, and its topics without the topic filter).
    assert asked == [{None: [str(ettlingen.pk)], "category": [str(ettlingen.pk)]}]
    # Bretten's own host (the same parts) counts nothing, and sees Ettlingen's new number too.
    asked.clear()
    chosen = client.get("/suche/", {"category": "tierschutz", "city": "bretten"}).context["facets"]
    assert asked == [] and chosen["city"] == {"bretten": 2, "ettlingen": 2}


def test_an_organisation_saved_refreshes_the_cities_of_its_offers_only(
    client, offers, verein_bretten, ettlingen, bretten, monkeypatch
):
    asked = counted_parts(monkeypatch)
    client.get("/suche/")
    asked.clear()

    verein_bretten.verification_state = verein_bretten.VerificationState.SUSPENDED
    verein_bretten.save()

    assert client.get("/suche/").context["facets"]["city"] == {"ettlingen": 2}
    assert asked == [{None: [str(bretten.pk)]}]


def test_the_region_warmed_serves_each_city_host_without_counting(client, offers, bretten, monkeypatch):
    from search.tasks import warm_facet_counts

    warm_facet_counts()
    asked = counted_parts(monkeypatch)
    response = client.get("/suche/", {"city": "bretten"})
    assert asked == []
    assert response.context["facets"]["category"] == {"tierschutz": 2}
