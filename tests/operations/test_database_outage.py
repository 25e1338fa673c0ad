"""The database away or gone mid-request: a fast German 503 with Retry-After, nothing half-written."""

import re
import time
import urllib.error
import urllib.request

import psycopg
import pytest
from django.db import OperationalError, connection
from django.db.models.signals import post_save
from django.test import RequestFactory

from engagement.applications.models import Application
from engagement.mail.models import OutgoingMail
from engagement.operations.database import server_error
from tests.applications.conftest import DATA
from tests.factories import OrganisationFactory, make_city, make_opportunity
from tests.services import free_port, production_environment, start_gunicorn, stop

# These tests provoke 5xx answers and logged errors on purpose and assert what the visitor gets.
pytestmark = pytest.mark.logs_errors


def terminate_own_backend(**kwargs):
    """Kill this test's own database connection (and no other) from a second connection."""
    pid = connection.connection.info.backend_pid
    own = connection.settings_dict
    with psycopg.connect(
        host=own["HOST"], port=own["PORT"], user=own["USER"], dbname="postgres", autocommit=True
    ) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])


@pytest.mark.django_db(transaction=True)
def test_a_connection_lost_mid_application_gives_the_503_page_and_stores_nothing(client):
    city = make_city("bretten")
    page = make_opportunity(organisation=OrganisationFactory(home_city=city), title="Lesepat:in")

    # The application row is written, then the connection dies before its mail is stored.
    post_save.connect(terminate_own_backend, sender=Application)
    try:
        started = time.monotonic()
        response = client.post(f"/bewerben/{page.pk}/", DATA)
        seconds = time.monotonic() - started
    finally:
        post_save.disconnect(terminate_own_backend, sender=Application)

    assert response.status_code == 503
    assert response["Retry-After"] == "30" and response["Cache-Control"] == "no-store"
    body = response.content.decode()
    assert "Vorübergehend nicht erreichbar" in body and "Ihre Eingaben wurden nicht gespeichert" in body
    assert 'lang="de"' in body and "/static/css/site.css" in body
    assert seconds < 2, seconds
    assert Application.objects.count() == 0 and OutgoingMail.objects.count() == 0  # nothing half-written

    # The next request has a fresh connection; sending the form again stores it once.
    response = client.post(f"/bewerben/{page.pk}/", DATA)
    assert "Bitte schauen Sie in Ihr Postfach." in response.content.decode()
    assert Application.objects.count() == 1 and OutgoingMail.objects.count() == 1


def test_a_database_error_outside_a_view_gets_the_503_page_too_and_others_the_500_page():
    """handler500: e.g. the session middleware saving while the database goes away."""
    request = RequestFactory().get("/mein-verein/")
    try:
        raise OperationalError("connection refused")
    except OperationalError:
        response = server_error(request)
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert "Vorübergehend nicht erreichbar" in response.content.decode()
    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(request)
    assert response.status_code == 500 and "Ein Fehler ist aufgetreten" in response.content.decode()


def fetch(url):
    started = time.monotonic()
    try:
        response = urllib.request.urlopen(url, timeout=30)
    except urllib.error.HTTPError as error:
        response = error
    body = response.read().decode()
    return response.status, response.headers, body, time.monotonic() - started


@pytest.mark.slow
def test_gunicorn_with_production_settings_answers_503_fast_while_the_database_is_unreachable(
    collected_static, redis_server, tmp_path
):
    """A real gunicorn, production settings, DATABASE_URL on a port where nothing listens."""
    port = free_port()
    environment = production_environment(
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{free_port()}/engagement",
        CELERY_BROKER_URL=redis_server.url(0),
        CACHE_URL=f"rediscache://127.0.0.1:{redis_server.port}/1",
        STATIC_ROOT=collected_static,
    )
    server = start_gunicorn(environment, port, tmp_path / "gunicorn.log")
    try:
        for path in ("/", "/suche/?q=Kinder", "/en/"):
            status, headers, body, seconds = fetch(f"http://127.0.0.1:{port}{path}")
            assert status == 503, (path, body[:500])
            assert headers["Retry-After"] == "30"
            assert seconds < 4.5, (path, seconds)  # DATABASE_POOL_TIMEOUT (3 s), not a hang
        page = fetch(f"http://127.0.0.1:{port}/")[2]
        assert "Vorübergehend nicht erreichbar" in page
        assert "Temporarily unavailable" in fetch(f"http://127.0.0.1:{port}/en/")[2]
        status, _, body, _ = fetch(f"http://127.0.0.1:{port}/readyz")
        assert status == 503 and '"database": "unavailable"' in body and '"cache": "ok"' in body
        assert fetch(f"http://127.0.0.1:{port}/healthz")[0] == 200
        # Static files need no database: hashed names, compressed, cached for ten years; KERN's built
        # stylesheet points at its fonts by their hashed names too.
        for stylesheet in (
            re.search(r'href="(/static/css/site\.[0-9a-f]+\.css)"', page).group(1),
            re.search(r'href="(/static/kern/kern\.[0-9a-f]+\.css)"', page).group(1),
        ):
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}{stylesheet}", headers={"Accept-Encoding": "gzip"}
            )
            with urllib.request.urlopen(request, timeout=10) as response:
                assert response.headers["Content-Encoding"] == "gzip"
                assert response.headers["Cache-Control"] == "max-age=315360000, public, immutable"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{stylesheet}", timeout=10) as response:
            fonts = re.findall(
                r'url\("(fonts/fira-sans-[\w-]+\.[0-9a-f]+\.woff2)"\)', response.read().decode()
            )
        assert fonts
        with urllib.request.urlopen(
            f"http://127.0.0.1:{port}/static/kern/{fonts[0]}", timeout=10
        ) as response:
            assert response.headers["Content-Type"] == "font/woff2"
            assert response.headers["Cache-Control"] == "max-age=315360000, public, immutable"
    finally:
        stop(server)
    log = (tmp_path / "gunicorn.log").read_text()
    assert '"message": "Datenbank nicht erreichbar' in log  # JSON lines, logged once per request
    assert "Traceback" not in log
