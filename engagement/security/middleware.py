import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _

from . import throttle, two_factor


class KnownDeviceMiddleware:
    """Sets the known-device cookie after a successful login (engagement/security/throttle.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        throttle.set_device_cookie(request, response)
        return response


def _is_admin_path(request) -> bool:
    return request.path_info.startswith(reverse("wagtailadmin_home"))


def _is_staff_path(request) -> bool:
    """The admin, and documents (restricted ones are for editors): both need the second factor."""
    return _is_admin_path(request) or request.path_info.startswith("/documents/")


class StaffSessionTimeoutMiddleware:
    """Staff sessions end after STAFF_SESSION_IDLE_SECONDS without a request and, however busy,
    STAFF_SESSION_MAX_SECONDS after the login. Verein members keep Django's session age."""

    STARTED, SEEN = "staff_session_started", "staff_session_seen"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and two_factor.requires_two_factor(user):
            now = int(time.time())
            started = request.session.setdefault(self.STARTED, now)
            seen = request.session.get(self.SEEN, now)
            if now - seen > settings.STAFF_SESSION_IDLE_SECONDS or (
                now - started > settings.STAFF_SESSION_MAX_SECONDS
            ):
                logout(request)
                messages.info(request, _("Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an."))
                if _is_admin_path(request):
                    return redirect(f"{reverse('wagtailadmin_login')}?{urlencode({'next': request.path})}")
            else:
                request.session[self.SEEN] = now
        return self.get_response(request)


class AdminTwoFactorMiddleware:
    """No admin page opens for an account that may use the admin until this session passed its second
    factor: the account is sent to set one up (first time) or to enter a code."""

    NOTICE_SHOWN = "two_factor_demo_notice_shown"
    OPEN_URL_NAMES = [
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "security_two_factor_setup",
        "security_two_factor_verify",
    ]

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            _is_staff_path(request)
            and two_factor.requires_two_factor(user)
            and not user.is_verified()
            and not self._is_open(request)
        ):
            if not two_factor.may_skip():
                step = "setup" if not two_factor.has_device(user) else "verify"
                url = reverse(f"security_two_factor_{step}")
                return redirect(f"{url}?{urlencode({'next': request.get_full_path()})}")
            if not request.session.get(self.NOTICE_SHOWN):
                request.session[self.NOTICE_SHOWN] = True
                messages.warning(
                    request,
                    _(
                        "Demo-Modus: Die Zwei-Faktor-Anmeldung ist abgeschaltet. "
                        "In Produktion braucht jedes Redaktionskonto einen zweiten Faktor."
                    ),
                )
        return self.get_response(request)

    def _is_open(self, request) -> bool:
        return any(request.path_info.startswith(reverse(name)) for name in self.OPEN_URL_NAMES)


class VereinTwoFactorMiddleware:
    """A Verein member who switched on the second factor opens no page of "Mein Verein" until this
    session passed it: after the password, the member is sent to enter a code. Members without a device
    log in with their password alone (the factor is optional for them)."""

    # Pages of the dashboard that anyone may open without logging in: they show no Verein's data.
    OPEN_URL_NAMES = {
        "login",
        "logout",
        "two_factor_verify",
        "register",
        "verify_email",
        "password_reset",
        "password_reset_done",
        "password_reset_confirm",
        "confirm_current",
    }

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()
            and self._is_closed_verein_page(request)
            and two_factor.has_device(user)
        ):
            url = reverse("dashboard:two_factor_verify")
            return redirect(f"{url}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    def _is_closed_verein_page(self, request) -> bool:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return False
        return match.namespaces[:1] == ["dashboard"] and match.url_name not in self.OPEN_URL_NAMES
