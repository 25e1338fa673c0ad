"""How quickly an organisation usually answers, on its public profile: "Antwortet meist innerhalb von
2 Tagen". Counted daily over the last 90 days (at least half answered within the shown days, the
unanswered counted as slower than any answer), shown only from 5 applications on; the profile reads two
stored columns and leaves the page cache exactly when the figure changes."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from engagement.applications.models import Application
from engagement.applications.tasks import update_reply_times
from tests.factories import OrganisationFactory, make_opportunity

pytestmark = pytest.mark.django_db

HOUR = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)


@pytest.fixture
def page(verein_bretten):
    return make_opportunity(organisation=verein_bretten, title="Lesepat:in", volunteers_needed=20)


def received(page, days_ago, waited=None, number=[0], **fields):  # noqa: B006 — a counter for addresses
    """A confirmed application of `days_ago` under the 7-day promise, answered after `waited` (or not)."""
    number[0] += 1
    confirmed_at = timezone.now() - dt.timedelta(days=days_ago)
    values = {
        "opportunity": page,
        "name": "Erika Mustermann",
        "email": f"erika{number[0]}@example.org",
        "message": "Ich helfe gern.",
        "consent_version": "1",
        "consent_given_at": confirmed_at,
        "confirmed_at": confirmed_at,
        "last_activity_at": confirmed_at,
        "reply_due_at": confirmed_at + 7 * DAY,
        "answered_at": None if waited is None else confirmed_at + waited,
        "status": Application.Status.REQUESTED if waited is None else Application.Status.ACCEPTED,
    }
    return Application.objects.create(**{**values, **fields})


def profile(organisation, prefix=""):
    return Client().get(f"{prefix}/organisationen/{organisation.slug}/").content.decode()


# Negative cases first: too few, too slow, too old, not the organisation's doing.


def test_four_applications_are_too_few_for_a_figure(page, verein_bretten):
    for waited in (HOUR, 2 * HOUR, 3 * HOUR, 4 * HOUR):
        received(page, 20, waited)
    update_reply_times()
    verein_bretten.refresh_from_db()
    assert (verein_bretten.reply_median_hours, verein_bretten.reply_sample_size) == (None, 4)
    assert "Antwortet meist" not in profile(verein_bretten)


def test_no_figure_when_most_applications_were_never_answered(page, verein_bretten):
    received(page, 20, HOUR)
    received(page, 20, 2 * HOUR)
    for _ in range(3):
        received(page, 20)  # the promise passed without an answer
    update_reply_times()
    verein_bretten.refresh_from_db()
    assert verein_bretten.reply_median_hours is None
    assert "Antwortet meist" not in profile(verein_bretten)


def test_older_than_ninety_days_and_withdrawn_in_time_do_not_count(page, verein_bretten):
    for _ in range(4):
        received(page, 20, 5 * HOUR)
    received(page, 91, 5 * HOUR)  # outside the window
    withdrawn = received(page, 20, status=Application.Status.WITHDRAWN)
    Application.objects.filter(pk=withdrawn.pk).update(closed_at=withdrawn.confirmed_at + DAY)
    received(page, 2)  # still within the promise: not yet late
    update_reply_times()
    verein_bretten.refresh_from_db()
    assert verein_bretten.reply_sample_size == 4 and verein_bretten.reply_median_hours is None


# Shown, in German and English.


def test_five_answered_applications_show_the_usual_reply_time(page, verein_bretten, ettlingen):
    other = OrganisationFactory(name="Gartenfreunde Ettlingen", home_city=ettlingen)
    for waited in (HOUR, 20 * HOUR, 30 * HOUR, 40 * HOUR, 200 * HOUR):
        received(page, 30, waited)
    assert update_reply_times() == 1
    verein_bretten.refresh_from_db()
    assert (verein_bretten.reply_median_hours, verein_bretten.usual_reply_days) == (30, 2)
    html = profile(verein_bretten)
    assert "Antwortet meist innerhalb von 2 Tagen" in html
    assert "Mindestens die Hälfte der Bewerbungen der letzten 90 Tage" in html
    assert "Usually answers within 2 days" in profile(verein_bretten, "/en")
    assert "Antwortet meist" not in profile(other)


def test_within_a_day_reads_in_the_singular(page, verein_bretten):
    for waited in (HOUR, 2 * HOUR, 3 * HOUR, 5 * HOUR, 300 * HOUR):
        received(page, 10, waited)
    update_reply_times()
    assert "Antwortet meist innerhalb von 1 Tag<" in profile(verein_bretten)


def test_the_daily_count_refreshes_the_cached_profile_once_the_figure_changes(page, verein_bretten):
    path = f"/organisationen/{verein_bretten.slug}/"
    Client().get(path)
    with CaptureQueriesContext(connection) as queries:
        assert "Antwortet meist" not in Client().get(path).content.decode()
    assert len(queries) == 0  # from the page cache
    for waited in (HOUR, 2 * HOUR, 3 * HOUR, 4 * HOUR, 5 * HOUR):
        received(page, 10, waited)
    assert update_reply_times() == 1
    assert "Antwortet meist innerhalb von 1 Tag" in Client().get(path).content.decode()
    assert update_reply_times() == 0  # unchanged: nothing written, the page stays cached
    with CaptureQueriesContext(connection) as queries:
        Client().get(path)
    assert len(queries) == 0


def test_the_profile_never_counts_applications_on_a_visit(page, verein_bretten):
    for waited in (HOUR, 2 * HOUR, 3 * HOUR, 4 * HOUR, 5 * HOUR):
        received(page, 10, waited)
    update_reply_times()
    with CaptureQueriesContext(connection) as queries:
        Client(HTTP_COOKIE="sessionid=x").get(f"/organisationen/{verein_bretten.slug}/")  # past the cache
    assert queries and not any("applications_application" in query["sql"] for query in queries)
