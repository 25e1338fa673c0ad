from django.urls import path

from . import views

app_name = "applications"

# The citizen's side. The organisation's screens live under /mein-verein/ (organisation_urls.py, mounted
# by the dashboard's URLs).

urlpatterns = [
    path("bewerben/<int:page_id>/", views.apply_view, name="apply"),
    path("datenschutz/bewerbungen/", views.privacy_view, name="privacy"),
    path("bewerbung/bestaetigen/<str:token>/", views.confirm_view, name="confirm"),
    path("bewerbung/eltern/<str:token>/", views.guardian_view, name="guardian"),
    path("bewerbung/<str:token>/", views.status_view, name="status"),
]
