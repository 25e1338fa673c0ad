"""The feeds a city page, an organisation profile and a search link in their head, read by the parsers
that feed readers and calendar apps use: Atom by `feedparser` (no error, every entry complete) and
iCalendar by `icalendar` (the events with the properties RFC 5545 requires)."""

import re

import feedparser
import icalendar
import pytest
from django.test import Client

from engagement.opportunities.models import OpportunityPage
from tests.factories import OrganisationFactory, in_days, make_opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture
def offers(verein_bretten, ettlingen):
    garden = OrganisationFactory(name="Gartenfreunde Ettlingen", home_city=ettlingen)
    return {
        "verein": verein_bretten,
        "reading": make_opportunity(organisation=verein_bretten, title="Vorlesen im Seniorenheim"),
        "fest": make_opportunity(
            organisation=verein_bretten,
            title="Sommerfest <Kasse> & Aufbau",
            teaser="Kasse und Aufbau beim Sommerfest.",
            schedule_kind=OpportunityPage.ScheduleKind.ONE_OFF,
            rhythm="",
            event_start=in_days(12, hour=14),
            event_end=in_days(12, hour=18),
        ),
        "garden": make_opportunity(
            organisation=garden,
            title="Apfelernte am Schloss",
            teaser="Äpfel pflücken.",
            schedule_kind=OpportunityPage.ScheduleKind.ONE_OFF,
            rhythm="",
            event_start=in_days(5, hour=9),
        ),
    }


def head_links(path):
    """The feed addresses a page names in its head (the search page: its calendar in the body)."""
    html = Client().get(path).content.decode()
    links = re.findall(r'<link rel="alternate" type="([^"]+)" title="[^"]*" href="([^"]+)"', html)
    found = dict(links)
    if "text/calendar" not in found:
        found["text/calendar"] = re.search(r'href="([^"]*/kalender\.ics[^"]*)"', html).group(1)
    return found["application/atom+xml"].replace("&amp;", "&"), found["text/calendar"].replace("&amp;", "&")


def atom(path):
    response = Client().get(path)
    assert response.status_code == 200, path
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, (path, parsed.get("bozo_exception"))
    assert parsed.version == "atom10"
    assert parsed.feed.title and parsed.feed.link and parsed.feed.id
    for entry in parsed.entries:
        assert entry.title and entry.id and entry.updated_parsed and entry.published_parsed
        assert entry.link.startswith("http://testserver/")
        assert entry.author
        assert entry.summary
    return parsed


def calendar(path):
    response = Client().get(path)
    assert response.status_code == 200, path
    parsed = icalendar.Calendar.from_ical(response.content)
    assert str(parsed["VERSION"]) == "2.0"
    assert str(parsed["PRODID"])
    for event in parsed.walk("VEVENT"):
        for required in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "URL"):
            assert required in event, (path, required)
        assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    return parsed


def summaries(parsed):
    return sorted(str(event["SUMMARY"]) for event in parsed.walk("VEVENT"))


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_a_city_pages_feeds_parse_and_hold_the_citys_offers(offers, prefix):
    feed_url, calendar_url = head_links(f"{prefix}/bretten/")
    parsed = atom(feed_url)
    assert sorted(entry.title for entry in parsed.entries) == [
        "Sommerfest <Kasse> & Aufbau",
        "Vorlesen im Seniorenheim",
    ]
    assert summaries(calendar(calendar_url)) == ["Sommerfest <Kasse> & Aufbau"]


def test_an_organisation_profiles_feeds_parse_and_hold_its_offers(offers):
    feed_url, calendar_url = head_links(f"/organisationen/{offers['verein'].slug}/")
    parsed = atom(feed_url)
    assert {entry.author for entry in parsed.entries} == {"Tafel Bretten e. V."}
    assert len(parsed.entries) == 2
    assert summaries(calendar(calendar_url)) == ["Sommerfest <Kasse> & Aufbau"]


def test_a_searchs_feeds_parse_and_hold_what_it_finds(offers):
    feed_url, calendar_url = head_links("/suche/?q=Sommerfest")
    assert [entry.title for entry in atom(feed_url).entries] == ["Sommerfest <Kasse> & Aufbau"]
    assert summaries(calendar(calendar_url)) == ["Sommerfest <Kasse> & Aufbau"]
    region = calendar("/suche/kalender.ics")
    assert summaries(region) == ["Apfelernte am Schloss", "Sommerfest <Kasse> & Aufbau"]
    assert len({str(event["UID"]) for event in region.walk("VEVENT")}) == 2


def test_an_empty_feed_still_parses(offers):
    assert atom("/suche/feed/?q=Tiefseetauchen").entries == []
    assert summaries(calendar("/suche/kalender.ics?q=Tiefseetauchen")) == []
