"""The authentication backend of every login: Django's model backend behind the shared throttle."""

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied

from engagement.demo.loader import DEMO_PASSWORD

from . import throttle


class ThrottledModelBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        # Demo accounts share one known password: outside demo mode it never opens an account, even
        # where a database was once loaded in demo mode (the system check security.W001 names them).
        if not settings.DEMO_MODE and password == DEMO_PASSWORD:
            if request is not None:
                throttle.record_failure(request, username)
            return None
        if request is None:  # a login without a request (a management command, a test helper)
            return super().authenticate(request, username=username, password=password, **kwargs)
        if throttle.is_blocked(request, username):
            request.login_throttled = True
            raise PermissionDenied  # stops authenticate() here; the right password is not even tried
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            throttle.record_failure(request, username)
        else:
            throttle.record_success(request, username)
        return user
