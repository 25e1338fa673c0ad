"""Dates and times read the way each language writes them."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import translation

from engagement.formatting import local_date, local_datetime, local_period

BERLIN = ZoneInfo("Europe/Berlin")
START = dt.datetime(2026, 3, 14, 14, 0, tzinfo=BERLIN)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("de", "Sa., 14. März 2026, 14:00\u00a0Uhr"), ("en", "Sat, 14 March 2026, 2 p.m.")],
)
def test_date_and_time_of_an_event(language, expected):
    with translation.override(language):
        assert local_datetime(START) == expected


def test_utc_values_are_shown_in_german_time():
    with translation.override("de"):
        assert local_datetime(START.astimezone(dt.UTC)) == "Sa., 14. März 2026, 14:00\u00a0Uhr"


@pytest.mark.parametrize(
    ("language", "same_day", "next_day"),
    [
        (
            "de",
            "Sa., 14. März 2026, 14:00 bis 16:30\u00a0Uhr",
            "Sa., 14. März 2026, 14:00\u00a0Uhr bis So., 15. März 2026, 10:00\u00a0Uhr",
        ),
        (
            "en",
            "Sat, 14 March 2026, 2 p.m. to 4:30 p.m.",
            "Sat, 14 March 2026, 2 p.m. to Sun, 15 March 2026, 10 a.m.",
        ),
    ],
)
def test_period_of_an_event(language, same_day, next_day):
    with translation.override(language):
        assert local_period(START, START + dt.timedelta(hours=2, minutes=30)) == same_day
        assert local_period(START, START + dt.timedelta(hours=20)) == next_day
        assert local_period(START) == local_datetime(START)


@pytest.mark.parametrize(("language", "expected"), [("de", "1. Mai 2026"), ("en", "1 May 2026")])
def test_date_alone(language, expected):
    with translation.override(language):
        assert local_date(dt.date(2026, 5, 1)) == expected


@pytest.mark.parametrize(("language", "expected"), [("de", "3,4 km · 2,5 h"), ("en", "3.4 km · 2.5 h")])
def test_numbers_follow_the_language_in_templates(language, expected):
    template = Template('{{ km|floatformat:1 }} km · {{ hours|floatformat:"-1" }} h')
    with translation.override(language):
        assert template.render(Context({"km": 3.4249, "hours": 2.5})) == expected


def test_library_loads_in_any_template():
    with translation.override("en"):
        template = Template("{% load local_formats %}{{ start|local_datetime }}")
        html = template.render(Context({"start": START}))
    assert html == "Sat, 14 March 2026, 2 p.m."


# --- On the pages ---------------------------------------------------------------------------------

EVENT = dt.datetime(2027, 3, 13, 14, 0, tzinfo=BERLIN)  # a Saturday


@pytest.fixture
def event(bretten):
    from engagement.opportunities.models import OpportunityPage
    from tests.factories import make_opportunity

    return make_opportunity(
        city=bretten,
        title="Frühjahrsputz am Saalbach",
        schedule_kind=OpportunityPage.ScheduleKind.ONE_OFF,
        rhythm="",
        event_start=EVENT,
        event_end=EVENT + dt.timedelta(hours=2),
        hours_per_week=2.5,
    )


@pytest.fixture(autouse=True)
def _german_afterwards():
    yield
    translation.activate("de")  # a request to /en/ leaves English active in this thread


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "when", "hours"),
    [
        ("", "Sa., 13. März 2027, 14:00 bis 16:00\u00a0Uhr", "etwa 2,5 Stunden pro Woche"),
        ("/en", "Sat, 13 March 2027, 2 p.m. to 4 p.m.", "about 2.5 hours a week"),
    ],
)
def test_opportunity_page_shows_date_time_and_hours_in_visitors_language(client, event, prefix, when, hours):
    html = client.get(f"{prefix}{event.url}").content.decode()
    assert f'<time datetime="2027-03-13T14:00:00+01:00">{when}</time>' in html
    assert hours in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "when"), [("", "Sa., 13. März 2027, 14:00\u00a0Uhr"), ("/en", "Sat, 13 March 2027, 2 p.m.")]
)
def test_cards_show_the_date_in_the_visitors_language(client, event, prefix, when):
    html = client.get(f"{prefix}/bretten/").content.decode()
    assert when in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "distance"), [("", "etwa 25,3 km entfernt"), ("/en", "about 25.3 km away")]
)
def test_distances_use_the_languages_decimal_separator(client, bretten, ettlingen, prefix, distance):
    from engagement.opportunities.models import OpportunityPage
    from tests.factories import make_opportunity

    page = make_opportunity(city=ettlingen, title="Streuobst in Ettlingen", postcode="76275")
    OpportunityPage.objects.filter(pk=page.pk).update(
        located_at_street=True
    )  # as an online geocoder found it
    html = client.get(f"{prefix}/suche/", {"near": "75015", "radius": "30"}).content.decode()
    assert distance in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("near", "expected"),
    [("75015", "in Ettlingen, etwa 25 km"), ("76275", "in Ettlingen")],
    ids=["25 km away", "in the same postcode"],
)
def test_an_offer_placed_at_its_postcodes_centre_says_where_and_whole_kilometres(
    client, bretten, ettlingen, near, expected
):
    from tests.factories import make_opportunity

    make_opportunity(city=ettlingen, title="Streuobst in Ettlingen", postcode="76275", street="Marktplatz 2")
    html = client.get("/suche/", {"near": near, "radius": "30"}).content.decode()
    card = html[html.index("Streuobst in Ettlingen") :]
    assert expected in card
    assert "km entfernt" not in card and "0,0 km" not in card and "25,3" not in card
