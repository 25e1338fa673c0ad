"""A database query that runs on a second connection while the request goes on (`alongside`).

A search for a selection nobody asked for lately counts its filter options (tens of milliseconds in
PostgreSQL) and, independently, finds and loads its page of results. One after the other on one
connection, the visitor waits for the sum; with the counting on another connection, PostgreSQL counts
on one core while this process loads and prepares the results on the other, and the visitor waits for
the longer of the two.

A few worker threads per process (`ALONGSIDE_THREADS`, created on first use, so after gunicorn forked),
each with Django's connection of its own thread: from the pool and given back after each task, or kept
as a request thread keeps it (`CONN_MAX_AGE`), and checked before each task as at a request's start.
The work runs in the request's language and time zone.

It runs inline instead, on the request's own connection, when another connection could not see what
this one sees: inside a transaction (its rows are not committed yet: tests, `ATOMIC_REQUESTS`), or on
SQLite (the embedded default; one writer, and often a database in memory).
"""

import threading
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.db import close_old_connections, connections, router
from django.utils import timezone, translation

_executor = None
_lock = threading.Lock()


class Finished:
    """The outcome of work done inline, with the interface of a future."""

    def __init__(self, function):
        self._value = self._error = None
        try:
            self._value = function()
        except Exception as error:  # re-raised in `result()`, where a future would raise it
            self._error = error

    def result(self):
        if self._error is not None:
            raise self._error
        return self._value


def executor():
    global _executor
    with _lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(
                max_workers=settings.ALONGSIDE_THREADS, thread_name_prefix="alongside"
            )
        return _executor


def alongside(function, model):
    """Start `function()` (which reads `model`'s table) and return at once; `.result()` of the returned
    object waits for its value or raises its exception."""
    database = connections[router.db_for_read(model)]
    if database.vendor != "postgresql" or database.in_atomic_block or not settings.ALONGSIDE_THREADS:
        return Finished(function)
    language = translation.get_language()
    zone = timezone.get_current_timezone()

    def task():
        close_old_connections()  # as at a request's start: a broken or too old connection goes
        try:
            with translation.override(language), timezone.override(zone):
                return function()
        finally:
            close_old_connections()  # as at a request's end: back to the pool, or kept

    return executor().submit(task)
