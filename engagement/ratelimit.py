"""Every rate limit of the platform, declared in one table, counted in fixed windows on Django's cache
(Redis in production), and keyed on the client's real address behind the trusted reverse proxies.

A view or service names the limit it spends (`hit("apply-address", client_address(request))`); the
numbers live only in `LIMITS`, so a reader sees every budget in one place.
"""

import ipaddress
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache


@dataclass(frozen=True)
class Limit:
    attempts: int
    window_seconds: int
    why: str


HOUR = 60 * 60
QUARTER_HOUR = 15 * 60

LIMITS: dict[str, Limit] = {
    # Public forms, per client address (a family or a school sharing one connection still fits).
    "apply-address": Limit(10, HOUR, "applications sent from one address"),
    "apply-email": Limit(3, HOUR, "applications for one e-mail address"),
    "content-report": Limit(5, HOUR, "reports of an opportunity from one address"),
    "legal-feedback": Limit(5, HOUR, "accessibility feedback messages from one address"),
    "need-contact-address": Limit(10, HOUR, "messages about needs sent from one address"),
    "need-contact-email": Limit(5, HOUR, "messages about needs for one e-mail address"),
    "alert-address": Limit(10, HOUR, "search alerts saved from one address"),
    "alert-email": Limit(3, HOUR, "search alerts saved for one e-mail address"),
    "alert-lookup-address": Limit(20, HOUR, "unknown search alert links from one address"),
    "register": Limit(5, HOUR, "accounts registered from one address"),
    "password-reset-address": Limit(5, HOUR, "password reset requests from one address"),
    "password-reset-email": Limit(3, HOUR, "password reset mails to one e-mail address"),
    "status-lookup-address": Limit(20, HOUR, "unknown application status links from one address"),
    "shift-message": Limit(5, HOUR, "messages of one member to the people of a shift"),
    "certificate-lookup-address": Limit(20, HOUR, "unknown Engagementnachweis codes from one address"),
    # Login (engagement/security/throttle.py): failures, never successes, are counted.
    "login-address": Limit(30, QUARTER_HOUR, "failed logins from one address, across all account names"),
    "login-account": Limit(10, QUARTER_HOUR, "failed logins for one account name from unknown devices"),
    "login-device": Limit(10, QUARTER_HOUR, "failed logins for one account from its known device"),
}


class RateLimited(Exception):
    """Too many attempts in the window; the view answers 429 with a German message."""


def _valid_address(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_address(request) -> str:
    """The address of the client as the outermost trusted proxy saw it.

    With `TRUSTED_PROXY_COUNT = 0` (the server faces the internet) that is REMOTE_ADDR and any
    X-Forwarded-For is ignored: a client can write anything into it. Behind N trusted proxies each one
    appends the address it received the request from, so the N-th entry from the right is the client;
    entries further left were written by the client and are never believed. A header with fewer
    entries than proxies did not pass through all of them, and the request keeps the proxy's address.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < proxies:
        return remote
    return _valid_address(forwarded[-proxies]) or remote


def address_key(address: str) -> str:
    """The key a limit counts an address under: an IPv6 client controls its whole /64 network."""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 4:
        return str(parsed)
    if parsed.ipv4_mapped is not None:
        return str(parsed.ipv4_mapped)
    return str(ipaddress.ip_network(f"{parsed}/64", strict=False))


def client_key(request) -> str:
    """The key address-based limits count a request under."""
    return address_key(client_address(request))


def _cache_key(name: str, key: str) -> str:
    if name not in LIMITS:
        raise KeyError(f"No rate limit named {name!r}; declare it in engagement.ratelimit.LIMITS.")
    return f"ratelimit:{name}:{key}"


def hit(name: str, key: str) -> None:
    """Count one attempt for `key` against the limit `name`; raise RateLimited past its budget."""
    cache_key = _cache_key(name, key)
    limit = LIMITS[name]
    cache.add(cache_key, 0, limit.window_seconds)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # the window expired between add and incr
        cache.set(cache_key, 1, limit.window_seconds)
        count = 1
    if count > limit.attempts:
        raise RateLimited


def exceeded(name: str, key: str) -> bool:
    """Whether `key` has spent its budget in the current window (counts nothing)."""
    count = cache.get(_cache_key(name, key)) or 0
    return count >= LIMITS[name].attempts


def reset(name: str, key: str) -> None:
    cache.delete(_cache_key(name, key))
