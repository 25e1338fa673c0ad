"""A mail server that accepts the connection and never answers (a real socket on 127.0.0.1)."""

import datetime as dt
import socket
import threading
import time

import pytest
from django.utils import timezone
from freezegun import freeze_time

from engagement.mail import outbox
from engagement.mail.models import OutgoingMail
from engagement.mail.tasks import send_outgoing_mail, send_unsent_mail
from tests.factories import UserFactory
from tests.mail.conftest import committed

pytestmark = pytest.mark.django_db


class SilentServer:
    """Accepts every connection and keeps it open without a word (no SMTP greeting)."""

    def __init__(self):
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.port = self.socket.getsockname()[1]
        self.accepted = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                connection, _ = self.socket.accept()
            except OSError:  # closed by stop()
                return
            self.accepted.append(connection)

    def stop(self):
        self.socket.close()
        for connection in self.accepted:
            connection.close()


@pytest.fixture
def silent_smtp(settings):
    server = SilentServer()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", server.port, 1
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    yield server
    server.stop()


def test_a_hanging_server_times_the_send_out_and_the_mail_goes_later(page, silent_smtp, settings, mailoutbox):
    context = {"city": page.city, "url": "http://testserver/x/"}
    started = time.monotonic()
    committed(outbox.queue, "confirm:1", "a@example.org", "applications/emails/confirm", context)
    waited = time.monotonic() - started
    assert silent_smtp.accepted  # the task really talked to the silent server…
    assert waited < 5  # …and gave up after EMAIL_TIMEOUT (1 s) instead of hanging
    mail = OutgoingMail.objects.get()
    assert mail.state == OutgoingMail.State.QUEUED and mail.sent_at is None and mail.attempts == 1
    assert "timed out" in mail.last_error  # smtplib: SMTPServerDisconnected(… timed out)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the server answers again
    with freeze_time(timezone.now() + dt.timedelta(minutes=2)):
        assert send_unsent_mail() == 1
    mail.refresh_from_db()
    assert mail.state == OutgoingMail.State.SENT and [m.subject for m in mailoutbox] == [
        "Bitte bestätigen Sie Ihre Bewerbung"
    ]


def test_the_send_task_has_a_time_limit_and_its_claim_outlives_it(settings):
    from engagement.mail.tasks import CLAIM_SECONDS

    assert send_outgoing_mail.soft_time_limit == settings.MAIL_SEND_TIME_LIMIT
    assert send_outgoing_mail.time_limit > send_outgoing_mail.soft_time_limit
    assert send_outgoing_mail.time_limit < CLAIM_SECONDS


def test_a_password_reset_request_does_not_wait_for_the_mail_server(client, silent_smtp):
    UserFactory(username="verein", email="verein@example.org")
    started = time.monotonic()
    response = client.post("/mein-verein/passwort/vergessen/", {"email": "verein@example.org"})
    assert response.status_code == 302 and time.monotonic() - started < 1
    assert not silent_smtp.accepted  # the request never opened a connection to the mail server
    assert OutgoingMail.objects.get().state == OutgoingMail.State.QUEUED
