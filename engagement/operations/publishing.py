"""Enqueueing that never blocks or breaks the request when the broker (Redis) is away.

The celery app uses `FailFastTask` as the base of every task. Publishing tries the broker once, with a
short connection timeout (settings `CELERY_BROKER_CONNECTION_TIMEOUT`, `CELERY_TASK_PUBLISH_RETRY_POLICY`);
if it cannot, the failure is logged and the caller carries on: what the request saved stays saved, and
the periodic sweep that belongs to each kind of work (mails, geocoding) enqueues it again later.
A retry from inside a worker is not swallowed: there the error must reach celery, which then leaves the
message unacknowledged so it comes back.
"""

import logging

from celery import Task
from kombu.exceptions import OperationalError

logger = logging.getLogger(__name__)


class FailFastTask(Task):
    def apply_async(self, args=None, kwargs=None, *rest, **options):
        if self.app.conf.task_always_eager or "retries" in options:
            return super().apply_async(args, kwargs, *rest, **options)
        try:
            return super().apply_async(args, kwargs, *rest, **options)
        except OperationalError as error:
            logger.warning(
                "Aufgabe %s nicht eingereiht (Broker nicht erreichbar); sie wird später nachgeholt (%s).",
                self.name,
                type(error.__cause__ or error).__name__,
                extra={"task": self.name},
            )
            self.on_publish_failure(args or (), kwargs or {})
            return None

    def on_publish_failure(self, args, kwargs):
        """What to do instead of running later; by default nothing (a sweep finds the work)."""
