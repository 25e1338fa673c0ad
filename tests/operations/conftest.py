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
    cache = {
        "BACKEND": "engagement.operations.cache.ResilientRedisCache",
        "LOCATION": redis_server.url(1),
        "OPTIONS": {"FALLBACK_SECONDS": 1},
    }
    settings.CACHES = {"default": cache, "pages": cache}
    settings.CELERY_TASK_ALWAYS_EAGER = False
    use_broker(redis_server.url(0))
    yield redis_server
    use_broker(None)


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """STATIC_ROOT with the manifest that production's static storage needs (collectstatic, once)."""
    import subprocess
    import sys

    from tests.services import production_environment

    root = tmp_path_factory.mktemp("static")
    environment = production_environment(
        STATIC_ROOT=root,
        DATABASE_URL="postgres://unused@127.0.0.1:1/unused",
        CELERY_BROKER_URL="redis://127.0.0.1:1/0",
        CACHE_URL="locmemcache://",
    )
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        env=environment,
        check=True,
    )
    return root


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and cached counts of earlier tests (one process, one local-memory cache) start empty."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _logging_as_it_was():
    """A celery worker started in a test sets the root logger's level and handlers for the whole
    process; put them back so later tests' log capture is not silenced."""
    import logging

    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    yield
    root.setLevel(level)
    root.handlers[:] = handlers
