"""The Verein's screens for its needs; included by the dashboard under `bedarfe/`, in its namespace."""

from django.urls import path

from . import dashboard_views as views

urlpatterns = [
    path("organisation/<int:organisation_id>/neu/", views.NeedFormView.as_view(), name="need_create"),
    path("<int:page_id>/bearbeiten/", views.NeedFormView.as_view(), name="need_edit"),
    path("<int:page_id>/einreichen/", views.NeedSubmitView.as_view(), name="need_submit"),
    path("<int:page_id>/ausleihen/", views.LoansView.as_view(), name="need_loans"),
    path(
        "<int:page_id>/ausleihen/<int:loan_id>/loeschen/",
        views.LoanDeleteView.as_view(),
        name="need_loan_delete",
    ),
    path("<int:page_id>/<slug:action>/", views.NeedActionView.as_view(), name="need_action"),
]
