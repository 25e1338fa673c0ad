"""Reliability with a real celery worker on Redis (the broker of CELERY_BROKER_URL, e.g. DB 14).

The whole flow runs through the broker; then Redis is unreachable while a citizen applies, and the
worker is stopped while mails are enqueued: the periodic sweep sends every mail, each exactly once.
"""

import datetime as dt
import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail as django_mail
from django.utils import timezone

from engagement import celery_app
from engagement.applications.models import Application
from engagement.applications.services.applying import confirm_token
from engagement.applications.tasks import queue_reply_reminders, send_reply_reminder
from engagement.mail.models import OutgoingMail
from engagement.mail.tasks import send_unsent_mail
from tests.applications.conftest import DATA, links
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
    in_days,
    make_city,
    make_opportunity,
)
from tests.services import RedisServer, forget_broker_connections, wait_for

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def broker(settings):
    """Tasks go through the test's own Redis (not run in the test's thread); its queue starts empty.

    Celery reads CELERY_BROKER_URL from the environment before Django's settings, so the test's broker
    is set as the read and write URL, which take precedence over it.
    """
    own = RedisServer()
    own.start()
    settings.CELERY_TASK_ALWAYS_EAGER = False
    celery_app.conf.task_always_eager = False
    celery_app.conf.broker_read_url = celery_app.conf.broker_write_url = own.url()
    forget_broker_connections()
    yield own
    celery_app.conf.task_always_eager = True
    celery_app.conf.broker_read_url = celery_app.conf.broker_write_url = None
    forget_broker_connections()
    if own.process.poll() is None:
        own.stop()


def worker():
    return start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=30)


@pytest.fixture
def scene():
    city = make_city("bretten")
    verein = OrganisationFactory(name="Tafel Bretten e. V.", home_city=city)
    member = MembershipFactory(organisation=verein, user=UserFactory(username="verein-bretten")).user
    return verein, member


def sent(subject_start):
    return [mail for mail in django_mail.outbox if mail.subject.startswith(subject_start)]


def test_full_flow_through_a_real_worker(client, scene, mailoutbox, broker):
    verein, member = scene
    with worker():
        page = make_opportunity(
            organisation=verein,
            title="Stadtfest",
            schedule_kind="one_off",
            event_start=in_days(10, hour=14),
            event_end=in_days(10, hour=18),
            volunteers_needed=1,
        )
        response = client.post(f"/bewerben/{page.pk}/", DATA)
        assert "Bitte schauen Sie in Ihr Postfach." in response.content.decode()
        assert wait_for(lambda: sent("Bitte bestätigen"))

        client.post(links(sent("Bitte bestätigen"), "/bewerbung/bestaetigen/")[0])
        assert wait_for(lambda: sent("Neue Bewerbung") and sent("Ihre Bewerbung"))
        application = Application.objects.get()
        notification = sent("Neue Bewerbung")[0]
        assert notification.to == ["verein-bretten@example.org"] and "Mia" not in notification.body

        client.force_login(member)
        detail = links([notification], "/mein-verein/bewerbungen/")[0]
        assert "Mia Kraus" in client.get(detail).content.decode()
        client.post(detail, {"status": "accepted", "message": "Willkommen!"})
        assert wait_for(lambda: sent("Zusage"))
    acceptance = sent("Zusage")[0]
    assert acceptance.to == ["mia@example.org"] and "Willkommen!" in acceptance.body
    [(filename, content, mimetype)] = acceptance.attachments
    assert mimetype == "text/calendar" and "SUMMARY:Stadtfest" in content
    page.refresh_from_db()
    assert page.recruitment_status == "filled"
    assert sorted(mail.subject for mail in mailoutbox) == [
        "Bitte bestätigen Sie Ihre Bewerbung",
        "Ihre Bewerbung: Stadtfest",
        "Neue Bewerbung: Stadtfest",
        "Zusage: Stadtfest",
    ]
    assert not OutgoingMail.objects.filter(sent_at__isnull=True).exists()
    assert application.changes.get().changed_by == member


def queued() -> int:
    """Messages waiting in our queue on Redis."""
    with celery_app.connection_for_write() as connection:
        return connection.default_channel.client.llen(celery_app.conf.task_default_queue)


def test_broker_stopped_then_restarted_the_sweep_sends_every_mail_exactly_once(
    client, scene, mailoutbox, broker, settings, caplog
):
    verein, member = scene
    page = make_opportunity(organisation=verein, title="Lesepat:in")
    celery_app.control.purge()  # the geocoding task of the new page is not what this test counts

    # 1. Redis stopped: the application is saved and the citizen sees the confirmation page.
    broker.stop()
    forget_broker_connections()
    response = client.post(f"/bewerben/{page.pk}/", DATA)
    assert response.status_code == 200 and "Bitte schauen Sie in Ihr Postfach." in response.content.decode()
    assert Application.objects.count() == 1
    assert OutgoingMail.objects.filter(sent_at__isnull=True).count() == 1 and not mailoutbox
    assert "nicht eingereiht (Broker nicht erreichbar)" in caplog.text

    # 2. Redis restarted (empty: it keeps nothing on disk), no worker yet: later mails wait in the queue.
    broker.start()
    forget_broker_connections()
    settings.MAIL_SWEEP_GRACE_SECONDS = 0
    application = Application.objects.get()
    client.post(f"/bewerbung/bestaetigen/{confirm_token(application)}/")
    assert OutgoingMail.objects.filter(sent_at__isnull=True).count() == 3  # confirm, received, notify
    assert queued() == 2  # received and notify were enqueued on commit; the first mail never was

    # 3. The beat sweep runs twice while the worker comes back: every mail goes out once.
    send_unsent_mail.delay()
    with worker():
        assert wait_for(lambda: not OutgoingMail.objects.filter(sent_at__isnull=True).exists())
        send_unsent_mail.delay()
        time.sleep(1.5)  # time for any duplicate to (not) go out
    subjects = sorted(mail.subject for mail in mailoutbox)
    assert subjects == [
        "Bitte bestätigen Sie Ihre Bewerbung",
        "Ihre Bewerbung: Lesepat:in",
        "Neue Bewerbung: Lesepat:in",
    ]


def test_reply_reminders_through_a_real_worker_go_out_exactly_once(scene, mailoutbox, broker):
    """The hourly beat entry enqueued twice (two beats, or a redelivery) and the per-application task
    once more by hand: the reminder of day 3 reaches each member once."""
    verein, member = scene
    page = make_opportunity(organisation=verein, title="Lesepat:in")
    celery_app.control.purge()
    confirmed_at = timezone.now() - dt.timedelta(days=3, minutes=1)
    application = Application.objects.create(
        opportunity=page,
        name="Mia Kraus",
        email="mia@example.org",
        message="Ich lese gern vor.",
        consent_version="1",
        consent_given_at=confirmed_at,
        confirmed_at=confirmed_at,
        last_activity_at=confirmed_at,
        reply_due_at=confirmed_at + dt.timedelta(days=7),
    )
    queue_reply_reminders.delay()
    queue_reply_reminders.delay()
    send_reply_reminder.delay(application.pk)
    with worker():
        assert wait_for(lambda: sent("Bewerbung wartet auf Antwort"))
        assert wait_for(lambda: queued() == 0)
        time.sleep(1.5)  # time for any duplicate to (not) go out
    assert [mail.to for mail in sent("Bewerbung wartet auf Antwort")] == [["verein-bretten@example.org"]]
    application.refresh_from_db()
    assert application.reply_reminders_sent == 1
