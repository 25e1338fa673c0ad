"""One request id per request: in the response header, in every log line, in the tasks it enqueues."""

import json
import logging

import pytest
from celery import shared_task
from celery.contrib.testing.worker import start_worker

from engagement import celery_app
from engagement.operations.log_formats import JsonFormatter
from engagement.operations.request_id import current_request_id
from tests.services import wait_for

logger = logging.getLogger("tests.operations")
TASK_LINES = []


@shared_task(name="tests.log_in_task")
def log_in_task():
    logger.warning("im Worker")
    TASK_LINES.append(current_request_id.get())


def test_each_request_gets_a_new_id_in_its_response(client):
    first, second = client.get("/healthz")["X-Request-ID"], client.get("/healthz")["X-Request-ID"]
    assert len(first) == 32 and first != second


def test_a_client_cannot_choose_the_id_unless_a_trusted_proxy_sets_it(client, settings):
    assert client.get("/healthz", HTTP_X_REQUEST_ID="mine-123")["X-Request-ID"] != "mine-123"
    settings.REQUEST_ID_FROM_HEADER = True
    assert client.get("/healthz", HTTP_X_REQUEST_ID="lb-7f3a.91")["X-Request-ID"] == "lb-7f3a.91"
    # Not accepted even from the proxy: what would break a log line or fill it.
    for bad in ("a b", 'x"y', "z\nINFO forged", "x" * 129, ""):
        assert client.get("/healthz", HTTP_X_REQUEST_ID=bad)["X-Request-ID"] != bad


@pytest.mark.django_db
def test_every_log_line_of_a_request_carries_its_id(client, caplog, settings):
    settings.REQUEST_ID_FROM_HEADER = True
    with caplog.at_level(logging.INFO):
        client.get("/diese-seite-gibt-es-nicht/", HTTP_X_REQUEST_ID="req-404")
    records = [record for record in caplog.records if record.name == "django.request"]
    assert records and {record.request_id for record in records} == {"req-404"}
    assert current_request_id.get() == ""  # nothing leaks into what the thread does next


def test_json_lines_hold_time_level_logger_message_request_id_and_plain_extras():
    token = current_request_id.set("abc")
    try:
        record = logging.LogRecord("engagement.x", logging.WARNING, __file__, 1, "Mail %s", (7,), None)
        record.request_id = current_request_id.get()
        record.task = "applications.send_outgoing_mail"
        record.request = object()  # Django passes the request: never written (it may hold a token)
    finally:
        current_request_id.reset(token)
    line = json.loads(JsonFormatter().format(record))
    assert line["level"] == "WARNING" and line["logger"] == "engagement.x" and line["message"] == "Mail 7"
    assert line["request_id"] == "abc" and line["task"] == "applications.send_outgoing_mail"
    assert "request" not in line and line["time"].endswith("+00:00")


class Collect(logging.Handler):
    def __init__(self):
        super().__init__()
        self.records = []

    def emit(self, record):
        self.records.append(record)


@pytest.mark.django_db(transaction=True)
def test_the_id_travels_into_the_tasks_a_request_enqueues(redis_for_cache_and_broker):
    """A real worker on the test's own Redis: the task's log line has the enqueuing request's id.
    (The worker replaces the root logger's handlers, so the line is collected on its own logger.)"""
    TASK_LINES.clear()
    collect = Collect()
    logger.addHandler(collect)
    logger.setLevel(logging.INFO)  # whatever level an earlier worker left on the root logger
    token = current_request_id.set("req-task-1")
    try:
        log_in_task.delay()
        current_request_id.reset(token)
        with start_worker(celery_app, pool="solo", perform_ping_check=False):
            assert wait_for(lambda: TASK_LINES)
    finally:
        logger.removeHandler(collect)
        logger.setLevel(logging.NOTSET)
    assert TASK_LINES == ["req-task-1"]
    assert [record.request_id for record in collect.records] == ["req-task-1"]
    assert current_request_id.get() == ""
