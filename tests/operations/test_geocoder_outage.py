"""An online geocoder that accepts and never answers: searches say so at once, publishing never waits,
and a worker killed while it waits loses nothing: the task comes back and fills in the coordinates."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from engagement.geo.geocoders import OfflineGeocoder, get_geocoder
from engagement.opportunities.models import OpportunityPage
from tests.factories import OrganisationFactory, make_city, make_opportunity
from tests.services import GeocodingServer, wait_for

REPOSITORY = Path(__file__).resolve().parent.parent.parent
VISIBILITY_TIMEOUT = 3  # seconds, CELERY_VISIBILITY_TIMEOUT of the test's workers


@pytest.fixture
def geocoding_server(settings):
    server = GeocodingServer()
    settings.GEOCODER = "nominatim"
    settings.GEOCODER_DOMAIN = server.domain
    settings.GEOCODER_SCHEME = "http"
    settings.GEOCODER_MIN_DELAY_SECONDS = 0
    settings.GEOCODER_TIMEOUT_SECONDS = 1
    settings.GEOCODER_FAILURE_CACHE_SECONDS = 2
    get_geocoder.cache_clear()
    OfflineGeocoder().geocode("Bretten")  # loads the gazetteer (seconds, once per process) before timing
    yield server
    server.close()
    get_geocoder.cache_clear()


def timed_search(client, near):
    started = time.monotonic()
    response = client.get("/suche/", {"near": near})
    return response, time.monotonic() - started


@pytest.mark.django_db
def test_a_hanging_geocoder_costs_one_timeout_then_the_search_says_so_at_once(
    client, bretten, geocoding_server
):
    # Places the offline gazetteer knows never wait for the service (and this warms the page up).
    response, page_seconds = timed_search(client, "76275 Ettlingen")
    assert response.status_code == 200 and geocoding_server.requests == 0

    response, seconds = timed_search(client, "Kleinkleckersdorf")
    assert response.status_code == 400
    assert "können wir gerade nicht nachschlagen" in response.content.decode()
    # GEOCODER_TIMEOUT_SECONDS (1 s), asked once: no retries while a visitor waits (it was 15 s and more
    # with geopy's own retries, 100 s with the former 10 s timeout).
    assert 1 <= seconds < page_seconds + 2, (seconds, page_seconds)
    assert geocoding_server.requests == 1

    response, seconds = timed_search(client, "Nirgendwohausen-Ost")
    assert response.status_code == 400 and "können wir gerade nicht nachschlagen" in response.content.decode()
    assert seconds < page_seconds + 0.5 and geocoding_server.requests == 1  # remembered: not asked

    geocoding_server.mode = "answer"
    time.sleep(2.1)  # GEOCODER_FAILURE_CACHE_SECONDS
    response, _ = timed_search(client, "Kleinkleckersdorf")
    assert response.status_code == 200 and geocoding_server.requests == 2


def start_worker_process(environment, log):
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "--app",
            "engagement",
            "worker",
            "--pool",
            "solo",
            "--queues",
            "engagement",
            "--without-gossip",
            "--without-mingle",
            "--loglevel",
            "info",
        ],
        cwd=REPOSITORY,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_publishing_never_waits_and_a_killed_worker_loses_no_geocoding(
    geocoding_server, redis_for_cache_and_broker, tmp_path
):
    city = make_city("bretten")
    verein = OrganisationFactory(home_city=city)
    started = time.monotonic()
    page = make_opportunity(
        organisation=verein, street="Melanchthonstr. 3", postcode="75015", place="Bretten"
    )
    assert time.monotonic() - started < 2  # published; geocoding is only enqueued
    assert OpportunityPage.objects.get(pk=page.pk).live and page.latitude is None

    environment = {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{connection.settings_dict['NAME']}",
        "DATABASE_POOL": "false",
        "CELERY_BROKER_URL": redis_for_cache_and_broker.url(0),
        "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
        "GEOCODER": "nominatim",
        "GEOCODER_DOMAIN": geocoding_server.domain,
        "GEOCODER_SCHEME": "http",
        "GEOCODER_MIN_DELAY_SECONDS": "0",
        "GEOCODER_TIMEOUT_SECONDS": "60",
        "PYTHONPATH": str(REPOSITORY),
    }
    with open(tmp_path / "worker.log", "ab") as log:
        first = start_worker_process(environment, log)
        try:
            assert wait_for(lambda: geocoding_server.requests == 1, seconds=60)  # waiting on the service
            delivered = time.monotonic()
        finally:
            first.send_signal(signal.SIGKILL)  # no warm shutdown, no acknowledgement
            first.wait()
        geocoding_server.mode = "answer"
        # kombu's Redis transport looks for unacknowledged tasks when a worker starts, then only every
        # unacked_restore_interval * unacked_restore_throttle (100 s). Start the second worker once the
        # visibility timeout has passed, or its first look may come too early (it starts in about 3 s).
        time.sleep(max(0.0, delivered + VISIBILITY_TIMEOUT + 1 - time.monotonic()))
        second = start_worker_process(environment, log)
        try:
            # After the visibility timeout the unacknowledged task is handed out again.
            assert wait_for(
                lambda: OpportunityPage.objects.get(pk=page.pk).latitude is not None, seconds=60
            ), (tmp_path / "worker.log").read_text()[-3000:]
            time.sleep(4)  # longer than the visibility timeout: an acknowledged task does not return
        finally:
            second.terminate()
            second.wait(timeout=30)
    page.refresh_from_db()
    assert (page.latitude, page.longitude) == (pytest.approx(49.0366), pytest.approx(8.7049))
    assert page.geocoded_location == page.location_query
    assert geocoding_server.requests == 2  # the killed attempt and the one that finished, no third
