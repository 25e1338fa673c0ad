"""/api/v2/export/…: the exports of every listed offer, and of one city's (`/api/v2/export/<stadt>/…`)."""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "freiwilligendatenbank.csv",
        views.export_view,
        {"name": "freiwilligendatenbank"},
        name="export_freiwilligendatenbank",
    ),
    path(
        "volunteeringdata.jsonld",
        views.export_view,
        {"name": "volunteeringdata"},
        name="export_volunteeringdata",
    ),
    path(
        "<slug:city_slug>/freiwilligendatenbank.csv",
        views.export_view,
        {"name": "freiwilligendatenbank"},
        name="export_freiwilligendatenbank_city",
    ),
    path(
        "<slug:city_slug>/volunteeringdata.jsonld",
        views.export_view,
        {"name": "volunteeringdata"},
        name="export_volunteeringdata_city",
    ),
]
