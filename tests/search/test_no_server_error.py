"""No input to any search entry point gives a 500: arbitrary text and parameter combinations, thrown at
the search page (also inside a city's section and under /en/), the Atom feed, the suggestions and the
JSON API (list and one offer). Run on PostgreSQL (the normal test run) and on SQLite (the quick start's
database: `make test` runs this file a second time with a SQLite DATABASE_URL)."""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db

PROPERTY_SETTINGS = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# The query-string contract and a few names it does not know.
NAMES = [
    "q",
    "city",
    "category",
    "activity",
    "target_group",
    "schedule",
    "remote",
    "near",
    "radius",
    "date_from",
    "date_to",
    "min_age_ok",
    "barrier_free",
    "inclusion",
    "youth",
    "no_certificate",
    "open",
    "sort",
    "page",
    "region",
    "format",
]
# Values that broke, or could break, a parser on the way: full-text syntax of FTS5 and tsquery, LIKE
# wildcards, numbers beyond any column, impossible dates, coordinates off the earth, NUL.
TRICKY = [
    'Kinder"',
    '"',
    "'",
    "\\",
    "%",
    "_",
    "*",
    "Kinder*",
    "NEAR(a b)",
    "a OR b",
    "a AND NOT b",
    "-a",
    "!a & b | c:*",
    "(",
    ")",
    ":",
    "^",
    "0",
    "-1",
    "1e400",
    "nan",
    "9" * 40,
    "2026-02-30",
    "0001-01-01",
    "9999-12-31",
    "91.0,181.0",
    "48.93,8.41",
    "76275",
    "bretten",
    "distance",
    "relevance",
    "1",
    "on",
    "\x00",
    "a\x00b",
    "ß" * 250,
    " ",
]
# Any character a URL can carry (lone surrogates cannot be encoded as UTF-8, so no request has them).
TEXT = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=40)
VALUES = st.one_of(st.sampled_from(TRICKY), TEXT)
PARAMS = st.dictionaries(
    st.one_of(st.sampled_from(NAMES), TEXT.filter(bool)), st.lists(VALUES, min_size=1, max_size=3), max_size=6
)


@pytest.fixture
def offers(verein_bretten, ettlingen):
    make_opportunity(organisation=verein_bretten, title="Vorlesen für Kinder", categories=("bildung",))
    make_opportunity(city=ettlingen, title="Streuobst Ettlingen", slug="streuobst", postcode="76275")
    make_opportunity(city=ettlingen, title="Von zu Hause", slug="remote", is_remote=True)


def assert_answers(response, url):
    assert response.status_code < 500, (url, response.status_code)


@pytest.mark.parametrize(
    "url", ["/suche/", "/bretten/suche/", "/en/suche/", "/suche/feed/", "/api/v2/opportunities/"]
)
def test_no_query_string_breaks_a_search(client, offers, url):
    @PROPERTY_SETTINGS
    @given(params=PARAMS)
    @example(params={"q": ['Kinder"']})
    @example(params={"q": ['Kinder"'], "sort": ["newest"]})
    @example(params={"q": ["\x00"]})
    @example(params={"near": ["76275"], "q": ['"'], "sort": ["distance"], "page": ["9" * 40]})
    def check(params):
        response = client.get(url, params)
        assert_answers(response, url)
        if url.startswith("/api/"):
            assert response["Content-Type"] == "application/json"
            if response.status_code != 200:
                assert set(response.json()) == {"errors"}

    check()


def test_a_double_quote_in_the_words_finds_what_the_words_find(client, offers):
    """The bug as a user met it (SQLite, FTS5: 500); on every database the quote changes nothing."""
    for url in ("/suche/", "/bretten/suche/", "/suche/feed/", "/api/v2/opportunities/"):
        plain, quoted = client.get(url, {"q": "Kinder"}), client.get(url, {"q": 'Kinder"'})
        assert quoted.status_code == plain.status_code == 200, url
        assert "Vorlesen für Kinder" in quoted.content.decode(), url


@PROPERTY_SETTINGS
@given(words=st.one_of(st.sampled_from(TRICKY), TEXT), city=st.one_of(st.sampled_from(TRICKY), TEXT))
def test_no_text_breaks_the_suggestions(client, offers, words, city):
    response = client.get("/suche/vorschlaege/", {"q": words, "city": city})
    assert_answers(response, "/suche/vorschlaege/")


# One path segment: any text but a slash, and not "." or ".." (which the client resolves).
SEGMENT = st.one_of(st.sampled_from(TRICKY), TEXT).filter(lambda text: text.strip(".") and "/" not in text)


@PROPERTY_SETTINGS
@given(identifier=SEGMENT)
@example(identifier="-1")
@example(identifier="0")
@example(identifier="9" * 40)
@example(identifier="\x00")
def test_no_id_breaks_the_api_and_what_names_no_offer_is_its_json_404(client, offers, identifier):
    response = client.get(f"/api/v2/opportunities/{quote(identifier, safe='')}/")
    assert response.status_code in (400, 404), identifier
    assert response["Content-Type"] == "application/json"
    assert set(response.json()) == {"errors"}
