"""Wagtail's own background work (django-tasks) reaches celery, and only after the commit."""

import pytest
from django.db import transaction
from django_tasks import task

from engagement.tasks_backend import CeleryTaskBackend, run_django_task

CALLS = []


@task()
def record_call(value):
    CALLS.append(value)


@pytest.fixture
def backend():
    CALLS.clear()
    return CeleryTaskBackend("default", {})


@pytest.mark.django_db(transaction=True)
def test_task_runs_through_celery_after_the_commit(backend, monkeypatch):
    sent = []
    monkeypatch.setattr(run_django_task, "delay", lambda *args: sent.append(args))
    with transaction.atomic():
        result = backend.enqueue(record_call, ["Seite 7"], {})
        assert sent == []  # nothing leaves before the row it is about is committed
    assert result.status == "READY"
    assert sent == [("tests.test_tasks_backend.record_call", ["Seite 7"], {})]


@pytest.mark.django_db(transaction=True)
def test_rolled_back_work_is_never_sent(backend, monkeypatch):
    sent = []
    monkeypatch.setattr(run_django_task, "delay", lambda *args: sent.append(args))
    with pytest.raises(RuntimeError), transaction.atomic():
        backend.enqueue(record_call, ["verworfen"], {})
        raise RuntimeError
    assert sent == []


def test_the_celery_task_runs_the_django_task_by_its_path(backend):
    # Run here and now; its outcome read without `.get()`, which celery refuses in a process where a
    # test's in-process worker (celery.contrib.testing) has left its "inside a task" flag set.
    result = run_django_task.apply(args=["tests.test_tasks_backend.record_call", ["Seite 8"], {}])
    assert result.successful(), result.traceback
    assert CALLS == ["Seite 8"]
