"""Every endpoint of the public JSON API, as its OpenAPI description (`/api/v2/openapi.json`) lists them:
the offers' search (search/api_urls.py) and the needs (engagement/needs/api_urls.py)."""

from django.urls import include, path

urlpatterns = [
    path("", include("search.api_urls")),
    path("", include("engagement.needs.api_urls")),
]
