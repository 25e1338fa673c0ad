"""The search understands how citizens type (issue 17): gender and word forms, verbs and their nouns,
the word list, typos in the results, several words of which not all match, and places in the query.
The relevance set (test_relevance.py) measures the same over the demo content; these tests pin each
rule on its own."""

import pytest
from django.db.models import Q

from engagement.opportunities.models import OpportunityPage
from search.matching import word_condition
from search.query import SearchQuery
from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db

NEUTRAL = {"teaser": "Einmal pro Woche.", "description": "<p>Wir freuen uns auf Sie.</p>"}


def offer(organisation, title, **fields):
    return make_opportunity(organisation=organisation, title=title, **{**NEUTRAL, **fields})


def titles(query, size=20):
    search = SearchQuery(f"q={query}")
    assert search.is_valid
    return [card.title for card in search.page(1, size).object_list]


def test_a_masculine_word_finds_every_gender_form_and_the_word_list_finds_lehrkraefte(verein_bretten):
    for title in ("Lehrer:innen gesucht", "Lehrerinnen gesucht", "Lehrkräfte gesucht", "Gärtner gesucht"):
        offer(verein_bretten, title)
    found = titles("Lehrer")
    assert set(found) == {"Lehrer:innen gesucht", "Lehrerinnen gesucht", "Lehrkräfte gesucht"}
    assert found[-1] == "Lehrkräfte gesucht"  # the word as typed before a word of the list
    assert set(titles("Lehrerin")) == set(found)


def test_a_verb_finds_its_nouns(verein_bretten):
    offer(verein_bretten, "Helfer:in für das Sommerfest")
    offer(verein_bretten, "Hilfe beim Umzug")
    offer(verein_bretten, "Kuchen backen")
    assert set(titles("helfen")) == {"Helfer:in für das Sommerfest", "Hilfe beim Umzug"}


@pytest.mark.parametrize(
    ("typed", "other"),
    [("Senioren", "Besuche für ältere Menschen"), ("Nachhilfe", "Lernhilfe Englisch")],
)
def test_synonyms_of_the_word_list_find_each_other(verein_bretten, typed, other):
    offer(verein_bretten, typed)
    offer(verein_bretten, other)
    offer(verein_bretten, "Kuchen backen")
    assert titles(typed) == [typed, other]  # the word as typed first
    assert set(titles(other)) == {typed, other}


def test_a_typo_finds_the_offers_of_the_word_it_resembles(verein_bretten):
    offer(verein_bretten, "Hundebetreuung am Wochenende")
    offer(verein_bretten, "Kuchen backen")
    assert titles("Betruung") == ["Hundebetreuung am Wochenende"]
    assert titles("Hundebetruung") == ["Hundebetreuung am Wochenende"]
    assert titles("Zirkuszelt") == []  # nothing like it: no guess


def test_offers_matching_more_words_rank_first_and_partial_matches_still_show(verein_bretten):
    offer(verein_bretten, "Online-Lernhilfe Mathe für Jugendliche")
    offer(verein_bretten, "Online-Nachhilfe in Deutsch")
    offer(verein_bretten, "Mathe-Olympiade betreuen")
    offer(verein_bretten, "Kuchen backen")
    found = titles("Nachhilfe Mathe")
    assert found[0] == "Online-Lernhilfe Mathe für Jugendliche"
    assert set(found[1:]) == {"Online-Nachhilfe in Deutsch", "Mathe-Olympiade betreuen"}


def test_a_city_in_the_query_ranks_its_offers_first_without_hiding_the_others(verein_bretten, ettlingen):
    offer(verein_bretten, "Gassigehen mit Hunden")
    offer(None, "Besuche mit dem Hund", city=ettlingen)
    offer(None, "Kuchen backen", city=ettlingen)
    assert titles("Hund Ettlingen")[:2] == ["Besuche mit dem Hund", "Gassigehen mit Hunden"]
    assert titles("Hund Bretten")[0] == "Gassigehen mit Hunden"


def test_a_related_word_in_the_title_ranks_above_the_word_deep_in_a_description(verein_bretten):
    offer(verein_bretten, "Lesepat:in für die Grundschule")
    offer(verein_bretten, "Katzen streicheln", description="<p>Sie dürfen auch vorlesen.</p>")
    assert titles("vorlesen") == ["Lesepat:in für die Grundschule", "Katzen streicheln"]


def test_the_shared_word_condition_selects_what_the_results_list(verein_bretten):
    """The facet counts narrow by `word_condition`: it must select exactly the offers listed."""
    offer(verein_bretten, "Online-Lernhilfe Mathe")
    offer(verein_bretten, "Hundebetreuung")
    offer(verein_bretten, "Kuchen backen")
    for query in ("Nachhilfe Mathe", "Betruung", "Hund Ettlingen", "-"):
        selected = OpportunityPage.objects.listed().filter(word_condition(query) or Q())
        assert set(selected.values_list("title", flat=True)) == set(titles(query)), query


def test_many_matches_keep_the_order_of_the_few_for_one_word(verein_bretten, monkeypatch):
    """Over the result cap the window walks indexes instead of ranking every match (results.py);
    for one word a visitor sees the same first offers."""
    offer(verein_bretten, "Betreuung im Verein")
    offer(verein_bretten, "Kinderbetreuung")
    offer(verein_bretten, "Hundebetreuung")
    few = titles("Betreuung", size=2)
    monkeypatch.setattr("search.results.RESULT_CAP", 2)
    many = SearchQuery("q=Betreuung").page(1, 2, count_limit=2)
    assert many.paginator.object_list.capped
    assert [card.title for card in many.object_list] == few
    assert few[0] == "Betreuung im Verein"


def test_over_the_cap_title_matches_come_first_then_the_newest(verein_bretten, monkeypatch):
    """Over the result cap the window does not rank every full-text hit (at 100 000 offers a frequent
    word is in a tenth of all texts): offers with the word in the title first, then every other match
    newest first; the count says "more than"."""
    offer(verein_bretten, "Gartenhilfe", description="<p>Betreuung der Beete.</p>")
    offer(verein_bretten, "Betreuung im Verein")
    offer(verein_bretten, "Fahrdienst", teaser="Betreuung unterwegs.")
    offer(verein_bretten, "Hundebetreuung")
    monkeypatch.setattr("search.results.RESULT_CAP", 3)
    page = SearchQuery("q=Betreuung").page(1, 3, count_limit=3)
    assert page.paginator.object_list.capped
    assert [card.title for card in page.object_list] == [
        "Betreuung im Verein",
        "Hundebetreuung",
        "Fahrdienst",
    ]


def test_over_the_cap_a_page_costs_the_same_queries_however_many_matches(verein_bretten, monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    monkeypatch.setattr("search.results.RESULT_CAP", 2)
    SearchQuery("q=Betreuung").page(1, 2, count_limit=2)  # the first search reads the cities once
    counts = []
    for more in (3, 9):
        for number in range(more):
            offer(verein_bretten, f"Betreuung {more}-{number}", teaser="Betreuung und Begleitung.")
        with CaptureQueriesContext(connection) as queries:
            page = SearchQuery("q=Betreuung").page(1, 2, count_limit=2)
            assert len(page.object_list) == 2 and page.paginator.object_list.capped
        counts.append(len(queries))
    assert counts[0] == counts[1]
