"""The endpoints of the JSON API: what its OpenAPI description (`/api/v2/openapi.json`) describes."""

from django.urls import path

from . import api

urlpatterns = [
    path("api/v2/opportunities/", api.opportunity_list, name="api_opportunities"),
    # Any text as id: what names no offer online answers the API's own 404, not the site's HTML page.
    path("api/v2/opportunities/<str:id>/", api.opportunity_detail, name="api_opportunity"),
]
