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
