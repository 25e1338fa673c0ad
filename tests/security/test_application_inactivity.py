"""Every application reaches an end: an open one without activity is announced to the organisation,
closed, and then deleted on the retention schedule – also on an opportunity that never ends.

Times are frozen (freezegun) at the limits and one day either side, with the default periods:
183 days without activity, the notice 14 days before, deletion 90 days after closing.
"""

import datetime as dt
import logging
import re

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client, TestCase
from freezegun import freeze_time

from engagement.applications import services
from engagement.applications.models import Application
from engagement.applications.tasks import apply_retention, close_inactive_applications
from engagement.mail.models import OutgoingMail
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory, make_opportunity

pytestmark = pytest.mark.django_db

MOMENT = dt.datetime(2026, 3, 2, 10, 30, tzinfo=dt.UTC)
DAY = dt.timedelta(days=1)
SECOND = dt.timedelta(seconds=1)
NOTICE_AT = MOMENT + dt.timedelta(days=183 - 14)  # notice strictly after this moment
CLOSE_AT = MOMENT + dt.timedelta(days=183)  # closing strictly after this (and 14 days after the notice)


@pytest.fixture
def member(verein_bretten):
    return MembershipFactory(organisation=verein_bretten, user=UserFactory(username="verein-bretten")).user


@pytest.fixture
def ongoing(verein_bretten):
    """A regular opportunity without an end date: its applications were never deleted before."""
    page = make_opportunity(organisation=verein_bretten, title="Lesepat:in", volunteers_needed=5)
    assert page.end_date is None and page.event_start is None
    return page


def application(page, email="mia@example.org", status=Application.Status.REQUESTED, **fields):
    return Application.objects.create(
        opportunity=page,
        name="Mia Kraus",
        email=email,
        message="Ich lese gern vor.",
        status=status,
        consent_version="2026-11-1",
        consent_given_at=MOMENT,
        confirmed_at=MOMENT,
        last_activity_at=MOMENT,
        **fields,
    )


def run_daily_task(moment) -> dict:
    """The daily task at `moment`, with what it enqueues after its commit run (as with a worker)."""
    with freeze_time(moment), TestCase.captureOnCommitCallbacks(execute=True):
        return close_inactive_applications()


def notices():
    return OutgoingMail.objects.filter(key__startswith="closing-notice:")


# Negative cases first: nobody keeps another organisation's application open.


def test_a_member_of_another_organisation_cannot_keep_an_application_open(ongoing, ettlingen):
    kept = application(ongoing)
    stranger = MembershipFactory(organisation=OrganisationFactory(home_city=ettlingen)).user
    client = Client()
    client.force_login(stranger)
    with freeze_time(NOTICE_AT + DAY):
        assert client.post(f"/mein-verein/bewerbungen/{kept.pk}/offen-halten/").status_code == 404
        with pytest.raises(PermissionDenied):
            services.keep_open(kept, by=stranger)
    kept.refresh_from_db()
    assert kept.last_activity_at == MOMENT
    run_daily_task(NOTICE_AT + SECOND)
    run_daily_task(CLOSE_AT + SECOND)
    kept.refresh_from_db()
    assert kept.status == Application.Status.EXPIRED


def test_an_anonymous_visitor_cannot_keep_an_application_open(ongoing):
    kept = application(ongoing)
    response = Client().post(f"/mein-verein/bewerbungen/{kept.pk}/offen-halten/")
    assert response.status_code == 302 and response["Location"].startswith("/mein-verein/anmelden/")
    kept.refresh_from_db()
    assert kept.last_activity_at == MOMENT


def test_a_closed_application_cannot_be_kept_open(ongoing, member):
    withdrawn = application(ongoing, status=Application.Status.WITHDRAWN, closed_at=MOMENT)
    with pytest.raises(ValidationError):
        services.keep_open(withdrawn, by=member)


def test_declined_and_withdrawn_applications_get_no_notice(ongoing):
    application(ongoing, email="a@example.org", status=Application.Status.DECLINED, closed_at=MOMENT)
    application(ongoing, email="b@example.org", status=Application.Status.WITHDRAWN, closed_at=MOMENT)
    assert run_daily_task(CLOSE_AT + DAY) == {"noticed": 0, "closed": 0, "closed_unanswered": 0}
    assert not notices().exists()


# The limits, to the second and one day either side.


def test_the_notice_goes_out_when_the_inactivity_period_has_fourteen_days_left(ongoing, member):
    application(ongoing)
    assert run_daily_task(NOTICE_AT - DAY)["noticed"] == 0
    assert run_daily_task(NOTICE_AT)["noticed"] == 0
    assert run_daily_task(NOTICE_AT + SECOND)["noticed"] == 1
    assert run_daily_task(NOTICE_AT + DAY)["noticed"] == 0  # once, not every day
    assert notices().count() == 1  # one member


def test_an_open_application_closes_at_the_end_of_the_inactivity_period(ongoing, member):
    kept = application(ongoing)
    run_daily_task(NOTICE_AT + SECOND)
    assert run_daily_task(CLOSE_AT - DAY)["closed"] == 0
    assert run_daily_task(CLOSE_AT)["closed"] == 0
    assert run_daily_task(CLOSE_AT + SECOND)["closed"] == 1
    kept.refresh_from_db()
    assert kept.status == Application.Status.EXPIRED and kept.closed_at == CLOSE_AT + SECOND
    assert run_daily_task(CLOSE_AT + DAY)["closed"] == 0  # idempotent


def test_without_a_notice_fourteen_days_old_nothing_closes(ongoing, member):
    """The daily task did not run for months: the notice goes first, the closing 14 days later."""
    kept = application(ongoing)
    late = CLOSE_AT + dt.timedelta(days=30)
    assert run_daily_task(late) == {"noticed": 1, "closed": 0, "closed_unanswered": 0}
    assert run_daily_task(late + dt.timedelta(days=14) - SECOND)["closed"] == 0
    assert run_daily_task(late + dt.timedelta(days=14))["closed"] == 1
    kept.refresh_from_db()
    assert kept.status == Application.Status.EXPIRED


def test_a_closed_application_is_deleted_on_the_retention_schedule(ongoing, member):
    application(ongoing)
    run_daily_task(NOTICE_AT + SECOND)
    closed_at = CLOSE_AT + SECOND
    run_daily_task(closed_at)
    limit = closed_at + dt.timedelta(days=settings.APPLICATION_RETENTION_DAYS)
    for moment, survives in ((limit - DAY, True), (limit, True), (limit + DAY, False)):
        with freeze_time(moment):
            apply_retention()
        assert Application.objects.exists() is survives


# What the people concerned notice.


def test_the_organisation_is_told_before_with_a_way_to_keep_it_open_and_no_personal_data(
    ongoing, member, mailoutbox
):
    kept = application(ongoing, on_waiting_list=True)
    accepted = application(ongoing, email="tom@example.org", status=Application.Status.ACCEPTED)
    run_daily_task(NOTICE_AT + SECOND)
    [notice] = mailoutbox
    assert notice.to == [member.email]
    assert notice.subject == "2 Bewerbungen ohne Aktivität werden bald geschlossen"
    body = notice.body
    assert "Lesepat:in" in body and "Auf der Warteliste" in body and "Zugesagt" in body
    assert f"http://testserver/mein-verein/bewerbungen/{kept.pk}/" in body
    assert f"http://testserver/mein-verein/bewerbungen/{accepted.pk}/" in body
    assert "wird geschlossen am 1. September 2026" in body and "Offen halten" in body
    assert "Mia" not in body and "mia@example.org" not in body and "tom@example.org" not in body


def test_the_applicant_is_told_and_the_status_page_says_it_was_closed(client, ongoing, member, mailoutbox):
    kept = application(ongoing)
    run_daily_task(NOTICE_AT + SECOND)
    run_daily_task(CLOSE_AT + SECOND)
    closing = mailoutbox[-1]
    assert closing.to == ["mia@example.org"] and closing.subject == "Bewerbung geschlossen: Lesepat:in"
    assert "183 Tage lang nichts geändert" in closing.body and "in 90 Tagen" in closing.body
    [status_link] = re.findall(r"http://testserver(/bewerbung/[\w-]+/)", closing.body)
    with freeze_time(CLOSE_AT + DAY):
        html = client.get(status_link).content.decode()
    assert "Diese Bewerbung ist geschlossen." in html and "Geschlossen" in html
    assert "Ihre Daten löschen wir am 30. November 2026" in html
    assert "Bewerbung zurückziehen" not in html
    change = kept.changes.get()
    assert (change.from_status, change.to_status, change.changed_by) == ("requested", "expired", None)


def test_recent_activity_keeps_an_application_open(ongoing, member, verein_bretten):
    kept_by_button = application(ongoing, email="a@example.org")
    answered = application(ongoing, email="b@example.org")
    quiet = application(ongoing, email="c@example.org")
    run_daily_task(NOTICE_AT + SECOND)
    client = Client()
    client.force_login(member)
    with freeze_time(NOTICE_AT + 5 * DAY):
        detail = client.get(f"/mein-verein/bewerbungen/{kept_by_button.pk}/").content.decode()
        assert "schließen wir diese Bewerbung am 1. September 2026" in detail
        response = client.post(f"/mein-verein/bewerbungen/{kept_by_button.pk}/offen-halten/", follow=True)
        assert "Die Bewerbung bleibt offen" in response.content.decode()
        with TestCase.captureOnCommitCallbacks(execute=True):
            services.change_status(answered, "accepted", by=member)
    assert run_daily_task(CLOSE_AT + SECOND)["closed"] == 1
    statuses = dict(Application.objects.values_list("pk", "status"))
    assert statuses == {kept_by_button.pk: "requested", answered.pk: "accepted", quiet.pk: "expired"}
    # The activity starts the period again: the next closing is 183 days after it.
    next_close = NOTICE_AT + 5 * DAY + dt.timedelta(days=183)
    run_daily_task(next_close - dt.timedelta(days=14) + SECOND)
    assert run_daily_task(next_close - SECOND)["closed"] == 0
    assert run_daily_task(next_close + SECOND)["closed"] == 2


def test_two_years_ahead_no_open_application_survives_and_every_closing_was_announced(
    ongoing, member, verein_bretten
):
    """The finding: an accepted application three years old survived a run two years ahead."""
    waiting = application(ongoing, email="a@example.org", on_waiting_list=True)
    accepted = application(ongoing, email="b@example.org", status=Application.Status.ACCEPTED)
    received = application(ongoing, email="c@example.org")
    other = make_opportunity(organisation=verein_bretten, slug="garten", title="Garten", volunteers_needed=2)
    elsewhere = application(other, email="d@example.org", status=Application.Status.ACCEPTED)
    watched = {item.pk for item in (waiting, accepted, received, elsewhere)}
    noticed_on, closed_on = {}, {}
    # One frozen clock moved day by day (starting freezegun anew each day costs seconds per day).
    with freeze_time(MOMENT) as clock:
        for day in range(2 * 365 + 1):
            clock.move_to(MOMENT + dt.timedelta(days=day, hours=3))
            with TestCase.captureOnCommitCallbacks(execute=True):
                close_inactive_applications()
            apply_retention()
            record(noticed_on, closed_on)
    assert not Application.objects.exists()
    assert set(closed_on) == watched
    assert all(closed_on[pk] - noticed_on[pk] >= dt.timedelta(days=14) for pk in watched)
    assert notices().count() == 1  # one mail to the one member, listing all four


def record(noticed_on, closed_on):
    """The first notice and the closing of each application still there."""
    for pk, notice, closed in Application.objects.values_list("pk", "closing_notice_at", "closed_at"):
        if notice:
            noticed_on.setdefault(pk, notice)
        if closed:
            closed_on.setdefault(pk, closed)


def test_the_daily_task_is_scheduled_and_logs_counts_only(ongoing, member, caplog):
    assert settings.CELERY_BEAT_SCHEDULE["close-inactive-applications"] == {
        "task": "applications.close_inactive_applications",
        "schedule": 60 * 60 * 24,
    }
    application(ongoing)
    with caplog.at_level(logging.INFO, logger="engagement.applications.tasks"):
        run_daily_task(NOTICE_AT + SECOND)
        run_daily_task(CLOSE_AT + SECOND)
    assert "'noticed': 1" in caplog.text and "'closed': 1" in caplog.text
    assert "Mia" not in caplog.text and "mia@example.org" not in caplog.text


def test_the_privacy_pages_state_the_period(client, bretten, settings):
    settings.APPLICATION_INACTIVITY_DAYS = 120
    html = client.get("/datenschutz/bewerbungen/").content.decode()
    assert "120 Tage lang nichts" in html and "14 Tage vorher" in html
    legal = client.get("/bretten/datenschutz/").content.decode()
    assert "Eine offene Bewerbung, an der sich" in legal
