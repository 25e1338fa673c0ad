"""Mail of the applications: written to the outbox with the change it belongs to, sent after commit."""

import logging

from celery import shared_task
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import OutgoingMail

logger = logging.getLogger(__name__)


def queue_mail(*, key: str, to: str, template: str, context: dict, ics: str = "") -> OutgoingMail | None:
    """Store the mail (once per key) and send it after the commit. A broker that is down only delays it."""
    with translation.override("de"):
        subject = render_to_string(f"applications/emails/{template}_subject.txt", context).strip()
        body = render_to_string(f"applications/emails/{template}.txt", context)
    mail, created = OutgoingMail.objects.get_or_create(
        key=key, defaults={"to": to, "subject": subject, "body": body, "ics": ics}
    )
    if created:
        transaction.on_commit(lambda: _enqueue(mail.pk))
    return mail


def _enqueue(mail_id: int):
    try:
        send_queued_mail.delay(mail_id)
    except Exception:  # noqa: BLE001 — broker down: the sweep sends it later; the user's action stands
        logger.warning("Mail %s nicht eingereiht (Broker nicht erreichbar); der Sweep sendet sie.", mail_id)


@shared_task(
    name="applications.send_queued_mail",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=8,
)
def send_queued_mail(mail_id: int) -> str:
    """Idempotent: the row is locked and marked sent in one transaction; a sent mail is never resent."""
    with transaction.atomic():
        mail = OutgoingMail.objects.select_for_update().filter(pk=mail_id, sent_at__isnull=True).first()
        if mail is None:
            return "already sent"
        message = EmailMessage(mail.subject, mail.body, None, [mail.to])
        if mail.ics:
            message.attach("termin.ics", mail.ics, "text/calendar")
        message.send()
        mail.sent_at = timezone.now()
        mail.save(update_fields=["sent_at"])
    return "sent"


@shared_task(name="applications.send_unsent_mail")
def send_unsent_mail() -> int:
    """The periodic sweep: whatever could not be enqueued (or got lost) goes out now, exactly once."""
    pending = list(OutgoingMail.objects.filter(sent_at__isnull=True).values_list("pk", flat=True))
    for mail_id in pending:
        send_queued_mail(mail_id)
    return len(pending)
