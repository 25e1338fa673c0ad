"""No address gives the Engagement-Finder a 500: arbitrary answers, known and unknown parameter names,
on every question, the results (also inside a city's section and under /en/) and the start page.
Runs on PostgreSQL and, like the search's own (test_no_server_error.py), once more on SQLite."""

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.factories import make_opportunity

from .test_no_server_error import NAMES, PROPERTY_SETTINGS, TEXT, VALUES, assert_answers

pytestmark = pytest.mark.django_db

FINDER_NAMES = [*NAMES, "days", "hours", "language", "with", "leicht", "weiter"]
PARAMS = st.dictionaries(
    st.one_of(st.sampled_from(FINDER_NAMES), TEXT.filter(bool)),
    st.lists(VALUES, min_size=1, max_size=3),
    max_size=7,
)
URLS = [
    "/finder/",
    "/finder/ergebnis/",
    "/bretten/finder/ergebnis/",
    "/en/finder/ergebnis/",
    "/finder/frage/1/",
    "/finder/frage/4/",
    "/finder/frage/6/",
]


@pytest.fixture
def offers(verein_bretten, ettlingen):
    make_opportunity(organisation=verein_bretten, title="Vorlesen für Kinder", categories=("bildung",))
    make_opportunity(city=ettlingen, title="Streuobst Ettlingen", slug="streuobst", postcode="76275")
    make_opportunity(city=ettlingen, title="Von zu Hause", slug="remote", is_remote=True)


@pytest.mark.parametrize("url", URLS)
def test_no_query_string_breaks_the_finder(client, offers, url):
    @PROPERTY_SETTINGS
    @given(params=PARAMS)
    @example(params={"near": ["76275"], "radius": ["1e400"], "days": ["weekends"], "weiter": ["1"]})
    @example(params={"with": ["\x00"], "hours": ["9" * 40], "language": ["ar", "ar"]})
    @example(params={"min_age_ok": ["-1"], "category": ["bildung", "sport"], "activity": ["%"]})
    def check(params):
        response = client.get(url, params)
        assert_answers(response, url)

    check()
