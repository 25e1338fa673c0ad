"""The production URLs plus the floor route of the load benchmark (`benchmarks.settings` only)."""

from django.http import HttpResponse
from django.urls import path

from engagement.urls import handler500  # noqa: F401 (the same 503/500 pages)
from engagement.urls import urlpatterns as production_urlpatterns

FLOOR_PATH = "bench/floor/"


def floor(request):
    """The cheapest answer through the whole middleware stack: no template, no query, no cache."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


urlpatterns = [path(FLOOR_PATH, floor), *production_urlpatterns]
