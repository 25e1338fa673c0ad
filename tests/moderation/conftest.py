import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_statistics_cache():
    """Cached statistics must not outlive the test database they were counted in."""
    cache.clear()
    yield
    cache.clear()
