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
