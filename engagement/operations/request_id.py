"""One id per request, in every log line of the request and of the tasks it enqueues.

The id comes from the `X-Request-ID` header when a trusted proxy sets it (`REQUEST_ID_FROM_HEADER`),
otherwise it is generated here. It is answered in the same header, travels into celery tasks as a
message header (`before_task_publish`) and is restored in the worker (`task_prerun`).
"""

import contextlib
import contextvars
import logging
import re
import uuid

from celery import signals
from django.conf import settings
from django.core.signals import request_finished
from django.dispatch import receiver

HEADER = "X-Request-ID"
TASK_HEADER = "request_id"
# What we accept from a proxy: its id is written into our logs, so no spaces, quotes or newlines.
VALID_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")

current_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")


def new_request_id() -> str:
    return uuid.uuid4().hex


def request_id_for(request) -> str:
    if settings.REQUEST_ID_FROM_HEADER:
        offered = request.headers.get(HEADER, "")
        if VALID_ID.match(offered):
            return offered
    return new_request_id()


class RequestIdMiddleware:
    """Outermost middleware: sets the id before anything logs and answers it in `X-Request-ID`.

    The id stays set until the response is closed (`request_finished`): Django logs a 4xx/5xx after
    the middleware has returned, and that line belongs to the request too.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = request_id_for(request)
        current_request_id.set(request.request_id)
        response = self.get_response(request)
        response[HEADER] = request.request_id
        return response


@receiver(request_finished)
def _forget_request_id_after_response(**kwargs):
    current_request_id.set("")


def install_log_record_factory():
    """Every log record gets `request_id` (empty outside a request or task), whichever handler formats it."""
    previous = logging.getLogRecordFactory()
    if getattr(previous, "adds_request_id", False):
        return

    def factory(*args, **kwargs):
        record = previous(*args, **kwargs)
        record.request_id = current_request_id.get()
        return record

    factory.adds_request_id = True
    logging.setLogRecordFactory(factory)


@signals.before_task_publish.connect
def _send_request_id(headers=None, **kwargs):
    request_id = current_request_id.get()
    if request_id and headers is not None:
        headers.setdefault(TASK_HEADER, request_id)


_task_tokens: dict[str, contextvars.Token] = {}


@signals.task_prerun.connect
def _restore_request_id(task_id=None, task=None, **kwargs):
    if task.request.is_eager:  # runs inside the enqueuing request, which has set the id already
        return
    request_id = getattr(task.request, TASK_HEADER, None) or ""
    _task_tokens[task_id] = current_request_id.set(request_id)


@signals.task_postrun.connect
def _forget_request_id(task_id=None, **kwargs):
    token = _task_tokens.pop(task_id, None)
    if token is not None:
        with contextlib.suppress(ValueError):  # set in another context: leave that one alone
            current_request_id.reset(token)
