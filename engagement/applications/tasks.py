"""Background work of the applications. Tasks take ids and are idempotent; acks_late is the default."""

import datetime as dt
import logging

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from engagement.opportunities.models import OpportunityPage

from . import extensions
from .models import Application
from .services import guardians, inactivity, privacy, replies
from .services.applying import mail_applicant
from .services.links import status_link

logger = logging.getLogger(__name__)

UNCONFIRMED_DAYS = 7


@shared_task(name="applications.apply_retention", acks_late=True)
def apply_retention() -> dict:
    """Personal data no longer than needed: unconfirmed applications after 7 days; the others
    APPLICATION_RETENTION_DAYS after they were closed or their opportunity ended. Deleting an
    application deletes its history and mails. An application the volunteer still needs for their
    record (confirmed hours, an issued Nachweis: extensions.kept()) is minimised instead
    (privacy.minimise) until the volunteer deletes the record; the next run after that deletes it.
    Logs counts only, never names. (Sent mails of every kind are deleted by engagement.mail's own
    retention.)"""
    now = timezone.now()
    limit = now - dt.timedelta(days=settings.APPLICATION_RETENTION_DAYS)
    # Never confirmed by the applicant. (A minor's application waiting for a parent is the business of
    # expire_guardian_confirmations, which tells the young person.)
    unconfirmed = Application.objects.filter(
        applicant_confirmed_at__isnull=True,
        confirmed_at__isnull=True,
        created_at__lt=now - dt.timedelta(days=UNCONFIRMED_DAYS),
    ).delete()
    kept = extensions.kept()
    ended_before_limit = (
        Q(opportunity__end_date__lt=limit.date())
        | Q(opportunity__event_end__lt=limit)
        | Q(opportunity__event_end__isnull=True, opportunity__event_start__lt=limit)
    )
    closed = Application.objects.filter(closed_at__lt=limit).exclude(kept).delete()
    ended = Application.objects.filter(ended_before_limit).exclude(kept).delete()
    minimised = privacy.minimise(
        Application.objects.filter(kept).filter(Q(closed_at__lt=limit) | ended_before_limit)
    )
    counts = {
        "unconfirmed": _applications(unconfirmed),
        "closed": _applications(closed),
        "ended": _applications(ended),
        "minimised": minimised,
    }
    logger.info("Aufbewahrung: gelöscht %s", counts)
    return counts


@shared_task(name="applications.close_inactive_applications", acks_late=True)
def close_inactive_applications() -> dict:
    """Daily: notices to organisations and closing of open applications without activity
    (services/inactivity.py). Idempotent; logs counts only."""
    counts = inactivity.close_inactive_applications()
    logger.info("Bewerbungen ohne Aktivität: %s", counts)
    return counts


@shared_task(name="applications.expire_guardian_confirmations", acks_late=True)
def expire_guardian_confirmations() -> int:
    """Hourly: minors' applications without a parent's confirmation after GUARDIAN_CONFIRMATION_DAYS are
    deleted, and the young person told (services/guardians.py). Idempotent; logs the count only."""
    expired = guardians.expire_guardian_confirmations()
    logger.info("Bewerbungen ohne Bestätigung der Eltern gelöscht: %s", expired)
    return expired


def _applications(deleted) -> int:
    """How many applications a delete() removed (it also counts their history and mails)."""
    return deleted[1].get(Application._meta.label, 0)


@shared_task(name="applications.queue_event_reminders", acks_late=True)
def queue_event_reminders() -> int:
    """Two days before a one-off date, every accepted volunteer gets a reminder (once: keyed mail)."""
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
            queued += mail_applicant(
                application,
                f"reminder:{application.pk}:{page.event_start:%Y%m%d%H%M}",
                "reminder",
                {
                    "application": application,
                    "page": page,
                    "city": page.city,
                    "status_url": status_link(application),
                },
            )
    return queued


@shared_task(name="applications.queue_reply_reminders", acks_late=True)
def queue_reply_reminders() -> int:
    """Hourly: one `send_reply_reminder` per unanswered application with a reminder or the deadline
    notice due (services/replies.py). Enqueueing the same id twice is harmless: the step is checked
    again under the row's lock."""
    due = replies.applications_due_for_step()
    for application_id in due:
        send_reply_reminder.delay(application_id)
    return len(due)


@shared_task(name="applications.send_reply_reminder", acks_late=True)
def send_reply_reminder(application_id: int) -> str:
    """The reminder to the organisation, or at the deadline the notice to the applicant, that is due for
    one application; nothing if none is (any more). Idempotent."""
    return replies.send_reply_step(application_id)


@shared_task(name="applications.update_reply_times", acks_late=True)
def update_reply_times() -> int:
    """Daily: each organisation's usual reply time for its profile (services/replies.py)."""
    changed = replies.update_reply_times()
    logger.info("Antwortzeiten: %s Organisationen geändert", changed)
    return changed
