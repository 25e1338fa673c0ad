"""Retention and reminder periods hold to the second (or, for dates, to the day): tested at the limit
and just either side of it, so a period shifted by one day or a `<` turned into `<=` fails a test."""

import datetime as dt

import pytest
from freezegun import freeze_time

from engagement.applications.models import Application
from engagement.applications.tasks import apply_retention, queue_event_reminders
from tests.applications.conftest import committed
from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db

SECOND = dt.timedelta(seconds=1)
MOMENT = dt.datetime(2026, 3, 2, 10, 30, tzinfo=dt.UTC)


def application(opportunity, **timestamps):
    created = Application.objects.create(
        opportunity=opportunity,
        name="Tom",
        email="tom@example.org",
        message="x",
        status=timestamps.pop("status", Application.Status.REQUESTED),
        consent_version="1",
        consent_given_at=MOMENT,
        confirmed_at=timestamps.pop("confirmed_at", MOMENT),
    )
    Application.objects.filter(pk=created.pk).update(**timestamps)
    return created


def retained_at(moment) -> bool:
    with freeze_time(moment):
        apply_retention()
    return Application.objects.exists()


def test_unconfirmed_applications_go_exactly_seven_days_after_they_came_in(page):
    application(page, confirmed_at=None, created_at=MOMENT)
    limit = MOMENT + dt.timedelta(days=7)
    assert retained_at(limit - SECOND)
    assert retained_at(limit)
    assert not retained_at(limit + SECOND)


def test_closed_applications_go_exactly_the_retention_period_after_closing(page, settings):
    assert settings.APPLICATION_RETENTION_DAYS == 90
    application(page, status=Application.Status.WITHDRAWN, closed_at=MOMENT)
    limit = MOMENT + dt.timedelta(days=90)
    assert retained_at(limit - SECOND)
    assert retained_at(limit)
    assert not retained_at(limit + SECOND)


def test_a_configured_retention_period_is_kept_to_the_second(page, settings):
    settings.APPLICATION_RETENTION_DAYS = 10
    application(page, status=Application.Status.DECLINED, closed_at=MOMENT)
    limit = MOMENT + dt.timedelta(days=10)
    assert retained_at(limit)
    assert not retained_at(limit + SECOND)


def test_applications_of_a_one_off_date_go_the_retention_period_after_its_end(verein_bretten):
    fest = make_opportunity(
        organisation=verein_bretten,
        title="Fest",
        schedule_kind="one_off",
        event_start=MOMENT - dt.timedelta(hours=2),
        event_end=MOMENT,
    )
    application(fest, status=Application.Status.ACCEPTED)
    limit = MOMENT + dt.timedelta(days=90)
    assert retained_at(limit - SECOND)
    assert retained_at(limit)
    assert not retained_at(limit + SECOND)


def test_applications_of_an_ended_offer_go_on_the_day_after_the_retention_period(verein_bretten):
    last_day = dt.date(2026, 3, 2)
    ended = make_opportunity(organisation=verein_bretten, title="Sommerhilfe", end_date=last_day)
    application(ended, status=Application.Status.ACCEPTED)
    noon = dt.time(12, tzinfo=dt.UTC)
    assert retained_at(dt.datetime.combine(last_day + dt.timedelta(days=90), noon))
    assert not retained_at(dt.datetime.combine(last_day + dt.timedelta(days=91), noon))


def one_off(verein_bretten, title, starts):
    return make_opportunity(
        organisation=verein_bretten,
        title=title,
        schedule_kind="one_off",
        event_start=starts,
        event_end=starts + dt.timedelta(hours=3),
    )


@pytest.mark.parametrize(
    ("starts_after", "reminded"),
    [
        (dt.timedelta(days=2) + SECOND, False),  # too early: the reminder comes on a later run
        (dt.timedelta(days=2), True),
        (dt.timedelta(days=2) - SECOND, True),
        (SECOND, True),
        (-SECOND, False),  # already begun
    ],
)
def test_the_reminder_covers_exactly_the_two_days_before_the_date(
    verein_bretten, mailoutbox, starts_after, reminded
):
    with freeze_time(MOMENT):
        date = one_off(verein_bretten, "Bachputzete", MOMENT + starts_after)
        application(date, status=Application.Status.ACCEPTED)
        assert committed(queue_event_reminders) == int(reminded)
    assert [mail.subject for mail in mailoutbox if mail.subject.startswith("Erinnerung")] == (
        ["Erinnerung: Bachputzete"] if reminded else []
    )


def test_only_accepted_volunteers_are_reminded(verein_bretten, mailoutbox):
    with freeze_time(MOMENT):
        date = one_off(verein_bretten, "Bachputzete", MOMENT + dt.timedelta(days=1))
        for status in (
            Application.Status.REQUESTED,
            Application.Status.DECLINED,
            Application.Status.WITHDRAWN,
        ):
            application(date, status=status)
        assert committed(queue_event_reminders) == 0
