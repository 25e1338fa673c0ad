import logging

from celery import shared_task

from .periods import EXPIRED

logger = logging.getLogger(__name__)


@shared_task(name="retention.delete_expired_records", acks_late=True)
def delete_expired_records() -> dict[str, int]:
    """Delete every record past its retention period (engagement/retention/periods.py) and log the
    counts. Idempotent: a second run finds nothing more to delete."""
    counts = {}
    for name, expired in EXPIRED.items():
        # Distinct ids first: a join (accounts without memberships) must not delete twice.
        ids = list(expired().values_list("pk", flat=True).distinct())
        model = expired().model
        counts[name] = model.objects.filter(pk__in=ids).delete()[1].get(model._meta.label, 0) if ids else 0
    logger.info("Löschfristen angewandt: %s", ", ".join(f"{name}={count}" for name, count in counts.items()))
    return counts
