"""The database away or slow, and a read replica.

`DatabaseUnavailableMiddleware` turns a database that cannot be reached (or a pool that has no
connection within DATABASE_POOL_TIMEOUT, or a statement cut off by its timeout) into a fast 503 with
`Retry-After` and the German page `templates/503.html`, rendered without touching the database. A
request that failed this way wrote nothing: its transaction never committed.

`ReplicaRouter` (installed when DATABASE_REPLICA_URL is set) sends the reads of the public search and
API views (REPLICA_READ_VIEWS) to the alias "replica"; every write, every read inside a transaction and
every read after a write in the same request go to the primary, so a request always sees its own writes.
"""

import contextvars
import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views import defaults

logger = logging.getLogger(__name__)

DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
REPLICA = "replica"


def database_unavailable_response(request) -> HttpResponse:
    html = render_to_string("503.html", {"retry_path": request.get_full_path()})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(settings.DATABASE_UNAVAILABLE_RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_UNAVAILABLE):
            return None
        logger.warning("Datenbank nicht erreichbar: %s %s (%r)", request.method, request.path, exception)
        for connection in connections.all(initialized_only=True):
            connection.close_if_unusable_or_obsolete()  # the next request connects afresh
        return database_unavailable_response(request)


def server_error(request):
    """handler500: a database error raised outside a view (in another middleware) gets the 503 too."""
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return database_unavailable_response(request)
    return defaults.server_error(request)


_reads_from_replica = contextvars.ContextVar("reads_from_replica", default=False)


class ReplicaReadsMiddleware:
    """Marks a safe request to one of REPLICA_READ_VIEWS; the router then reads from the replica."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Threads serve one request after another: each starts on the primary.
        token = _reads_from_replica.set(False)
        try:
            return self.get_response(request)
        finally:
            _reads_from_replica.reset(token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        url_name = request.resolver_match.url_name if request.resolver_match else None
        if request.method in ("GET", "HEAD") and url_name in settings.REPLICA_READ_VIEWS:
            _reads_from_replica.set(True)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if (
            _reads_from_replica.get()
            and REPLICA in settings.DATABASES
            and not connections["default"].in_atomic_block
        ):
            return REPLICA
        return "default"

    def db_for_write(self, model, **hints):
        _reads_from_replica.set(False)  # read your own writes for the rest of the request
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica is a copy of the primary: the same rows

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"  # the replica follows the primary's schema by replication
