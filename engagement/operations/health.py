"""`/healthz` (the process answers) and `/readyz` (database, cache and broker reachable).

Answered by a middleware in front of everything else, so load balancers and orchestrators can ask by
IP address over plain HTTP: no host check (ALLOWED_HOSTS), no HTTPS redirect, no session, no database
for `/healthz`. The answers name the checks and their state, never a host, URL or error text (those go
to the log).
"""

import logging

from celery import current_app as celery_app  # ours: engagement/__init__ creates it before any request
from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.http import JsonResponse

logger = logging.getLogger(__name__)

HEALTH_PATH = "/healthz"
READY_PATH = "/readyz"


def check_database() -> None:
    connection = connections["default"]
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    finally:
        connection.close_if_unusable_or_obsolete()


def check_cache() -> None:
    if hasattr(cache, "ping"):  # the resilient Redis cache: ask Redis, not its local fallback
        if not cache.ping():
            raise ConnectionError("Redis-Cache antwortet nicht")
        return
    cache.set("readyz", "ok", 5)
    if cache.get("readyz") != "ok":
        raise ConnectionError("Cache behält keinen Wert")


def check_broker() -> None:
    if celery_app.conf.task_always_eager:
        return  # no broker configured: tasks run in the process
    with celery_app.connection_for_write() as connection:
        connection.ensure_connection(max_retries=0, timeout=settings.READINESS_TIMEOUT_SECONDS)
        if connection.transport.driver_type == "redis":
            connection.default_channel.client.ping()


CHECKS = {"database": check_database, "cache": check_cache, "broker": check_broker}


def readiness() -> tuple[bool, dict[str, str]]:
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:  # noqa: BLE001 — any failure means "not ready", never a 500
            logger.warning("Bereitschaftsprüfung %s fehlgeschlagen: %r", name, error)
            results[name] = "unavailable"
        else:
            results[name] = "ok"
    return all(state == "ok" for state in results.values()), results


def _answer(status: int, body: dict) -> JsonResponse:
    response = JsonResponse(body, status=status)
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == HEALTH_PATH:
            return _answer(200, {"status": "ok"})
        if request.path == READY_PATH:
            ready, checks = readiness()
            status = "ok" if ready else "unavailable"
            return _answer(200 if ready else 503, {"status": status, "checks": checks})
        return self.get_response(request)
