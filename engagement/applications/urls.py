from django.urls import path
from django.views.generic import TemplateView

from . import views

app_name = "applications"

urlpatterns = [
    path("bewerben/<int:page_id>/", views.apply_view, name="apply"),
    path(
        "datenschutz/bewerbungen/",
        TemplateView.as_view(template_name="applications/privacy.html"),
        name="privacy",
    ),
    path("bewerbung/bestaetigen/<str:token>/", views.confirm_view, name="confirm"),
    path("bewerbung/<str:token>/", views.status_view, name="status"),
    path("mein-verein/bewerbungen/", views.organisation_list, name="list"),
    path("mein-verein/bewerbungen/<int:pk>/", views.organisation_detail, name="detail"),
    path(
        "mein-verein/bewerbungen/angebot/<int:page_id>/wieder-oeffnen/",
        views.reopen_view,
        name="reopen",
    ),
]
