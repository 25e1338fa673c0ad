import pytest
from django.contrib.auth import get_user_model

from tests.factories import OrganisationFactory, make_city


@pytest.fixture(autouse=True)
def _offline_geocoder(settings):
    """Every test geocodes offline unless it says otherwise: the network is never asked."""
    from engagement.geo.geocoders import get_geocoder

    settings.GEOCODER = "offline"
    get_geocoder.cache_clear()
    yield
    get_geocoder.cache_clear()


@pytest.fixture(scope="session")
def migrated_contents(django_db_setup, django_db_blocker):
    """The rows the migrations created (root and portal page, site, taxonomy), taken once."""
    from django.db import connection

    with django_db_blocker.unblock():
        return connection.creation.serialize_db_to_string()


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
