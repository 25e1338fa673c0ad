"""Each sender of the platform queues exactly one outbox row under its key and sends it once, even
when it is triggered twice (a double click, a redelivered task, a second run of the sweep)."""

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.utils import timezone
from freezegun import freeze_time
from wagtail.models import WorkflowState
from wagtail.users.models import UserProfile

from engagement.mail import outbox
from engagement.mail.models import OutgoingMail
from engagement.mail.tasks import send_unsent_mail
from engagement.mail.wagtail_notifications import task_submission_notifier
from engagement.opportunities.models import OpportunityPage
from tests.dashboard.test_dashboard import form_data
from tests.factories import MembershipFactory, UserFactory, make_opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def sent_again(mail: OutgoingMail, callbacks):
    """The task enqueued once more (a redelivery) and the sweep an hour later: neither sends."""
    with callbacks(execute=True):
        outbox.enqueue(mail.pk)
    with freeze_time(timezone.now() + dt.timedelta(hours=1)):
        assert send_unsent_mail() == 0


def only(prefix: str) -> OutgoingMail:
    [mail] = OutgoingMail.objects.filter(key__startswith=prefix)
    return mail


def test_account_confirmation(client, mailoutbox, django_capture_on_commit_callbacks):
    signup = {
        "first_name": "Jana",
        "last_name": "Vogel",
        "email": "jana@example.org",
        "password": "Ehrenamt-2026",
    }
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/mein-verein/registrieren/", signup)
        client.post("/mein-verein/registrieren/", signup)  # the same address again: no second mail
    mail = only("verify-email:")
    sent_again(mail, django_capture_on_commit_callbacks)
    assert [m.subject for m in mailoutbox] == ["Bitte bestätigen Sie Ihre E-Mail-Adresse"]
    assert OutgoingMail.objects.get(pk=mail.pk).state == OutgoingMail.State.SENT


def test_organisation_invitation(client, verein_bretten, mailoutbox, django_capture_on_commit_callbacks):
    owner = MembershipFactory(organisation=verein_bretten, user=UserFactory(), role="owner").user
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/mein-verein/organisation/{verein_bretten.pk}/mitglieder/",
            {"action": "invite", "email": "neu@example.org"},
        )
    mail = only("invitation:")
    sent_again(mail, django_capture_on_commit_callbacks)
    assert [m.subject for m in mailoutbox] == ["Einladung: Tafel Bretten e. V. bei „Engagement vernetzt“"]


def test_password_reset_queues_one_mail_for_a_double_click(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    # The one reset for every account (Wagtail's admin reset is off: tests/security/test_password_reset.py).
    url = "/mein-verein/passwort/vergessen/"
    user = UserFactory(username="verein", email="verein@example.org")
    with freeze_time(timezone.now()), django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"email": "verein@example.org"})
        client.post(url, {"email": "verein@example.org"})
    mail = only("password-reset:")
    assert mail.to == user.email
    sent_again(mail, django_capture_on_commit_callbacks)
    assert len(mailoutbox) == 1 and re.search(r"http://\S+/", mailoutbox[0].body)


def test_moderation_decision_and_the_next_decision_after_a_resubmission(
    client, editor, member, verein_bretten, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/mein-verein/organisation/{verein_bretten.pk}/neu/", {**form_data(), "submit": "1"})
    page = OpportunityPage.objects.get()
    state = WorkflowState.objects.get(object_id=str(page.pk))
    with django_capture_on_commit_callbacks(execute=True):
        state.current_task_state.task.specific.on_action(
            state.current_task_state, editor, "reject", comment="Ort?"
        )
    sent_again(only("moderation-decision:"), django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True):
        edit_url = f"/mein-verein/angebote/{page.pk}/bearbeiten/"
        client.post(edit_url, {**form_data(street="Marktplatz 2"), "submit": "1"})
    state = WorkflowState.objects.filter(object_id=str(page.pk)).order_by("-pk").first()
    with django_capture_on_commit_callbacks(execute=True):
        state.current_task_state.task.specific.on_action(state.current_task_state, editor, "approve")
    to_member = [m.subject for m in mailoutbox if m.to == [member.email]]
    assert to_member == [
        "Bitte überarbeiten: Lesepat:in für Grundschulkinder",
        "Freigegeben: Lesepat:in für Grundschulkinder",
    ]
    assert OutgoingMail.objects.filter(key__startswith="moderation-decision:").count() == 2


def test_wagtails_notice_to_the_moderators_goes_through_the_outbox_once(
    client, editor, member, verein_bretten, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/mein-verein/organisation/{verein_bretten.pk}/neu/", {**form_data(), "submit": "1"})
    state = WorkflowState.objects.get()
    mail = only("wagtail-submitted:")
    assert (
        mail.key == f"wagtail-submitted:{state.current_task_state.pk}:{editor.pk}" and mail.to == editor.email
    )
    with django_capture_on_commit_callbacks(execute=True):
        task_submission_notifier(instance=state.current_task_state, user=member)  # the signal again
    sent_again(mail, django_capture_on_commit_callbacks)
    notices = [m for m in mailoutbox if m.to == [editor.email]]
    assert len(notices) == 1 and "Lesepat:in für Grundschulkinder" in notices[0].subject
    assert not [m for m in mailoutbox if m.to == [member.email]]  # the member cannot open the admin


def test_an_english_member_gets_the_decision_in_english(
    client, editor, member, verein_bretten, mailoutbox, django_capture_on_commit_callbacks
):
    profile = UserProfile.get_for_user(member)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(member)
    client.post(f"/mein-verein/organisation/{verein_bretten.pk}/neu/", {**form_data(), "submit": "1"})
    state = WorkflowState.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        state.current_task_state.task.specific.on_action(state.current_task_state, editor, "approve")
    [decision] = [m for m in mailoutbox if m.to == [member.email]]
    assert decision.subject == "Approved: Lesepat:in für Grundschulkinder"


def test_the_event_reminder(verein_bretten, mailoutbox, django_capture_on_commit_callbacks):
    from engagement.applications.models import Application
    from engagement.applications.tasks import queue_event_reminders
    from tests.factories import in_days

    page = make_opportunity(
        organisation=verein_bretten,
        title="Bachputzete",
        schedule_kind="one_off",
        event_start=in_days(1),
        event_end=in_days(1, hour=12),
    )
    Application.objects.create(
        opportunity=page,
        name="Tom",
        email="tom@example.org",
        message="x",
        status="accepted",
        consent_version="1",
        consent_given_at=in_days(-1),
        confirmed_at=in_days(-1),
        language="en",
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert queue_event_reminders() == 1
        assert queue_event_reminders() == 0
    sent_again(only("reminder:"), django_capture_on_commit_callbacks)
    assert [m.subject for m in mailoutbox] == ["Reminder: Bachputzete"]
