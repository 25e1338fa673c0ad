"""Ongoing opportunities are confirmed every 3 months, or go offline — recoverable with one click."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.test import TestCase
from django.utils import timezone
from freezegun import freeze_time

from engagement.opportunities import freshness
from engagement.opportunities.models import Freshness
from tests.factories import MembershipFactory, UserFactory, in_days, make_opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


@pytest.fixture
def member(verein_bretten):
    return MembershipFactory(organisation=verein_bretten, user=UserFactory(username="verein-bretten")).user


def later(days):
    return timezone.now() + dt.timedelta(days=days)


def test_reminder_after_90_days_offline_after_14_more_and_back_with_one_click(
    client, member, verein_bretten, mailoutbox, django_capture_on_commit_callbacks
):
    page = make_opportunity(organisation=verein_bretten, title="Besuchsdienst")

    with freeze_time(later(89)):
        assert freshness.sweep_freshness() == {"reminders": 0, "stale_offline": 0, "expired_offline": 0}

    with freeze_time(later(91)), django_capture_on_commit_callbacks(execute=True):
        assert freshness.sweep_freshness()["reminders"] == 1
        assert freshness.sweep_freshness()["reminders"] == 0  # idempotent: no second reminder
        assert freshness.send_freshness_reminder(page.pk) == "skipped"  # a redelivered task
    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject == "Ist „Besuchsdienst“ noch aktuell?"
    assert "/mein-verein/aktuell/" in mailoutbox[0].body

    with freeze_time(later(104)):
        assert freshness.sweep_freshness()["stale_offline"] == 0  # 13 days after the reminder
    with freeze_time(later(106)):
        assert freshness.sweep_freshness()["stale_offline"] == 1
    page.refresh_from_db()
    assert not page.live

    client.force_login(member)
    assert "Wieder online stellen" in client.get("/mein-verein/").content.decode()
    client.post(f"/mein-verein/angebote/{page.pk}/zurueckholen/")
    page.refresh_from_db()
    assert page.live
    assert client.get(page.url).status_code == 200


def test_confirmation_link_keeps_the_opportunity_online(client, verein_bretten, member, mailoutbox):
    page = make_opportunity(organisation=verein_bretten)
    with freeze_time(later(91)):
        freshness.sweep_freshness()
        token = freshness.confirm_token(page)
        response = client.get(f"/mein-verein/aktuell/{token}/")
        assert "noch aktuell" in response.content.decode()
        assert Freshness.objects.get(page=page).confirmed_at is None  # a GET (mail scanner) confirms nothing
        client.post(f"/mein-verein/aktuell/{token}/")
    with freeze_time(later(110)):
        assert freshness.sweep_freshness()["stale_offline"] == 0
    page.refresh_from_db()
    assert page.live


def test_forged_or_old_confirmation_links_are_refused(client, verein_bretten):
    page = make_opportunity(organisation=verein_bretten)
    assert client.post("/mein-verein/aktuell/gefaelscht/").status_code == 400
    token = freshness.confirm_token(page)
    with freeze_time(later(31)):
        response = client.post(f"/mein-verein/aktuell/{token}/")
    assert response.status_code == 400
    assert "gilt nicht mehr" in response.content.decode()
    assert not Freshness.objects.filter(page=page, confirmed_at__isnull=False).exists()


def test_one_off_opportunities_are_not_asked_but_go_offline_after_their_date(verein_bretten):
    page = make_opportunity(
        organisation=verein_bretten,
        schedule_kind="one_off",
        event_start=in_days(3),
        event_end=in_days(3, hour=12),
    )
    with freeze_time(later(2)):
        assert freshness.sweep_freshness()["expired_offline"] == 0
    with freeze_time(later(5)):
        assert freshness.sweep_freshness() == {"reminders": 0, "stale_offline": 0, "expired_offline": 1}
    page.refresh_from_db()
    assert not page.live


def test_opportunities_past_their_end_date_go_offline(verein_bretten):
    page = make_opportunity(
        organisation=verein_bretten, end_date=timezone.localdate() + dt.timedelta(days=10)
    )
    with freeze_time(later(11)):
        freshness.sweep_freshness()
    page.refresh_from_db()
    assert not page.live


def test_restore_refuses_opportunities_ended_by_hand(client, member, verein_bretten):
    page = make_opportunity(organisation=verein_bretten)
    client.force_login(member)
    client.post(f"/mein-verein/angebote/{page.pk}/end/")
    client.post(f"/mein-verein/angebote/{page.pk}/zurueckholen/")
    page.refresh_from_db()
    assert not page.live


def test_other_vereins_cannot_restore(client, verein_bretten, ettlingen):
    from tests.factories import OrganisationFactory

    page = make_opportunity(organisation=verein_bretten)
    freshness.take_offline(page, reason_stale=True)
    client.force_login(MembershipFactory(organisation=OrganisationFactory(home_city=ettlingen)).user)
    assert client.post(f"/mein-verein/angebote/{page.pk}/zurueckholen/").status_code == 403
    page.refresh_from_db()
    assert not page.live


# --- the periods at their limits: a period shifted by a day or a `<` turned into `<=` fails -------

SECOND = dt.timedelta(seconds=1)
PUBLISHED = dt.datetime(2026, 3, 2, 10, 30, tzinfo=dt.UTC)


def sweep_at(moment):
    """The sweep at that moment, its commit included: the reminders it queues are sent after it."""
    with freeze_time(moment), TestCase.captureOnCommitCallbacks(execute=True):
        return freshness.sweep_freshness()


def published_at(page, moment):
    type(page).objects.filter(pk=page.pk).update(last_published_at=moment)


def test_the_reminder_comes_exactly_90_days_after_the_last_publication(verein_bretten, member, mailoutbox):
    page = make_opportunity(organisation=verein_bretten, title="Besuchsdienst")
    published_at(page, PUBLISHED)
    limit = PUBLISHED + dt.timedelta(days=90)
    assert sweep_at(limit - SECOND)["reminders"] == 0
    assert sweep_at(limit)["reminders"] == 0
    assert sweep_at(limit + SECOND)["reminders"] == 1
    assert [mail.subject for mail in mailoutbox] == ["Ist „Besuchsdienst“ noch aktuell?"]


def test_a_confirmation_starts_the_90_days_again(verein_bretten, member):
    page = make_opportunity(organisation=verein_bretten)
    published_at(page, PUBLISHED)
    confirmed = PUBLISHED + dt.timedelta(days=50)
    Freshness.objects.create(page=page, confirmed_at=confirmed)
    assert sweep_at(PUBLISHED + dt.timedelta(days=100))["reminders"] == 0
    assert sweep_at(confirmed + dt.timedelta(days=90))["reminders"] == 0
    assert sweep_at(confirmed + dt.timedelta(days=90) + SECOND)["reminders"] == 1


def test_an_unanswered_reminder_takes_the_offer_offline_exactly_14_days_later(verein_bretten):
    page = make_opportunity(organisation=verein_bretten)
    published_at(page, PUBLISHED)
    reminded = PUBLISHED + dt.timedelta(days=91)
    Freshness.objects.create(page=page, reminded_at=reminded)
    limit = reminded + dt.timedelta(days=14)
    assert sweep_at(limit - SECOND)["stale_offline"] == 0
    assert sweep_at(limit)["stale_offline"] == 0
    assert sweep_at(limit + SECOND)["stale_offline"] == 1
    page.refresh_from_db()
    assert not page.live


def test_a_one_off_date_goes_offline_the_second_it_ends(verein_bretten):
    ends = timezone.now() + dt.timedelta(days=3)
    page = make_opportunity(
        organisation=verein_bretten,
        schedule_kind="one_off",
        event_start=ends - dt.timedelta(hours=2),
        event_end=ends,
    )
    assert sweep_at(ends)["expired_offline"] == 0
    assert sweep_at(ends + SECOND)["expired_offline"] == 1
    page.refresh_from_db()
    assert not page.live


@pytest.mark.parametrize("last_day_field", ["end_date", "application_deadline"])
def test_an_offer_stays_online_on_its_last_day_and_goes_the_day_after(verein_bretten, last_day_field):
    last_day = timezone.localdate() + dt.timedelta(days=10)
    page = make_opportunity(organisation=verein_bretten, **{last_day_field: last_day})
    late_evening = timezone.make_aware(dt.datetime.combine(last_day, dt.time(23, 59, 59)))
    assert sweep_at(late_evening)["expired_offline"] == 0
    assert sweep_at(late_evening + SECOND)["expired_offline"] == 1
    page.refresh_from_db()
    assert not page.live
