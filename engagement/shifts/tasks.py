"""Periodic work of the shifts (CELERY_BEAT_SCHEDULE). Idempotent: every mail is keyed in the outbox."""

import logging

from celery import shared_task

from .services import notices

logger = logging.getLogger(__name__)


@shared_task(name="shifts.queue_shift_reminders", acks_late=True)
def queue_shift_reminders() -> int:
    """Hourly: a reminder with .ics to each confirmed booking of a shift starting soon (once)."""
    queued = notices.queue_reminders()
    logger.info("Schicht-Erinnerungen: %s", queued)
    return queued


@shared_task(name="shifts.alert_short_shifts", acks_late=True)
def alert_short_shifts() -> int:
    """Daily: the Verein hears of shifts still short of people a few days before (once per shift)."""
    queued = notices.alert_short_shifts()
    logger.info("Schichten mit zu wenigen Leuten: %s", queued)
    return queued
