"""Sending the outbox. Tasks take ids and are idempotent; a mail is sent at most once per claim.

Talking to the mail server never happens inside a database transaction: a mail is claimed in one short
UPDATE, sent outside any transaction, and the outcome recorded in another. A worker that dies while
sending leaves its claim behind; the claim expires (after the task's hard time limit) and the sweep
takes the mail again. Only then can one mail go out twice (the server took it, the worker died before
recording it): at least once, never lost.
"""

import datetime as dt
import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone

from .delivery import deliver
from .models import OutgoingMail

logger = logging.getLogger(__name__)

State = OutgoingMail.State
# A claim outlives the task's hard time limit, so it never expires while its worker may still send.
CLAIM_SECONDS = settings.MAIL_SEND_TIME_LIMIT + 60
MAX_BACKOFF = dt.timedelta(hours=1)
SEND_ERRORS = (OSError, SoftTimeLimitExceeded)  # smtplib's errors and socket timeouts are OSErrors


@shared_task(
    name="mail.send_outgoing_mail",
    acks_late=True,
    soft_time_limit=settings.MAIL_SEND_TIME_LIMIT,
    time_limit=settings.MAIL_SEND_TIME_LIMIT + 10,
)
def send_outgoing_mail(mail_id: int) -> str:
    """Send one mail unless it is sent, failed for good, or being sent by another worker right now."""
    mail = claim(mail_id)
    if mail is None:
        return "not due"
    try:
        deliver(mail)
    except SEND_ERRORS as error:
        record_failure(mail, error)
        return "failed"
    OutgoingMail.objects.filter(pk=mail.pk, state=State.SENDING).update(
        state=State.SENT, sent_at=timezone.now(), claimed_until=None, next_attempt_at=None
    )
    return "sent"


def claim(mail_id: int) -> OutgoingMail | None:
    """Take the mail for this worker in one UPDATE: only one of two racing workers gets it."""
    now = timezone.now()
    claimed = (
        OutgoingMail.objects.filter(pk=mail_id)
        .filter(Q(state=State.QUEUED) | Q(state=State.SENDING, claimed_until__lt=now))
        .update(
            state=State.SENDING,
            claimed_until=now + dt.timedelta(seconds=CLAIM_SECONDS),
            attempts=F("attempts") + 1,
        )
    )
    return OutgoingMail.objects.get(pk=mail_id) if claimed else None


def record_failure(mail: OutgoingMail, error: BaseException) -> None:
    """Keep the mail with its error for the next try; after MAIL_MAX_ATTEMPTS it waits for an
    administrator (the outbox in the admin), never dropped."""
    gave_up = mail.attempts >= settings.MAIL_MAX_ATTEMPTS
    backoff = min(dt.timedelta(minutes=2 ** min(mail.attempts - 1, 10)), MAX_BACKOFF)
    OutgoingMail.objects.filter(pk=mail.pk, state=State.SENDING).update(
        state=State.FAILED if gave_up else State.QUEUED,
        claimed_until=None,
        next_attempt_at=None if gave_up else timezone.now() + backoff,
        last_error=f"{type(error).__name__}: {error}"[:2000],
    )
    logger.warning(
        "Mail %s nicht gesendet (Versuch %s, %s)%s",
        mail.pk,
        mail.attempts,
        type(error).__name__,
        ": aufgegeben, wartet im Postausgang auf die Administration" if gave_up else "",
    )


@shared_task(name="mail.send_unsent_mail", acks_late=True)
def send_unsent_mail() -> int:
    """The periodic sweep (celery beat): every mail due gets a task of its own.

    Due: queued and past its next attempt, or claimed by a worker whose claim has expired. Mails younger
    than MAIL_SWEEP_GRACE_SECONDS are left to the task enqueued on commit (it would only duplicate it).
    """
    now = timezone.now()
    due = OutgoingMail.objects.filter(
        Q(
            state=State.QUEUED,
            created_at__lte=now - dt.timedelta(seconds=settings.MAIL_SWEEP_GRACE_SECONDS),
        )
        & (Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        | Q(state=State.SENDING, claimed_until__lt=now)
    )
    mail_ids = list(due.values_list("pk", flat=True))
    for mail_id in mail_ids:
        send_outgoing_mail.delay(mail_id)
    return len(mail_ids)


@shared_task(name="mail.delete_sent_mail", acks_late=True)
def delete_sent_mail() -> int:
    """Sent mails are kept MAIL_RETENTION_DAYS (for questions like "did it go out?"), then deleted.
    Unsent ones stay until they are sent or what they are about is deleted."""
    limit = timezone.now() - dt.timedelta(days=settings.MAIL_RETENTION_DAYS)
    deleted, _ = OutgoingMail.objects.filter(state=State.SENT, sent_at__lt=limit).delete()
    logger.info("Postausgang: %s gesendete Mails gelöscht", deleted)
    return deleted
