import pytest

from tests.services import RedisServer, use_broker


@pytest.fixture
def redis_server():
    server = RedisServer()
    server.start()
    yield server
    server.stop_if_running()


@pytest.fixture
def redis_for_cache_and_broker(redis_server, settings):
    """Cache and broker on the test's own Redis, as production configures them (one Redis, two DBs)."""
    settings.CACHES = {
        "default": {
            "BACKEND": "engagement.operations.cache.ResilientRedisCache",
            "LOCATION": redis_server.url(1),
            "OPTIONS": {"FALLBACK_SECONDS": 1},
        }
    }
    settings.CELERY_TASK_ALWAYS_EAGER = False
    use_broker(redis_server.url(0))
    yield redis_server
    use_broker(None)
