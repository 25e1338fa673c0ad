"""The relevance set (relevance.yaml): realistic queries over the demo content, each with the offers that
must come first. Run on PostgreSQL (the normal test run) and on SQLite (`make test` runs this file a
second time with a SQLite DATABASE_URL), so a ranking change is measured, not guessed."""

from pathlib import Path

import pytest
import yaml
from django.core.management import call_command
from django.http import QueryDict

from engagement.opportunities.models import OpportunityPage
from search.query import SearchQuery

pytestmark = pytest.mark.django_db

CASES = yaml.safe_load((Path(__file__).parent / "relevance.yaml").read_text(encoding="utf-8"))
TOP = 3


def first_titles(query):
    params = QueryDict(mutable=True)
    params["q"] = query
    search = SearchQuery(params)
    assert search.is_valid, search.errors
    return [card.title for card in search.page(1, TOP).object_list]


def misses(case, titles):
    """What of the case's expectation the first titles miss (empty: the case holds)."""
    missing = [title for title in case.get("first", []) if title not in titles]
    if case.get("one_of") and not set(case["one_of"]) & set(titles):
        missing.append("eins von: " + " | ".join(case["one_of"]))
    return missing


def test_the_set_is_realistic_and_large_enough():
    assert len(CASES) >= 40
    assert len({case["query"] for case in CASES}) == len(CASES)
    for case in CASES:
        assert case.get("first") or case.get("one_of"), case
        assert set(case) <= {"query", "first", "one_of"}, case


@pytest.fixture
def demo(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", verbosity=0)


def test_every_query_of_the_relevance_set_finds_its_offers_first(demo):
    listed = set(OpportunityPage.objects.listed().values_list("title", flat=True))
    named = {title for case in CASES for title in case.get("first", []) + case.get("one_of", [])}
    assert named <= listed, f"Nicht in der Demo (oder nicht gelistet): {sorted(named - listed)}"
    failures = []
    for case in CASES:
        titles = first_titles(case["query"])
        missing = misses(case, titles)
        if missing:
            failures.append(f"{case['query']!r}: fehlt {missing}; zuerst kamen {titles}")
    share = (len(CASES) - len(failures)) / len(CASES)
    assert not failures, f"{share:.0%} der Anfragen finden ihr Angebot unter den ersten {TOP}:\n" + "\n".join(
        failures
    )
