"""The organisation's screens of the applications, mounted by the dashboard under /mein-verein/bewerbungen/
(URL names in the dashboard's namespace: `dashboard:applications`, …)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.OrganisationListView.as_view(), name="applications"),
    path("<int:pk>/", views.OrganisationDetailView.as_view(), name="application_detail"),
    path("<int:pk>/offen-halten/", views.KeepOpenView.as_view(), name="keep_application_open"),
    path(
        "angebot/<int:page_id>/wieder-oeffnen/",
        views.ReopenView.as_view(),
        name="reopen_applications",
    ),
]
