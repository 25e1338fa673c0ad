from django.urls import path
from django.views.generic import TemplateView

from . import views

app_name = "applications"

# The citizen's side. The organisation's screens live under /mein-verein/ (organisation_urls.py, mounted
# by the dashboard's URLs).

urlpatterns = [
    path("bewerben/<int:page_id>/", views.apply_view, name="apply"),
    path(
        "datenschutz/bewerbungen/",
        TemplateView.as_view(template_name="applications/privacy.html"),
        name="privacy",
    ),
    path("bewerbung/bestaetigen/<str:token>/", views.confirm_view, name="confirm"),
    path("bewerbung/<str:token>/", views.status_view, name="status"),
]
