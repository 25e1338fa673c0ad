"""Mail: German text and HTML with the city's name, stored once per key, sent once, swept when lost."""

import datetime as dt
import socket
from contextlib import closing

import pytest
from django.utils import timezone
from freezegun import freeze_time

from engagement.applications.models import Application
from engagement.applications.tasks import queue_event_reminders
from engagement.mail import outbox
from engagement.mail.models import OutgoingMail
from engagement.mail.tasks import send_outgoing_mail, send_unsent_mail
from tests.applications.conftest import apply, committed
from tests.factories import in_days, make_opportunity

pytestmark = pytest.mark.django_db


def test_mails_have_text_and_html_in_german_with_the_citys_name(client, page, mailoutbox, confirmed):
    application, status_link = confirmed()
    received = next(mail for mail in mailoutbox if mail.subject == "Ihre Bewerbung: Lesepat:in")
    html, mimetype = received.alternatives[0]
    assert mimetype == "text/html" and '<html lang="de">' in html
    assert page.city.stage_name in received.body and page.city.stage_name in html
    assert page.city.accent_colour in html
    assert f'href="http://testserver{status_link}"' in html  # the withdraw/erase link in the footer
    assert "Guten Tag Mia Kraus," in received.body


def test_html_mail_escapes_what_the_applicant_typed(client, member, page, mailoutbox, confirmed):
    confirmed(name="<script>alert(1)</script>")
    received = next(mail for mail in mailoutbox if mail.subject == "Ihre Bewerbung: Lesepat:in")
    assert "<script>" not in received.alternatives[0][0]
    assert "&lt;script&gt;" in received.alternatives[0][0]


def test_a_mail_is_stored_once_per_key_and_sent_once(page, mailoutbox):
    context = {"city": page.city, "url": "http://testserver/x/"}
    assert committed(outbox.queue, "k", "a@example.org", "applications/emails/confirm", context) is True
    assert committed(outbox.queue, "k", "a@example.org", "applications/emails/confirm", context) is False
    mail = OutgoingMail.objects.get()
    assert send_outgoing_mail(mail.pk) == "not due"
    assert len(mailoutbox) == 1


def test_nothing_is_enqueued_before_the_commit(client, page, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(
            f"/bewerben/{page.pk}/", {"name": "A", "email": "a@example.org", "message": "x", "consent": "on"}
        )
    assert len(callbacks) == 1 and not mailoutbox  # only once the transaction commits
    callbacks[0]()
    assert len(mailoutbox) == 1


def test_broker_down_the_application_stands_and_the_sweep_sends_once(client, page, mailoutbox, monkeypatch):
    """Enqueueing fails (as kombu does without Redis): saved, confirmed to the user, swept later."""
    from kombu.exceptions import OperationalError

    def unreachable(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6390. Connection refused.")

    monkeypatch.setattr(send_outgoing_mail, "delay", unreachable)
    response = apply(client, page)
    assert response.status_code == 200 and "Bitte schauen Sie in Ihr Postfach." in response.content.decode()
    assert Application.objects.count() == 1 and not mailoutbox
    monkeypatch.undo()
    assert send_unsent_mail() == 0  # too young: the task enqueued on commit might still come
    with freeze_time(timezone.now() + dt.timedelta(minutes=5)):
        assert send_unsent_mail() == 1
        assert send_unsent_mail() == 0
    assert len(mailoutbox) == 1 and mailoutbox[0].subject == "Bitte bestätigen Sie Ihre Bewerbung"


def test_a_refusing_mail_server_leaves_the_mail_for_the_retry(page, mailoutbox, monkeypatch, settings):
    context = {"city": page.city, "url": "http://testserver/x/"}
    monkeypatch.setattr(send_outgoing_mail, "delay", lambda mail_id: None)
    committed(outbox.queue, "k", "a@example.org", "applications/emails/confirm", context)
    mail = OutgoingMail.objects.get()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port()

    assert send_outgoing_mail.run(mail.pk) == "failed"
    mail.refresh_from_db()
    assert mail.sent_at is None and mail.state == OutgoingMail.State.QUEUED and mail.attempts == 1
    assert mail.last_error.startswith("ConnectionRefusedError")
    assert mail.next_attempt_at > timezone.now()  # not before a minute has passed
    assert send_unsent_mail() == 0
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    monkeypatch.undo()
    with freeze_time(timezone.now() + dt.timedelta(minutes=3)):
        assert send_unsent_mail() == 1
    mail.refresh_from_db()
    assert mail.state == OutgoingMail.State.SENT and mail.attempts == 2 and len(mailoutbox) == 1
    assert send_outgoing_mail.acks_late


def closed_port() -> int:
    with closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_reminder_two_days_before_a_one_off_date_goes_out_once(client, member, verein_bretten, mailoutbox):
    soon = make_opportunity(
        organisation=verein_bretten,
        title="Bachputzete",
        slug="bach",
        schedule_kind="one_off",
        event_start=in_days(1, hour=9),
        event_end=in_days(1, hour=12),
    )
    later = make_opportunity(
        organisation=verein_bretten,
        title="Später",
        slug="spaeter",
        schedule_kind="one_off",
        event_start=in_days(20),
        event_end=in_days(20, hour=12),
    )
    for opportunity in (soon, later):
        Application.objects.create(
            opportunity=opportunity,
            name="Tom",
            email="tom@example.org",
            message="x",
            status="accepted",
            consent_version="1",
            consent_given_at=in_days(-1),
            confirmed_at=in_days(-1),
        )
    assert committed(queue_event_reminders) == 1
    assert committed(queue_event_reminders) == 0  # the keyed mail exists: never a second reminder
    reminders = [mail for mail in mailoutbox if mail.subject.startswith("Erinnerung")]
    assert [mail.subject for mail in reminders] == ["Erinnerung: Bachputzete"]
    assert "/bewerbung/" in reminders[0].body  # a way to withdraw


def test_beat_schedule_runs_sweep_reminders_and_retention(settings, worker_tasks):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"mail.send_unsent_mail", "mail.delete_sent_mail", "applications.queue_event_reminders"} <= tasks
    assert "applications.apply_retention" in tasks
    assert set(tasks) <= worker_tasks
