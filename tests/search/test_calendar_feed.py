"""The iCalendar subscription of a search, a city and an organisation: the dated one-off offers,
with UIDs that survive a change of time, in the local time zone, readable by a calendar parser."""

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.test import TestCase

from engagement.opportunities.models import OpportunityPage
from engagement.organisations.models import Organisation
from tests.factories import OrganisationFactory, in_days, make_opportunity

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
ONE_OFF = OpportunityPage.ScheduleKind.ONE_OFF


def one_off(city, title, start, **fields):
    return make_opportunity(
        city=city, title=title, schedule_kind=ONE_OFF, rhythm="", event_start=start, **fields
    )


def calendar(client, **params):
    response = client.get("/suche/kalender.ics", params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def events(parsed):
    return {str(event["SUMMARY"]): event for event in parsed.walk("VEVENT")}


def test_a_city_calendar_holds_its_dated_offers_in_order_and_nothing_else(client, bretten, ettlingen):
    later = one_off(bretten, "Stadtfest Kasse", in_days(9, hour=14))
    sooner = one_off(bretten, "Flohmarkt Aufbau", in_days(3, hour=8))
    one_off(ettlingen, "Schlossfest", in_days(4))
    make_opportunity(city=bretten, title="Vorlesen jede Woche")  # regular: no date for a calendar
    one_off(bretten, "Gestern", in_days(-1))  # over
    parsed = calendar(client, city="bretten")
    assert [str(event["SUMMARY"]) for event in parsed.walk("VEVENT")] == [sooner.title, later.title]
    assert str(parsed["X-WR-CALNAME"]) == "Engagement-Termine in Bretten"
    event = events(parsed)[later.title]
    assert event.decoded("DTSTART") == in_days(9, hour=14)
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert [zone["TZID"] for zone in parsed.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert str(event["URL"]) == f"http://testserver/bretten/{later.slug}/"
    assert str(event["LOCATION"]) == "Marktplatz 1, 75015 Bretten"


def test_an_event_keeps_its_uid_when_its_time_changes_so_the_calendar_moves_it(client, bretten):
    offer = one_off(bretten, "Stadtfest Kasse", in_days(9, hour=14))
    [before] = calendar(client, city="bretten").walk("VEVENT")
    offer.event_start = in_days(10, hour=16)
    revision = offer.save_revision()
    with TestCase.captureOnCommitCallbacks(execute=True):
        revision.publish()
    [after] = calendar(client, city="bretten").walk("VEVENT")
    assert str(after["UID"]) == str(before["UID"]) == f"opportunity-{offer.pk}@engagement-vernetzt"
    assert after.decoded("DTSTART") == in_days(10, hour=16) != before.decoded("DTSTART")


def test_an_organisation_calendar_holds_only_its_offers(client, bretten):
    tafel = OrganisationFactory(home_city=bretten, name="Tafel Bretten")
    one_off(bretten, "Tafel-Fest", in_days(5), organisation=tafel)
    one_off(bretten, "Anderes Fest", in_days(5))
    parsed = calendar(client, organisation=tafel.slug)
    assert list(events(parsed)) == ["Tafel-Fest"]
    assert str(parsed["X-WR-CALNAME"]) == "Engagement-Termine – Tafel Bretten"


def test_a_search_calendar_takes_the_search_words_and_filters(client, bretten):
    one_off(bretten, "Stadtfest Kasse", in_days(5), categories=("kultur",))
    one_off(bretten, "Baumpflanzaktion", in_days(6), categories=("umwelt-natur",))
    assert list(events(calendar(client, q="Stadtfest"))) == ["Stadtfest Kasse"]
    assert list(events(calendar(client, category="umwelt-natur"))) == ["Baumpflanzaktion"]


def test_texts_of_organisations_read_back_unchanged(client, bretten):
    title = 'Fest; Aufbau, Abbau \\ "Kasse" <b>&</b>'
    one_off(bretten, title, in_days(5), teaser="Zeile eins\nZeile zwei " + "lang " * 30)
    [event] = calendar(client).walk("VEVENT")
    assert str(event["SUMMARY"]) == title
    assert str(event["DESCRIPTION"]).startswith("Zeile eins\nZeile zwei lang")


def test_an_invalid_selection_is_refused_in_german_and_a_suspended_organisation_is_unknown(client, bretten):
    suspended = OrganisationFactory(
        home_city=bretten, verification_state=Organisation.VerificationState.SUSPENDED
    )
    for params, message in (
        ({"city": "atlantis"}, "Die Stadt „atlantis“ kennen wir nicht."),
        ({"organisation": suspended.slug}, f"Die Organisation „{suspended.slug}“ kennen wir nicht."),
        ({"radius": "abc", "near": "75015"}, "Umkreis"),
    ):
        response = client.get("/suche/kalender.ics", params)
        assert response.status_code == 400
        assert response["Content-Type"].startswith("text/plain")
        assert message in response.content.decode()


def test_city_pages_and_organisation_profiles_link_their_atom_and_calendar_feeds(client, bretten):
    organisation = OrganisationFactory(home_city=bretten)
    city_page = client.get("/bretten/").content.decode()
    for href in ("/suche/feed/?city=bretten", "/suche/kalender.ics?city=bretten"):
        assert city_page.count(f'href="{href}"') == 2  # in the head and on the page
    profile = client.get(f"/organisationen/{organisation.slug}/").content.decode()
    for path in ("/suche/feed/", "/suche/kalender.ics"):
        assert profile.count(f'href="{path}?organisation={organisation.slug}"') == 2


def test_the_atom_feed_of_an_organisation_lists_its_offers(client, bretten):
    tafel = OrganisationFactory(home_city=bretten, name="Tafel Bretten")
    make_opportunity(city=bretten, title="Tafel-Ausgabe", organisation=tafel)
    make_opportunity(city=bretten, title="Anderes")
    response = client.get("/suche/feed/", {"organisation": tafel.slug})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Tafel-Ausgabe" in content and "Anderes" not in content


def test_the_calendar_reads_a_fixed_number_of_queries_however_many_events(
    client, bretten, django_assert_max_num_queries
):
    for day in range(1, 6):
        one_off(bretten, f"Fest {day}", in_days(day))
    with django_assert_max_num_queries(12) as captured:
        calendar(client, city="bretten")
    few = len(captured)
    for day in range(6, 16):
        one_off(bretten, f"Fest {day}", in_days(day))
    with django_assert_max_num_queries(few):
        parsed = calendar(client, city="bretten")
    assert len(parsed.walk("VEVENT")) == 15


def test_dates_stay_local_across_the_change_to_summer_time(client, bretten):
    start = dt.datetime(2027, 3, 28, 10, tzinfo=BERLIN)  # the Sunday the clocks go forward
    one_off(bretten, "Frühlingsputz", start, event_end=start + dt.timedelta(hours=3))
    [event] = calendar(client).walk("VEVENT")
    assert event.decoded("DTSTART") == start and event.decoded("DTEND").hour == 13
