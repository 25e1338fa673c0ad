"""HTML compression in Django, for the pages that are the same for everyone.

BREACH reads a secret out of compressed responses that also reflect attacker-chosen input (the search
words are reflected). Our public pages hold no secret but the CSRF token of the language form, which
Django masks anew for every response, and Django's GZipMiddleware pads each response by a random length
("Heal the BREACH"). Personal pages (status links with their token, "Mein Verein", the admin, any
public page seen by a logged-in person) are marked `no-store` (by their views, or by the page cache for
every response to a request with a session) and are sent uncompressed: there a secret and reflected
input could meet. A public page with a form that the page cache answers carries the visitor's own
masked CSRF token and goes out `private, no-cache` (no shared proxy may keep it): compressed like any
public page. Static files never come here: WhiteNoise serves them precompressed (gzip; Brotli
as well once the `brotli` package is installed).
"""

from django.middleware.gzip import GZipMiddleware
from django.utils.cache import cc_delim_re


class CompressPublicPagesMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        cache_control = {
            directive.split("=")[0].strip().lower()
            for directive in cc_delim_re.split(response.get("Cache-Control", ""))
        }
        if "no-store" in cache_control:
            return response
        return super().process_response(request, response)
