"""One login throttle for every login path (the Verein login and the Wagtail admin login).

It slows an attacker without locking the owner out:
- per client address, failures across every account name are limited (password spraying);
- per account name, failures from unknown devices are limited (guessing one account from many places);
- the owner's browser carries a signed "known device" cookie from an earlier successful login. Attempts
  from that device are counted on their own budget, so an attacker who exhausts the account's budget
  does not lock its owner out (OWASP's device cookies).

Only failures are counted; the numbers are in engagement.ratelimit.LIMITS.
"""

import contextlib
import secrets

from django.conf import settings
from django.core import signing

from engagement import ratelimit

DEVICE_COOKIE = "known_device"
DEVICE_COOKIE_SALT = "engagement.security.known-device"
DEVICE_COOKIE_MAX_AGE = 60 * 60 * 24 * 180


def normalise(username: str) -> str:
    return (username or "").strip().lower()[:150]


def _device(request, username: str) -> str | None:
    """The id of the known device the request comes from, when it is known for this account."""
    value = request.COOKIES.get(DEVICE_COOKIE)
    if not value:
        return None
    try:
        data = signing.loads(value, salt=DEVICE_COOKIE_SALT, max_age=DEVICE_COOKIE_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("username") != username:
        return None
    return data.get("device")


def _account_budget(request, username: str) -> tuple[str, str]:
    device = _device(request, username)
    if device is not None:
        return "login-device", f"{username}:{device}"
    return "login-account", username


def is_blocked(request, username: str) -> bool:
    username = normalise(username)
    if ratelimit.exceeded("login-address", ratelimit.client_key(request)):
        return True
    return ratelimit.exceeded(*_account_budget(request, username))


def record_failure(request, username: str) -> None:
    username = normalise(username)
    for name, key in [("login-address", ratelimit.client_key(request)), _account_budget(request, username)]:
        with contextlib.suppress(ratelimit.RateLimited):  # the next attempt is refused by is_blocked
            ratelimit.hit(name, key)


def record_success(request, username: str) -> None:
    """Forget the device's failures and remember the device (the middleware sets the cookie)."""
    username = normalise(username)
    name, key = _account_budget(request, username)
    if name == "login-device":
        ratelimit.reset(name, key)
        device = key.rpartition(":")[2]
    else:
        device = secrets.token_urlsafe(16)
    request.known_device_cookie = signing.dumps(
        {"username": username, "device": device}, salt=DEVICE_COOKIE_SALT
    )


def set_device_cookie(request, response) -> None:
    value = getattr(request, "known_device_cookie", None)
    if value:
        response.set_cookie(
            DEVICE_COOKIE,
            value,
            max_age=DEVICE_COOKIE_MAX_AGE,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
