"""Background work of the applications. Tasks take ids and are idempotent; acks_late is the default."""

import datetime as dt
import logging

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import Application, OutgoingMail

logger = logging.getLogger(__name__)

UNCONFIRMED_DAYS = 7
SENT_MAIL_DAYS = 30
GIVE_UP_DAYS = 7  # the sweep stops trying a mail that could not be sent for a week (bad address)


@shared_task(
    name="applications.send_outgoing_mail",
    acks_late=True,
    autoretry_for=(OSError,),  # SMTP errors and refused connections; smtplib's errors are OSErrors
    retry_backoff=5,
    retry_backoff_max=600,
    max_retries=8,
)
def send_outgoing_mail(mail_id: int) -> str:
    """Send one stored mail unless it has been sent: the row is locked and marked in one transaction,
    so a redelivered task, a retry and the sweep never send it twice. (If the worker dies between the
    SMTP server's answer and the commit, the mail goes out once more: at least once, never lost.)"""
    with transaction.atomic():
        mail = OutgoingMail.objects.select_for_update().filter(pk=mail_id, sent_at__isnull=True).first()
        if mail is None:
            return "already sent"
        message = EmailMultiAlternatives(mail.subject, mail.body, None, [mail.to])
        if mail.html_body:
            message.attach_alternative(mail.html_body, "text/html")
        if mail.ics:
            message.attach("termin.ics", mail.ics, "text/calendar")
        message.send()
        mail.sent_at = timezone.now()
        mail.save(update_fields=["sent_at"])
    return "sent"


@shared_task(name="applications.send_unsent_mail", acks_late=True)
def send_unsent_mail() -> int:
    """The periodic sweep (celery beat): every mail not sent yet gets a task of its own.

    Mails younger than APPLICATION_MAIL_SWEEP_GRACE_SECONDS are left to the task enqueued on commit.
    A mail enqueued twice is still sent once (see send_outgoing_mail).
    """
    now = timezone.now()
    pending = OutgoingMail.objects.filter(
        sent_at__isnull=True,
        created_at__lte=now - dt.timedelta(seconds=settings.APPLICATION_MAIL_SWEEP_GRACE_SECONDS),
        created_at__gte=now - dt.timedelta(days=GIVE_UP_DAYS),
    ).values_list("pk", flat=True)
    mail_ids = list(pending)
    for mail_id in mail_ids:
        send_outgoing_mail.delay(mail_id)
    return len(mail_ids)


@shared_task(name="applications.apply_retention", acks_late=True)
def apply_retention() -> dict:
    """Personal data no longer than needed: unconfirmed applications after 7 days; the others
    APPLICATION_RETENTION_DAYS after they were closed or their opportunity ended; sent mails after 30
    days. Deleting an application deletes its history and mails. Logs counts only, never names."""
    now = timezone.now()
    limit = now - dt.timedelta(days=settings.APPLICATION_RETENTION_DAYS)
    unconfirmed = Application.objects.filter(
        confirmed_at__isnull=True, created_at__lt=now - dt.timedelta(days=UNCONFIRMED_DAYS)
    ).delete()
    closed = Application.objects.filter(closed_at__lt=limit).delete()
    ended = Application.objects.filter(
        Q(opportunity__end_date__lt=limit.date())
        | Q(opportunity__event_end__lt=limit)
        | Q(opportunity__event_end__isnull=True, opportunity__event_start__lt=limit)
    ).delete()
    mails, _ = OutgoingMail.objects.filter(
        Q(sent_at__lt=now - dt.timedelta(days=SENT_MAIL_DAYS))
        | Q(sent_at__isnull=True, created_at__lt=now - dt.timedelta(days=SENT_MAIL_DAYS))
    ).delete()
    counts = {
        "unconfirmed": _applications(unconfirmed),
        "closed": _applications(closed),
        "ended": _applications(ended),
        "mails": mails,
    }
    logger.info("Aufbewahrung: gelöscht %s", counts)
    return counts


def _applications(deleted) -> int:
    """How many applications a delete() removed (it also counts their history and mails)."""
    return deleted[1].get(Application._meta.label, 0)


@shared_task(name="applications.queue_event_reminders", acks_late=True)
def queue_event_reminders() -> int:
    """Two days before a one-off date, every accepted volunteer gets a reminder (once: keyed mail)."""
    from engagement.opportunities.models import OpportunityPage

    from .mail import queue_mail
    from .services.links import status_url

    now = timezone.now()
    accepted = Application.objects.filter(
        status=Application.Status.ACCEPTED,
        opportunity__schedule_kind=OpportunityPage.ScheduleKind.ONE_OFF,
        opportunity__event_start__range=(now, now + dt.timedelta(days=2)),
    ).select_related("opportunity", "opportunity__city", "opportunity__organisation")
    queued = 0
    for application in accepted:
        page = application.opportunity
        with transaction.atomic():
            queued += queue_mail(
                key=f"reminder:{application.pk}:{page.event_start:%Y%m%d%H%M}",
                to=application.email,
                template="reminder",
                context={
                    "application": application,
                    "page": page,
                    "city": page.city,
                    "status_url": status_url(application),
                },
                application=application,
            )
    return queued
