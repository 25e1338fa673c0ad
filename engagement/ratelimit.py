"""A small fixed-window rate limit on Django's cache (Redis in production), for public forms."""

from django.core.cache import cache


class RateLimited(Exception):
    """Too many attempts in the window; the view answers 429 with a German message."""


def client_address(request) -> str:
    # Behind the reverse proxy REMOTE_ADDR is set by the WSGI server from the proxy's header.
    return request.META.get("REMOTE_ADDR", "")


def hit(scope: str, key: str, *, limit: int, window_seconds: int) -> None:
    """Count one attempt for `key` in `scope`; raise RateLimited past `limit` within the window."""
    cache_key = f"ratelimit:{scope}:{key}"
    cache.add(cache_key, 0, window_seconds)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # the window expired between add and incr
        cache.set(cache_key, 1, window_seconds)
        count = 1
    if count > limit:
        raise RateLimited
