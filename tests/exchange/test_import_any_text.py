"""Whatever text stands in a cell, the import answers with a report in German: no server error, no
English message, nothing written on a dry run."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engagement.exchange.freiwilligendatenbank import HEADINGS, defuse, restore
from engagement.exchange.importer import import_offers
from engagement.exchange.text import plain_to_rich_text, rich_text_to_plain
from engagement.opportunities.models import OpportunityPage
from tests.exchange.test_import import a_row, csv_file

ENGLISH = ("This field", "Enter a", "Ensure this", "Select a valid", "is not", "Null characters")
any_text = st.text(st.characters(codec="utf-8"), max_size=80)


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(heading=st.sampled_from(HEADINGS), value=any_text)
def test_any_cell_text_gives_a_german_report_and_no_crash(superuser, bretten, heading, value):
    report = import_offers(csv_file([a_row(**{heading: value})]), user=superuser, dry_run=True)
    messages = report.file_errors + [message for row in report.rows for message in row.errors + row.notes]
    assert messages
    for message in messages:
        assert not any(word in message for word in ENGLISH), message
    assert not OpportunityPage.objects.exists()


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400))
def test_any_bytes_as_a_file_give_a_report_and_no_crash(superuser, bretten, data):
    report = import_offers(data, user=superuser, dry_run=True)
    assert report.file_errors or report.rows


@given(text=any_text)
def test_the_formula_guard_is_undone_exactly_by_the_import(text):
    assert restore(defuse(text)) == text
    assert not defuse(text).startswith(("=", "+", "-", "@", "\t", "\r"))


@given(text=any_text)
def test_a_description_keeps_its_text_through_csv_and_back(text):
    plain = rich_text_to_plain(plain_to_rich_text(text))
    assert rich_text_to_plain(plain_to_rich_text(plain)) == plain
