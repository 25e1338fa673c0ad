import logging

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from tests.factories import OrganisationFactory, make_city


@pytest.fixture(autouse=True)
def _offline_geocoder(settings):
    """Every test geocodes offline unless it says otherwise: the network is never asked."""
    from engagement.geo.geocoders import get_geocoder

    settings.GEOCODER = "offline"
    get_geocoder.cache_clear()
    yield
    get_geocoder.cache_clear()


@pytest.fixture(autouse=True)
def _empty_page_cache():
    """Each test starts with no stored page and an empty cache: an address of an earlier test (rolled
    back, so without any invalidation) must not answer from its data."""
    from django.core.cache import caches

    from engagement.operations import pagecache

    pagecache.page_cache().clear()
    pagecache._pending_tags.clear()
    # The default cache (local memory in tests) too: what an earlier test kept of its rolled-back rows
    # (a selection's matches, its counts, the moment lists change next) must not answer here.
    caches["default"].clear()
    yield


@pytest.fixture(autouse=True)
def _logged_errors_fail_the_test(request, caplog):
    """A record at ERROR or above fails the test (STYLE.md): an error the code logs is a bug to see, not
    noise. A test about such a record marks itself `logs_errors` and asserts the record itself."""
    yield
    if request.node.get_closest_marker("logs_errors"):
        return
    errors = [record for record in caplog.get_records("call") if record.levelno >= logging.ERROR]
    if errors:
        pytest.fail(
            "Logged at ERROR: " + "; ".join(f"{record.name}: {record.getMessage()}" for record in errors),
            pytrace=False,
        )


@pytest.fixture(scope="session")
def migrated_contents(django_db_setup, django_db_blocker):
    """The rows the migrations created (root and portal page, site, taxonomy), taken once."""
    import json

    from django.db import connection

    with django_db_blocker.unblock():
        rows = json.loads(connection.creation.serialize_db_to_string())
    # Content types first: rows come in the order of INSTALLED_APPS, and a page of an app listed before
    # contenttypes (the portal's legal pages) would otherwise be saved first, and a receiver asking
    # for its content type would create one that the stored row then collides with.
    rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
    return json.dumps(rows)


def restore_migrated_contents(contents):
    from django.apps import apps
    from django.core.management import call_command
    from django.core.management.color import no_style
    from django.db import connection

    # A flush re-creates content types and permissions with new ids; start from empty tables.
    call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)
    connection.creation.deserialize_db_from_string(contents)
    # The rows came back with their ids; new rows must get ids after them.
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
            cursor.execute(statement)


@pytest.fixture(autouse=True)
def _migrated_rows_for_transactional_tests(request):
    """A transactional test empties the database when it ends; the next one starts from the rows the
    migrations created, whatever ran before it (pytest-django runs transactional tests last)."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None or not marker.kwargs.get("transaction"):
        yield
        return
    contents = request.getfixturevalue("migrated_contents")
    request.getfixturevalue("transactional_db")
    from home.models import HomePage

    if not HomePage.objects.exists():
        restore_migrated_contents(contents)
    yield


@pytest.fixture
def worker_tasks():
    """The task names a celery worker knows: it imports every app's task modules when it starts, while a
    web process (and a test) knows only those some imported module happened to define."""
    from engagement.celery import app

    app.loader.import_default_modules()
    return set(app.tasks)


@pytest.fixture
def bretten(db):
    return make_city("bretten")


@pytest.fixture
def ettlingen(db):
    return make_city("ettlingen")


@pytest.fixture
def verein_bretten(bretten):
    return OrganisationFactory(name="Tafel Bretten e. V.", home_city=bretten)


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("root", "root@example.org", "secret")


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in German, the site's default, whatever language an earlier test left active in
    this process (the order is random): page URLs and texts depend on it."""
    translation.activate("de")
    yield
    translation.deactivate()
