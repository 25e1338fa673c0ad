"""/healthz answers without the database; /readyz checks database, cache and broker, and says 503."""

import json
import time

import pytest
from django.db import connections

from tests.services import free_port

# These tests provoke 5xx answers and logged errors on purpose and assert what the visitor gets.
pytestmark = pytest.mark.logs_errors


def test_healthz_answers_without_the_database_any_host_and_plain_http(client, settings):
    """No django_db mark: a query here would fail the test. A load balancer asks by IP over http."""
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/healthz", HTTP_HOST="10.0.0.7")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"
    # Everything else still goes through the host check and the HTTPS redirect.
    assert client.get("/", HTTP_HOST="10.0.0.7").status_code == 400
    assert client.get("/").status_code == 301


@pytest.mark.django_db
def test_readyz_reports_every_check_ok(client, redis_for_cache_and_broker):
    response = client.get("/readyz", HTTP_HOST="10.0.0.7")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok", "broker": "ok"}}


@pytest.mark.django_db
def test_readyz_fails_fast_when_redis_is_away_and_names_no_host(client, redis_for_cache_and_broker):
    redis_for_cache_and_broker.stop()
    started = time.monotonic()
    response = client.get("/readyz")
    seconds = time.monotonic() - started
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "checks": {"database": "ok", "cache": "unavailable", "broker": "unavailable"},
    }
    body = response.content.decode()
    assert str(redis_for_cache_and_broker.port) not in body and "redis" not in body
    assert seconds < 4


@pytest.mark.django_db(transaction=True)
def test_readyz_fails_when_the_database_is_away(client, settings):
    database = connections["default"]
    closed_port = free_port()
    original = database.settings_dict.copy()
    database.close()
    database.settings_dict.update({"PORT": closed_port, "OPTIONS": {"connect_timeout": 1}})
    try:
        started = time.monotonic()
        response = client.get("/readyz")
        seconds = time.monotonic() - started
    finally:
        database.close()
        database.settings_dict.clear()
        database.settings_dict.update(original)
    assert response.status_code == 503
    assert json.loads(response.content)["checks"]["database"] == "unavailable"
    assert str(closed_port) not in response.content.decode()
    assert seconds < 3
    assert client.get("/readyz").status_code == 200  # back as soon as the database is
