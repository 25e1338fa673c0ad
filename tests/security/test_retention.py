"""Records that are not applications are deleted when their retention period ends, not a day before."""

import datetime as dt
import logging

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from freezegun import freeze_time

from engagement.legal.defaults import default_body
from engagement.legal.models import AccessibilityFeedback, LegalPage
from engagement.moderation.models import ContentReport
from engagement.organisations import membership
from engagement.organisations.models import Invitation
from engagement.retention import periods
from engagement.retention.tasks import delete_expired_records
from tests.factories import MembershipFactory, UserFactory, make_opportunity

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 1, 5, 10, 0, tzinfo=dt.UTC)


def days(number, seconds=0):
    return START + dt.timedelta(days=number, seconds=seconds)


def test_an_unconfirmed_account_lives_exactly_its_period(db):
    with freeze_time(START):
        UserFactory(username="neu", is_active=False)
    with freeze_time(days(periods.UNCONFIRMED_ACCOUNT_DAYS, -1)):
        assert delete_expired_records()["unconfirmed_accounts"] == 0
    with freeze_time(days(periods.UNCONFIRMED_ACCOUNT_DAYS, 1)):
        assert delete_expired_records()["unconfirmed_accounts"] == 1
    assert not get_user_model().objects.filter(username="neu").exists()


def test_deactivated_members_and_staff_are_never_taken_for_unconfirmed_accounts(verein_bretten):
    with freeze_time(START):
        member = MembershipFactory(organisation=verein_bretten, user=UserFactory(username="m")).user
        staff = UserFactory(username="s", is_staff=True)
        used = UserFactory(username="u", last_login=timezone.now())
        get_user_model().objects.filter(pk__in=[member.pk, staff.pk, used.pk]).update(is_active=False)
    with freeze_time(days(400)):
        assert delete_expired_records()["unconfirmed_accounts"] == 0
    assert get_user_model().objects.filter(username__in=["m", "s", "u"]).count() == 3


def test_a_resolved_content_report_lives_exactly_its_period(bretten):
    page = make_opportunity(city=bretten)
    report = ContentReport.objects.create(opportunity=page, city=bretten, reason="wrong")
    open_report = ContentReport.objects.create(opportunity=page, city=bretten, reason="other")
    ContentReport.objects.filter(pk=report.pk).update(status="resolved", resolved_at=START)
    with freeze_time(days(periods.CONTENT_REPORT_DAYS, -1)):
        assert delete_expired_records()["content_reports"] == 0
    with freeze_time(days(periods.CONTENT_REPORT_DAYS, 1)):
        assert delete_expired_records()["content_reports"] == 1
    assert list(ContentReport.objects.all()) == [open_report]


def test_accessibility_feedback_lives_a_year_after_the_answer(bretten):
    page = LegalPage.objects.child_of(bretten).get(kind=LegalPage.Kind.ACCESSIBILITY)
    feedback = AccessibilityFeedback.objects.create(
        page=page, city=bretten, email="a@example.org", message="x"
    )
    AccessibilityFeedback.objects.filter(pk=feedback.pk).update(created_at=START, answered_at=days(30))
    with freeze_time(days(30 + periods.ACCESSIBILITY_FEEDBACK_DAYS, -1)):
        assert delete_expired_records()["accessibility_feedback"] == 0
    with freeze_time(days(30 + periods.ACCESSIBILITY_FEEDBACK_DAYS, 1)):
        assert delete_expired_records()["accessibility_feedback"] == 1


def test_an_invitation_lives_its_period_after_it_expired(verein_bretten):
    owner = MembershipFactory(organisation=verein_bretten).user
    with freeze_time(START):
        membership.invite(organisation=verein_bretten, email="neu@example.org", by=owner)
    expired = dt.timedelta(seconds=membership.INVITATION_MAX_AGE)
    with freeze_time(START + expired + dt.timedelta(days=periods.INVITATION_DAYS, seconds=-1)):
        assert delete_expired_records()["invitations"] == 0
    with freeze_time(START + expired + dt.timedelta(days=periods.INVITATION_DAYS, seconds=1)):
        assert delete_expired_records()["invitations"] == 1
    assert not Invitation.objects.exists()


def test_an_open_invitation_is_kept(verein_bretten):
    owner = MembershipFactory(organisation=verein_bretten).user
    with freeze_time(START):
        membership.invite(organisation=verein_bretten, email="neu@example.org", by=owner)
    with freeze_time(days(13)):
        assert delete_expired_records()["invitations"] == 0


def test_the_daily_task_logs_its_counts_and_a_second_run_deletes_nothing(db, caplog):
    with freeze_time(START):
        UserFactory(username="neu", is_active=False)
    with freeze_time(days(30)), caplog.at_level(logging.INFO, logger="engagement.retention.tasks"):
        delete_expired_records()
        assert delete_expired_records() == dict.fromkeys(periods.EXPIRED, 0)
    assert "unconfirmed_accounts=1" in caplog.text


def test_the_privacy_page_states_each_period(bretten):
    body = default_body(LegalPage.Kind.PRIVACY, bretten)
    assert "6 Monate, nachdem die Redaktion sie bearbeitet hat" in body  # CONTENT_REPORT_DAYS ≈ 6 months
    assert "1 Jahr nach der Antwort" in body  # ACCESSIBILITY_FEEDBACK_DAYS = 365
    assert f"nicht bestätigte Registrierungen: {periods.UNCONFIRMED_ACCOUNT_DAYS} Tage" in body
    assert f"Einladungen in einen Verein: {periods.INVITATION_DAYS} Tage" in body
    # tests/hours/test_retention.py: kept (minimised) while the volunteer wants them.
    assert "Bestätigte Stunden und Engagementnachweise: so lange Sie möchten." in body
    assert "bis Sie Ihre Stunden und Nachweise über Ihren Link löschen" in body
