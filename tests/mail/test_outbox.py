"""The outbox itself: rendering, one row per key, claims, the sweep, failures and retention."""

import datetime as dt

import pytest
from django.utils import timezone
from freezegun import freeze_time

from engagement.mail import outbox
from engagement.mail.models import OutgoingMail
from engagement.mail.tasks import delete_sent_mail, send_outgoing_mail, send_unsent_mail
from tests.mail.conftest import committed

pytestmark = pytest.mark.django_db

State = OutgoingMail.State
TRICKY = 'Kinder & Jugend <Treff> "Sommer" \'24'


def queue_status_mail(page, key="status:1", **options):
    context = {
        "application": {"name": "Mia Kraus"},
        "page": page,
        "city": page.city,
        "message": "",
        "status_url": "http://testserver/s/",
    }
    return committed(
        outbox.queue, key, "a@example.org", "applications/emails/status_accepted", context, **options
    )


def test_a_subject_is_plain_text_on_one_line_never_html_escaped(page, mailoutbox):
    page.title = TRICKY
    queue_status_mail(page)
    [sent] = mailoutbox
    assert sent.subject == f"Zusage: {TRICKY}"
    assert "&amp;" not in sent.subject and "&lt;" not in sent.subject and "&quot;" not in sent.subject
    assert TRICKY in sent.body  # the plain text is not escaped either
    html = sent.alternatives[0][0]
    assert "Kinder &amp; Jugend &lt;Treff&gt;" in html and "<Treff>" not in html  # the HTML is


def test_a_line_break_in_a_title_cannot_reach_the_subject_header(page, mailoutbox):
    page.title = "Erste Zeile\nBcc: jemand@example.org"
    queue_status_mail(page)
    assert mailoutbox[0].subject == "Zusage: Erste Zeile Bcc: jemand@example.org"
    assert mailoutbox[0].message()["Bcc"] is None


def test_the_recipients_language_writes_the_mail(page, mailoutbox):
    queue_status_mail(page, key="de")
    queue_status_mail(page, key="en", language="en")
    german, english = mailoutbox
    assert german.subject == "Zusage: Lesepat:in" and '<html lang="de">' in german.alternatives[0][0]
    assert english.subject == "Accepted: Lesepat:in" and '<html lang="en">' in english.alternatives[0][0]
    assert OutgoingMail.objects.get(key="en").language == "en"


def test_an_unknown_language_falls_back_to_german(page, mailoutbox):
    queue_status_mail(page, language="fr-CA")
    assert mailoutbox[0].subject == "Zusage: Lesepat:in"


def test_one_row_per_key_and_one_mail_however_often_it_is_queued_or_sent(page, mailoutbox):
    assert queue_status_mail(page) is True
    assert queue_status_mail(page) is False
    mail = OutgoingMail.objects.get()
    assert send_outgoing_mail(mail.pk) == "not due"
    with freeze_time(timezone.now() + dt.timedelta(hours=1)):
        assert send_unsent_mail() == 0
    assert len(mailoutbox) == 1
    mail.refresh_from_db()
    assert mail.state == State.SENT and mail.attempts == 1 and mail.sent_at is not None


def test_attachments_and_reply_to_reach_the_message(page, mailoutbox):
    queue_status_mail(
        page,
        attachments=[("termin.ics", "BEGIN:VCALENDAR", "text/calendar")],
        headers={"Reply-To": "x@example.org"},
    )
    [sent] = mailoutbox
    assert sent.attachments == [("termin.ics", "BEGIN:VCALENDAR", "text/calendar")]
    assert sent.reply_to == ["x@example.org"] and sent.extra_headers["Auto-Submitted"] == "auto-generated"


def test_a_claim_held_by_a_live_worker_is_respected_and_an_expired_one_is_taken_again(
    page, mailoutbox, monkeypatch
):
    monkeypatch.setattr(send_outgoing_mail, "delay", lambda mail_id: None)
    queue_status_mail(page)
    mail = OutgoingMail.objects.get()
    now = timezone.now()
    OutgoingMail.objects.filter(pk=mail.pk).update(
        state=State.SENDING, attempts=1, claimed_until=now + dt.timedelta(minutes=2)
    )
    monkeypatch.undo()
    with freeze_time(now + dt.timedelta(minutes=1)):
        assert send_outgoing_mail(mail.pk) == "not due"  # another worker is sending it right now
        assert send_unsent_mail() == 0
    assert not mailoutbox
    with freeze_time(now + dt.timedelta(minutes=3)):  # that worker died: its claim has run out
        assert send_unsent_mail() == 1
    mail.refresh_from_db()
    assert mail.state == State.SENT and mail.attempts == 2 and len(mailoutbox) == 1


def test_after_the_last_attempt_a_mail_waits_for_an_administrator_and_is_never_dropped(
    page, mailoutbox, monkeypatch, settings
):
    monkeypatch.setattr(send_outgoing_mail, "delay", lambda mail_id: None)
    queue_status_mail(page)
    mail = OutgoingMail.objects.get()
    OutgoingMail.objects.filter(pk=mail.pk).update(attempts=settings.MAIL_MAX_ATTEMPTS - 1)

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("Connection refused")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    assert send_outgoing_mail.run(mail.pk) == "failed"
    mail.refresh_from_db()
    assert mail.state == State.FAILED and mail.next_attempt_at is None
    assert mail.last_error == "ConnectionRefusedError: Connection refused"
    with freeze_time(timezone.now() + dt.timedelta(days=400)):
        assert send_unsent_mail() == 0  # no more automatic attempts…
        assert delete_sent_mail() == 0  # …and never deleted unsent
    monkeypatch.undo()
    assert committed(outbox.retry, [mail.pk]) == 1  # the administrator's retry sends it
    mail.refresh_from_db()
    assert mail.state == State.SENT and len(mailoutbox) == 1


def test_sent_mails_are_deleted_after_the_retention_period_to_the_day(page, settings, caplog):
    settings.MAIL_RETENTION_DAYS = 30
    queue_status_mail(page)
    sent_at = OutgoingMail.objects.get().sent_at
    with freeze_time(sent_at + dt.timedelta(days=30) - dt.timedelta(seconds=1)):
        assert delete_sent_mail() == 0
    with freeze_time(sent_at + dt.timedelta(days=30, seconds=1)):
        assert delete_sent_mail() == 1
    assert not OutgoingMail.objects.exists()
    assert "Postausgang: 1 gesendete Mails gelöscht" in caplog.text


def test_retention_and_the_sweep_have_their_beat_entries_once(settings):
    tasks = [entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()]
    assert tasks.count("mail.send_unsent_mail") == 1 and tasks.count("mail.delete_sent_mail") == 1
    assert not [task for task in tasks if task.startswith("applications.send")]
