"""The alerts' periodic work: an hourly run that fans out one small task per due alert, and a daily
one that reminds and forgets."""

import logging

from celery import shared_task

from . import services

logger = logging.getLogger(__name__)


@shared_task(name="alerts.send_search_alerts")
def send_search_alerts():
    due = list(services.due_alerts().values_list("pk", flat=True))
    for alert_id in due:
        send_search_alert.delay(alert_id)
    return len(due)


@shared_task(name="alerts.send_search_alert", acks_late=True)
def send_search_alert(alert_id):
    return services.send_alert(alert_id)


@shared_task(name="alerts.expire_search_alerts")
def expire_search_alerts():
    counts = services.expire_alerts()
    logger.info(
        "Search alerts: %(unconfirmed)s unconfirmed deleted, %(reminded)s reminded, "
        "%(expired)s expired deleted",
        counts,
    )
    return counts
