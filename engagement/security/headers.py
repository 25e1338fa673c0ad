"""Response headers beyond Django's SecurityMiddleware: Permissions-Policy, and the admin's CSP."""

from csp.constants import SELF, UNSAFE_INLINE
from django.urls import reverse

# Only the radius search asks for the position ("Mein Standort"), on our own pages.
PERMISSIONS_POLICY = ", ".join(
    [
        "geolocation=(self)",
        "camera=()",
        "microphone=()",
        "payment=()",
        "usb=()",
        "serial=()",
        "bluetooth=()",
        "browsing-topics=()",
    ]
)


class SecurityHeadersMiddleware:
    """Placed inside django-csp's middleware, so the CSP it adjusts is written after it.

    The public site runs no inline script (nonces where one is ever needed). Wagtail 8's admin still
    renders a few inline scripts of its own (date and time widgets, inline and multiple-chooser
    panels), which carry no nonce: the admin's policy allows inline scripts, and only the admin's.
    The admin frames its own previews, so it may be framed by itself; every other page by no one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if request.path_info.startswith(reverse("wagtailadmin_home")):
            response._csp_update = {"script-src": [UNSAFE_INLINE]}
            response._csp_replace = {"frame-ancestors": [SELF]}
        return response
