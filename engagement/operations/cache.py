"""A Redis cache that keeps working when Redis does not: a local-memory fallback behind a circuit breaker.

Everything that uses Django's cache goes through it: Wagtail's site-root cache, the facet and
statistics caches, the geocoder's place cache and the rate limits of the public forms. When Redis
refuses, times out or is read-only (a failover), the call is answered from a local-memory cache of
this process instead, and for `FALLBACK_SECONDS` no call tries Redis at all (the circuit is open), so a
dead Redis costs one short socket timeout per process, not one per call. Then the next call tries
Redis again.

What that means while Redis is away: cached values are per process (counted again, slower, not
wrong); rate limits count per process, so a visitor who spreads attempts over N processes gets up to
N times the limit for that time: limits stay on, a little looser, rather than refusing every form.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ReadOnlyError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

REDIS_UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, ReadOnlyError)


class _Circuit:
    """Per process and Redis location (Django builds one cache object per thread; they share this)."""

    _all: dict[str, "_Circuit"] = {}
    _lock = threading.Lock()

    def __init__(self):
        self.open_until = 0.0

    @classmethod
    def for_location(cls, location: str) -> "_Circuit":
        with cls._lock:
            return cls._all.setdefault(location, cls())

    @property
    def is_open(self) -> bool:
        return time.monotonic() < self.open_until

    def trip(self, seconds: float, error: Exception):
        was_closed = not self.is_open
        self.open_until = time.monotonic() + seconds
        if was_closed:
            logger.warning(
                "Redis-Cache nicht erreichbar (%s); %s s lang antwortet der lokale Speicher.",
                type(error).__name__,
                seconds,
            )


class _ReusedClient(RedisCacheClient):
    """Django's client builds a new `redis.Redis` for every cache call; with redis-py 5 or later that
    copies its table of response callbacks each time (about 0.3 ms, the larger part of a cache hit).
    One `redis.Redis` per connection pool is enough: it is safe to share between threads."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return client


class ResilientRedisCache(RedisCache):
    """Django's RedisCache with OPTIONS `FALLBACK_SECONDS` (default 10) and short socket timeouts."""

    def __init__(self, server, params):
        params = {**params, "OPTIONS": dict(params.get("OPTIONS") or {})}
        options = params["OPTIONS"]
        self.fallback_seconds = float(options.pop("FALLBACK_SECONDS", 10))
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 0.5)
        super().__init__(server, params)
        self._class = _ReusedClient
        location = server if isinstance(server, str) else ",".join(server)
        self._circuit = _Circuit.for_location(location)
        self._fallback = LocMemCache(
            f"redis-fallback:{location}",
            {
                "TIMEOUT": params.get("TIMEOUT", 300),
                "KEY_PREFIX": self.key_prefix,
                "VERSION": self.version,
                "KEY_FUNCTION": params.get("KEY_FUNCTION"),
                "OPTIONS": {"MAX_ENTRIES": 2000},
            },
        )

    @property
    def redis_available(self) -> bool:
        """False while the circuit is open (Redis failed within the last FALLBACK_SECONDS)."""
        return not self._circuit.is_open

    def ping(self) -> bool:
        """Ask Redis itself (for the readiness check); never the fallback."""
        try:
            return bool(self._cache.get_client(write=True).ping())
        except REDIS_UNAVAILABLE as error:
            self._circuit.trip(self.fallback_seconds, error)
            return False

    def _either(self, name, *args, **kwargs):
        if not self._circuit.is_open:
            try:
                return getattr(super(), name)(*args, **kwargs)
            except REDIS_UNAVAILABLE as error:
                self._circuit.trip(self.fallback_seconds, error)
        return getattr(self._fallback, name)(*args, **kwargs)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._either("add", key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._either("get", key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._either("set", key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._either("touch", key, timeout, version)

    def delete(self, key, version=None):
        return self._either("delete", key, version)

    def get_many(self, keys, version=None):
        return self._either("get_many", keys, version)

    def has_key(self, key, version=None):
        return self._either("has_key", key, version)

    def incr(self, key, delta=1, version=None):
        return self._either("incr", key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._either("set_many", data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._either("delete_many", keys, version)

    def clear(self):
        self._fallback.clear()
        return self._either("clear")
