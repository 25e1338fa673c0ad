"""The celery application: reads `CELERY_*` from Django settings and finds every app's `tasks.py`.

Every task is a `FailFastTask`: enqueueing with the broker away logs and returns instead of blocking or
raising into the request (engagement/operations/publishing.py). Importing `request_id` connects the
signals that carry a request's id into the tasks it enqueues. Workers log through Django's LOGGING
(JSON lines with the request id in production, LOG_LEVEL), not celery's own format and level.
"""

import os

from celery import Celery, signals

from engagement.operations import request_id  # noqa: F401 (connects the celery signals)

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "engagement.settings.dev")

app = Celery("engagement", task_cls="engagement.operations.publishing:FailFastTask")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.autodiscover_tasks(["engagement"], related_name="tasks_backend")


@signals.setup_logging.connect
def _keep_django_logging(**kwargs):
    """A receiver here tells celery not to replace the root logger's handlers and level; Django's
    setup in the worker has configured them from LOGGING already."""
