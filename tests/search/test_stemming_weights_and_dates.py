"""Gaps an audit found in what the search tests proved: stemming in the other direction, the weights
below the title, expired offers on the page, and the date window."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.factories import in_days, make_opportunity

pytestmark = pytest.mark.django_db


def titles(client, **params):
    response = client.get("/suche/", params)
    assert response.status_code == 200
    return [page.title for page in response.context["page_obj"].object_list]


def test_an_inflected_query_finds_the_base_form(client, verein_bretten):
    """ "Kindern" is not a part of "Kinder": only German stemming (PostgreSQL's `german`) finds it."""
    make_opportunity(organisation=verein_bretten, title="Hausaufgabenhilfe für Kinder")
    make_opportunity(organisation=verein_bretten, title="Gartenarbeit am Rathaus")
    assert titles(client, q="Kindern") == ["Hausaufgabenhilfe für Kinder"]


def test_a_teaser_match_ranks_above_a_description_match(client, verein_bretten):
    make_opportunity(
        organisation=verein_bretten,
        title="Im Hintergrund",
        slug="beschreibung",
        description="<p>Wir bauen das Zirkuszelt für die Ferienwoche auf.</p><p>Zirkus macht Spaß.</p>",
    )
    make_opportunity(
        organisation=verein_bretten,
        title="Mitmachen in der Ferienwoche",
        slug="teaser",
        teaser="Helfen Sie beim Zirkus für Kinder.",
    )
    assert titles(client, q="Zirkus") == ["Mitmachen in der Ferienwoche", "Im Hintergrund"]


def test_expired_offers_leave_the_search_page(client, verein_bretten):
    today = timezone.localdate()
    make_opportunity(organisation=verein_bretten, title="Läuft noch")
    yesterday = today - dt.timedelta(1)
    make_opportunity(organisation=verein_bretten, title="Frist vorbei", application_deadline=yesterday)
    make_opportunity(organisation=verein_bretten, title="Zeitraum vorbei", end_date=yesterday)
    make_opportunity(
        organisation=verein_bretten,
        title="Termin vorbei",
        schedule_kind="one_off",
        rhythm="",
        event_start=in_days(-2),
        event_end=in_days(-2, hour=12),
    )
    assert titles(client) == ["Läuft noch"]
    assert titles(client, q="vorbei") == []


def test_the_date_window_lists_one_off_dates_inside_it(client, verein_bretten):
    for days, title in ((3, "In drei Tagen"), (10, "In zehn Tagen"), (40, "In vierzig Tagen")):
        make_opportunity(
            organisation=verein_bretten,
            title=title,
            schedule_kind="one_off",
            rhythm="",
            event_start=in_days(days),
            event_end=in_days(days, hour=12),
        )
    make_opportunity(organisation=verein_bretten, title="Jede Woche")
    start, end = (timezone.localdate() + dt.timedelta(days) for days in (2, 11))
    assert sorted(titles(client, date_from=start.isoformat(), date_to=end.isoformat())) == [
        "In drei Tagen",
        "In zehn Tagen",
    ]
    assert titles(client, date_from=(timezone.localdate() + dt.timedelta(20)).isoformat()) == [
        "In vierzig Tagen"
    ]
