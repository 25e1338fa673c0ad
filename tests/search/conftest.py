import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_facet_cache():
    """Cached facet counts must not outlive the test database they were counted in."""
    cache.clear()
    yield
    cache.clear()
