import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_facet_cache():
    """Cached facet counts must not outlive the test database they were counted in."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _pages_rendered(settings):
    """These tests read what the search renders (its context, its queries, its counts after a change);
    the page cache in front of it has tests of its own (tests/operations/test_page_cache*.py)."""
    settings.PAGE_CACHE_SECONDS = 0
