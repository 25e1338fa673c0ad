import time

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .middleware import StaffSessionTimeoutMiddleware


@receiver(user_logged_in)
def start_session_clock(sender, request, user, **kwargs):
    """The absolute session timeout counts from the login, not from a session the browser had before."""
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[StaffSessionTimeoutMiddleware.STARTED] = now
        request.session[StaffSessionTimeoutMiddleware.SEEN] = now
