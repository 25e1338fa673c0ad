"""The .ics of a one-off opportunity (engagement/applications/calendar.py) reads back as what we wrote."""

import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import icalendar

from engagement.applications.calendar import ics_for

BERLIN = ZoneInfo("Europe/Berlin")


def offer(**fields):
    defaults = {
        "pk": 7,
        "title": "Stadtfest: Aufbau, Abbau; Getränke\\Kasse",
        "teaser": "Zeile eins\nZeile zwei mit Umlauten äöü und ß " + "sehr lang " * 20,
        "street": "Marktplatz 1",
        "postcode": "75015",
        "place": "Bretten",
        "event_start": dt.datetime(2026, 7, 4, 14, tzinfo=BERLIN),
        "event_end": dt.datetime(2026, 7, 4, 18, tzinfo=BERLIN),
    }
    return SimpleNamespace(**{**defaults, **fields})


def test_texts_with_commas_semicolons_backslashes_and_newlines_read_back_unchanged():
    page = offer()
    content = ics_for(page)

    [event] = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert str(event["SUMMARY"]) == page.title
    assert str(event["DESCRIPTION"]) == page.teaser
    assert str(event["LOCATION"]) == "Marktplatz 1, 75015 Bretten"
    assert event.decoded("DTSTART") == dt.datetime(2026, 7, 4, 12, tzinfo=dt.UTC)
    assert event.decoded("DTEND") == dt.datetime(2026, 7, 4, 16, tzinfo=dt.UTC)
    assert str(event["UID"]) == "opportunity-7-20260704T120000Z@engagement-vernetzt"


def test_long_lines_are_folded_at_75_octets_with_crlf():
    content = ics_for(offer())
    lines = content.split("\r\n")
    assert content.endswith("\r\n") and "\n" not in content.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in lines)
    assert any(line.startswith(" ") for line in lines), "the long description continues on a folded line"


def test_without_an_end_the_event_lasts_two_hours():
    [event] = icalendar.Calendar.from_ical(ics_for(offer(event_end=None))).walk("VEVENT")
    assert event.decoded("DTEND") - event.decoded("DTSTART") == dt.timedelta(hours=2)
