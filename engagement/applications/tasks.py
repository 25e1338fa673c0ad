import datetime as dt
import logging

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from .mail import send_queued_mail, send_unsent_mail  # noqa: F401  (registered with celery)
from .models import Application, OutgoingMail

logger = logging.getLogger(__name__)


@shared_task(name="applications.apply_retention")
def apply_retention() -> dict:
    """Personal data is kept no longer than needed: unconfirmed applications 7 days, closed ones (or
    those of an ended opportunity) APPLICATION_RETENTION_DAYS, sent mails 30 days. Logs counts only."""
    now = timezone.now()
    limit = now - dt.timedelta(days=settings.APPLICATION_RETENTION_DAYS)
    unconfirmed, _ = Application.objects.filter(
        confirmed_at__isnull=True, created_at__lt=now - dt.timedelta(days=7)
    ).delete()
    closed, _ = Application.objects.filter(closed_at__lt=limit).delete()
    ended, _ = Application.objects.filter(opportunity__end_date__lt=limit.date()).delete()
    mails, _ = OutgoingMail.objects.filter(sent_at__lt=now - dt.timedelta(days=30)).delete()
    counts = {"unconfirmed": unconfirmed, "closed": closed, "ended": ended, "mails": mails}
    logger.info("Aufbewahrung: gelöscht %s", counts)
    return counts


@shared_task(name="applications.queue_event_reminders")
def queue_event_reminders() -> int:
    """Two days before a one-off date, every accepted volunteer gets a reminder (once: keyed mail)."""
    from engagement.opportunities.models import OpportunityPage

    from .mail import queue_mail

    now = timezone.now()
    window_end = now + dt.timedelta(days=2)
    accepted = Application.objects.filter(
        status=Application.Status.ACCEPTED,
        opportunity__schedule_kind=OpportunityPage.ScheduleKind.ONE_OFF,
        opportunity__event_start__range=(now, window_end),
    ).select_related("opportunity", "opportunity__city", "opportunity__organisation")
    queued = 0
    for application in accepted:
        page = application.opportunity
        mail = queue_mail(
            key=f"reminder:{application.pk}:{page.event_start:%Y%m%d%H%M}",
            to=application.email,
            template="reminder",
            context={"application": application, "page": page, "city": page.city},
        )
        queued += mail is not None
    return queued
