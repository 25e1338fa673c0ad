"""The outbox: a mail is written in the same transaction as what it is about, and sent by a task.

`queue_mail` stores the mail (once per key) and enqueues `send_outgoing_mail` after the commit. If
Redis or the worker is down nothing is lost: the periodic sweep `send_unsent_mail` finds the row.
"""

import logging
from functools import partial

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from .models import OutgoingMail

logger = logging.getLogger(__name__)


def queue_mail(*, key: str, to: str, template: str, context: dict, application=None, ics: str = "") -> bool:
    """Store a German mail (text and HTML) under `key`; True if it is new (and so will be sent)."""
    with translation.override("de"):
        subject = render_to_string(f"applications/emails/{template}_subject.txt", context).strip()
        body = render_to_string(f"applications/emails/{template}.txt", context)
        html_body = render_to_string(
            "applications/emails/layout.html", {**context, "subject": subject, "body": body}
        )
    mail, created = OutgoingMail.objects.get_or_create(
        key=key,
        defaults={
            "to": to,
            "subject": subject,
            "body": body,
            "html_body": html_body,
            "ics": ics,
            "application": application,
        },
    )
    if created:
        transaction.on_commit(partial(enqueue_mail, mail.pk))
    return created


def enqueue_mail(mail_id: int):
    from .tasks import send_outgoing_mail

    try:
        send_outgoing_mail.delay(mail_id)
    except Exception:  # noqa: BLE001 — broker down: the user's action stands, the sweep sends it later
        logger.warning("Mail %s nicht eingereiht (Broker nicht erreichbar); der Sweep sendet sie.", mail_id)
