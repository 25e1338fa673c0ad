"""The result list is fetched one page at a time (LIMIT/OFFSET), never as a list of all ids: these tests
pin what a visitor sees at the page borders, with a capped count, with cached facet counts, and that the
portable full-text path (SQLite) agrees with the PostgreSQL one."""

import datetime as dt

import pytest
from django.utils import timezone

from engagement.opportunities.models import OpportunityPage
from search.matching import FullText, PostgresFullText
from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db


def card_titles(response):
    return [card.title for card in response.context["page_obj"].object_list]


def make_dated(organisation, title, days_ago, **fields):
    """An opportunity first published `days_ago` days ago (newest first is the order of compound hits)."""
    page = make_opportunity(organisation=organisation, title=title, slug=f"o-{days_ago}", **fields)
    published = timezone.now() - dt.timedelta(days=days_ago)
    OpportunityPage.objects.filter(pk=page.pk).update(first_published_at=published)
    return page


def town_fair(organisation, **dates):
    """A one-off offer "Betreuung beim Stadtfest" on the given dates."""
    return make_opportunity(
        organisation=organisation,
        title="Betreuung beim Stadtfest",
        slug="stadtfest",
        schedule_kind=OpportunityPage.ScheduleKind.ONE_OFF,
        rhythm="",
        **dates,
    )


@pytest.fixture
def mixed_hits(verein_bretten):
    """Two full-text hits for "Betreuung" and three hits only inside compounds."""
    make_dated(verein_bretten, "Betreuung am Nachmittag", 9)
    make_dated(verein_bretten, "Betreuung im Verein", 8)
    make_dated(verein_bretten, "Kinderbetreuung alt", 3)
    make_dated(verein_bretten, "Hundebetreuung mittel", 2)
    make_dated(verein_bretten, "Seniorenbetreuung neu", 1)
    make_dated(verein_bretten, "Gartenarbeit", 0)


def test_full_text_hits_fill_the_first_page_and_compound_hits_follow_newest_first(
    client, mixed_hits, monkeypatch
):
    monkeypatch.setattr("search.views.PAGE_SIZE", 2)
    first = client.get("/suche/", {"q": "Betreuung"})
    assert sorted(card_titles(first)) == ["Betreuung am Nachmittag", "Betreuung im Verein"]
    assert "5 Angebote" in first.content.decode()
    second = client.get("/suche/", {"q": "Betreuung", "page": 2})
    assert card_titles(second) == ["Seniorenbetreuung neu", "Hundebetreuung mittel"]
    third = client.get("/suche/", {"q": "Betreuung", "page": 3})
    assert card_titles(third) == ["Kinderbetreuung alt"]


def test_a_page_that_straddles_full_text_and_compound_hits(client, mixed_hits, monkeypatch):
    monkeypatch.setattr("search.views.PAGE_SIZE", 3)
    first = card_titles(client.get("/suche/", {"q": "Betreuung"}))
    assert sorted(first[:2]) == ["Betreuung am Nachmittag", "Betreuung im Verein"]
    assert first[2] == "Seniorenbetreuung neu"
    second = card_titles(client.get("/suche/", {"q": "Betreuung", "page": 2}))
    assert second == ["Hundebetreuung mittel", "Kinderbetreuung alt"]


def test_other_orders_keep_full_text_and_compound_hits_together(client, mixed_hits):
    response = client.get("/suche/", {"q": "Betreuung", "sort": "newest"})
    assert card_titles(response) == [
        "Seniorenbetreuung neu",
        "Hundebetreuung mittel",
        "Kinderbetreuung alt",
        "Betreuung im Verein",
        "Betreuung am Nachmittag",
    ]


def test_a_large_result_count_is_capped_and_said_so(client, mixed_hits, monkeypatch):
    monkeypatch.setattr("search.views.RESULT_CAP", 3)
    html = client.get("/suche/", {"q": "Betreuung"}).content.decode()
    assert "Mehr als 3 Angebote" in html
    assert "5 Angebote" not in html
    html = client.get("/suche/").content.decode()  # six offers without words, capped too
    assert "Mehr als 3 Angebote" in html
    html = client.get("/suche/", {"q": "Gartenarbeit"}).content.decode()
    assert "1 Angebot" in html and "Mehr als" not in html


@pytest.mark.parametrize("sort", ["relevance", "newest"])
def test_an_offer_found_both_by_its_words_and_inside_a_compound_counts_once_at_the_cap(
    client, mixed_hits, monkeypatch, sort
):
    """The two full-text hits contain "betreuung" too: the count unites both lists, so five offers under
    a cap of five are five, not seven and "more than five"."""
    monkeypatch.setattr("search.views.RESULT_CAP", 5)
    html = client.get("/suche/", {"q": "Betreuung", "sort": sort}).content.decode()
    assert "5 Angebote" in html and "Mehr als" not in html
    monkeypatch.setattr("search.views.RESULT_CAP", 4)
    html = client.get("/suche/", {"q": "Betreuung", "sort": sort}).content.decode()
    assert "Mehr als 4 Angebote" in html


@pytest.mark.parametrize("sort", ["newest", "deadline", "date", "distance"])
@pytest.mark.parametrize("query", ["", "Betreuung"])
def test_many_and_few_matches_give_the_same_pages(client, mixed_hits, monkeypatch, sort, query):
    """Under the cap the page sorts the known ids; over it, it walks an index in the sort order
    (results.Sorted); the API always walks. A visitor must not see the difference. (All offers here
    share one address: nearest first lists them in some order, each exactly once.)"""
    params = {"q": query, "sort": sort, "near": "75015", "radius": "30"}
    monkeypatch.setattr("search.views.PAGE_SIZE", 2)
    few = [card_titles(client.get("/suche/", {**params, "page": number})) for number in (1, 2, 3)]
    monkeypatch.setattr("search.views.RESULT_CAP", 3)
    many = [card_titles(client.get("/suche/", {**params, "page": number})) for number in (1, 2)]
    api = [card["title"] for card in client.get("/api/v2/opportunities/", params).json()["results"]]
    listed = sum(few, [])
    assert len(set(listed)) == len(listed) == (5 if query else 6)
    assert len(set(sum(many, []))) == 3
    if sort == "distance":
        assert set(api) == set(listed)
    else:
        assert many == [few[0], few[1][:1]]
        assert api == listed


def test_the_api_counts_exactly(client, mixed_hits):
    assert client.get("/api/v2/opportunities/", {"q": "Betreuung"}).json()["count"] == 5


def test_word_search_queries_do_not_grow_from_page_to_page(client, mixed_hits, monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    monkeypatch.setattr("search.views.PAGE_SIZE", 2)
    client.get("/suche/", {"q": "Betreuung"})
    counts = []
    for number in (1, 2, 3):
        with CaptureQueriesContext(connection) as queries:
            client.get("/suche/", {"q": "Betreuung", "page": number})
        counts.append(len(queries))
    assert counts[0] == counts[1] == counts[2]


def test_cached_facet_counts_follow_a_newly_published_opportunity(client, verein_bretten, ettlingen):
    make_opportunity(organisation=verein_bretten, title="A", categories=("tierschutz",))
    assert client.get("/suche/").context["facets"]["city"] == {"bretten": 1}
    counted_ettlingen = 'for="search-city-ettlingen">Ettlingen <span class="ev-facet-count">(1 Treffer)'
    assert counted_ettlingen not in client.get("/suche/").content.decode()
    make_opportunity(city=ettlingen, title="B", categories=("tierschutz",))
    response = client.get("/suche/")
    facets = response.context["facets"]
    assert facets["city"] == {"bretten": 1, "ettlingen": 1}
    assert facets["category"]["tierschutz"] == 2
    # The rendered filter panel is cached with the counts, and follows them.
    html = response.content.decode()
    assert "(2 Treffer)" in html
    assert counted_ettlingen in html


def test_a_saved_draft_keeps_the_cached_counts_and_publishing_it_renews_them(client, verein_bretten, bretten):
    """Drafts change nothing citizens can find, so they must not empty every visitor's cached counts;
    the published change must reach them at once."""
    from engagement.taxonomy.models import Category
    from search.facets import generations

    page = make_opportunity(organisation=verein_bretten, title="A", categories=("tierschutz",))
    assert client.get("/suche/").context["facets"]["category"] == {"tierschutz": 1}
    generation = generations([str(bretten.pk)])

    draft = page.get_latest_revision_as_object()
    draft.categories = list(Category.objects.filter(slug="sport"))
    revision = draft.save_revision()
    assert generations([str(bretten.pk)]) == generation
    assert client.get("/suche/").context["facets"]["category"] == {"tierschutz": 1}

    revision.publish()
    assert generations([str(bretten.pk)]) != generation
    assert client.get("/suche/").context["facets"]["category"] == {"sport": 1}


def test_the_cached_filter_panel_shows_each_selection_and_language_its_own(client, verein_bretten):
    make_opportunity(organisation=verein_bretten, title="A", categories=("tierschutz",))
    client.get("/suche/")
    checked = client.get("/suche/", {"category": "tierschutz"}).content.decode()
    assert 'value="tierschutz" checked' in checked
    assert 'value="tierschutz" checked' not in client.get("/suche/").content.decode()
    assert "Weitere Filter" in client.get("/suche/").content.decode()
    english = client.get("/en/suche/").content.decode()
    assert "More filters" in english and "Weitere Filter" not in english
    by_date = client.get("/suche/", {"sort": "newest"}).content.decode()
    assert 'value="newest" selected' in by_date


def test_facet_counts_follow_the_words_not_the_order(client, mixed_hits):
    plain = client.get("/suche/").context["facets"]
    worded = client.get("/suche/", {"q": "Betreuung", "sort": "newest"}).context["facets"]
    assert plain["city"] == {"bretten": 6}
    assert worded["city"] == {"bretten": 5}  # the two full-text and three compound hits, not "Gartenarbeit"
    assert client.get("/suche/", {"q": "Betreuung", "sort": "relevance"}).context["facets"] == worded


@pytest.mark.parametrize("query", ["Betreuung", "Verein Nachmittag", "Gartenarbeit", "-", "Tiefsee"])
def test_portable_full_text_agrees_with_the_postgres_one(mixed_hits, query):
    listed = OpportunityPage.objects.listed()
    portable, postgres = FullText(query), PostgresFullText(query)
    assert set(listed.filter(pk__in=portable.ids()).values_list("pk", flat=True)) == set(
        listed.filter(pk__in=postgres.ids()).values_list("pk", flat=True)
    )
    assert set(portable.ranked_window(listed, 0, 10)) == set(postgres.ranked_window(listed, 0, 10))


def test_the_next_page_of_a_word_search_takes_its_matches_from_the_first(client, mixed_hits, monkeypatch):
    """The matches of a selection are kept (results.remembered_matches): its next page, another order
    or the other language do not look them up again, and show the same offers."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    monkeypatch.setattr("search.views.PAGE_SIZE", 2)
    with CaptureQueriesContext(connection) as first:
        first_page = card_titles(client.get("/suche/", {"q": "Betreuung"}))
    with CaptureQueriesContext(connection) as second:
        second_page = card_titles(client.get("/suche/", {"q": "Betreuung", "page": 2}))
    assert len(second) < len(first)
    assert sorted(first_page) == ["Betreuung am Nachmittag", "Betreuung im Verein"]
    assert second_page == ["Seniorenbetreuung neu", "Hundebetreuung mittel"]
    newest = card_titles(client.get("/suche/", {"q": "Betreuung", "sort": "newest"}))
    assert newest == ["Seniorenbetreuung neu", "Hundebetreuung mittel"]
    english = client.get("/en/suche/", {"q": "Betreuung", "page": 3})
    assert card_titles(english) == ["Kinderbetreuung alt"]


def test_the_kept_matches_follow_a_new_and_a_withdrawn_offer_at_once(client, mixed_hits, verein_bretten):
    assert "5 Angebote" in client.get("/suche/", {"q": "Betreuung"}).content.decode()
    added = make_opportunity(organisation=verein_bretten, title="Tierbetreuung", slug="tierbetreuung")
    html = client.get("/suche/", {"q": "Betreuung"}).content.decode()
    assert "6 Angebote" in html and "Tierbetreuung" in html
    added.unpublish()
    html = client.get("/suche/", {"q": "Betreuung"}).content.decode()
    assert "5 Angebote" in html and "Tierbetreuung" not in html


def test_a_calendar_of_the_same_words_keeps_to_its_own_offers(client, mixed_hits, verein_bretten):
    """The calendar searches the dated one-off offers only: the search page's kept matches of the same
    words are not its own."""
    import icalendar

    from tests.factories import in_days

    town_fair(verein_bretten, event_start=in_days(5))
    assert "6 Angebote" in client.get("/suche/", {"q": "Betreuung"}).content.decode()
    parsed = icalendar.Calendar.from_ical(client.get("/suche/kalender.ics", {"q": "Betreuung"}).content)
    assert [str(event["SUMMARY"]) for event in parsed.walk("VEVENT")] == ["Betreuung beim Stadtfest"]


def test_the_api_and_the_search_page_share_the_kept_matches_of_a_selection(client, mixed_hits, monkeypatch):
    import search.results

    looked_up = []
    capped_matches = search.results.capped_matches
    monkeypatch.setattr(
        search.results, "capped_matches", lambda *args: looked_up.append(args) or capped_matches(*args)
    )
    api = client.get("/api/v2/opportunities/", {"q": "Betreuung"}).json()
    page = client.get("/suche/", {"q": "Betreuung", "sort": "newest"})
    assert api["count"] == 5
    assert "5 Angebote" in page.content.decode()
    assert len(looked_up) == 1


def test_many_matches_keep_their_title_matches_for_the_next_page(client, mixed_hits, monkeypatch):
    """Over the cap, relevance puts the offers whose title holds the words first; those are kept with
    the matches, so the next page and the same page again look up neither."""
    import search.results

    monkeypatch.setattr("search.views.PAGE_SIZE", 2)
    monkeypatch.setattr("search.views.RESULT_CAP", 3)
    monkeypatch.setattr("search.results.RESULT_CAP", 3)
    looked_up = []
    capped_hits = search.results.capped_hits
    monkeypatch.setattr(
        search.results, "capped_hits", lambda *args: looked_up.append(args) or capped_hits(*args)
    )
    first = client.get("/suche/", {"q": "Betreuung"})
    after_first = len(looked_up)
    second = client.get("/suche/", {"q": "Betreuung", "page": 2})
    again = client.get("/suche/", {"q": "Betreuung"})
    assert "Mehr als 3 Angebote" in first.content.decode()
    assert sorted(card_titles(first)) == ["Betreuung am Nachmittag", "Betreuung im Verein"]
    assert card_titles(second) == ["Seniorenbetreuung neu"]  # the pages reach as far as the cap
    assert card_titles(again) == card_titles(first)
    assert after_first == 2  # every match, and the title matches
    assert len(looked_up) == after_first


def test_the_kept_matches_end_when_a_one_off_date_passes(client, verein_bretten):
    """An offer leaves the lists by the clock when its date is over: the kept matches of a search end
    at that moment too, not two minutes later."""
    from freezegun import freeze_time

    with freeze_time(timezone.now()) as clock:
        make_opportunity(organisation=verein_bretten, title="Betreuung im Verein", slug="verein")
        town_fair(
            verein_bretten,
            event_start=timezone.now() + dt.timedelta(seconds=30),
            event_end=timezone.now() + dt.timedelta(seconds=60),
        )
        assert "Betreuung beim Stadtfest" in client.get("/suche/", {"q": "Betreuung"}).content.decode()
        clock.tick(90)
        html = client.get("/suche/", {"q": "Betreuung", "sort": "newest"}).content.decode()
        assert "Betreuung im Verein" in html
        assert "Betreuung beim Stadtfest" not in html
