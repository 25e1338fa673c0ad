"""A django-tasks backend that hands Wagtail's own background work to our celery workers.

Wagtail 8 enqueues reference-index updates, search indexing, focal-point detection and file deletion
through Django's tasks framework. `django-tasks-celery` needs Python 3.12, so this small backend does
the same job: it enqueues one generic celery task that imports the django-tasks task by its path and
runs it. It enqueues only once the surrounding transaction has committed, so the worker never sees a
row that does not exist yet (Wagtail enqueues from `post_save`, inside the transaction). With the
broker away the task runs right here instead: these tasks have no sweep that would catch up later.
"""

from celery import shared_task
from django.db import transaction
from django.utils.module_loading import import_string
from django_tasks.backends.base import BaseTaskBackend
from django_tasks.base import TaskResult, TaskResultStatus
from django_tasks.utils import get_random_id, normalize_json

from engagement.operations.publishing import FailFastTask


class CeleryTaskBackend(BaseTaskBackend):
    supports_defer = False
    supports_async_task = False
    supports_get_result = False
    supports_priority = False

    def enqueue(self, task, args, kwargs):
        self.validate_task(task)
        args, kwargs = normalize_json(list(args)), normalize_json(dict(kwargs))
        result = TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=None,
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
        transaction.on_commit(lambda: run_django_task.delay(task.module_path, args, kwargs))
        return result


class RunInlineWhenBrokerDown(FailFastTask):
    def on_publish_failure(self, args, kwargs):
        self.run(*args, **kwargs)


@shared_task(
    base=RunInlineWhenBrokerDown,
    name="engagement.run_django_task",
    acks_late=True,
    autoretry_for=(Exception,),
    retry_backoff=True,
    max_retries=3,
)
def run_django_task(module_path, args, kwargs):
    """Run one django-tasks task (identified by its import path) inside a celery worker."""
    import_string(module_path).call(*args, **kwargs)
