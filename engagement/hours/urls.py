from django.urls import path

from . import views

app_name = "hours"

# The volunteer's side and the public verification page. The Verein's screens live under
# /mein-verein/stunden/ (organisation_urls.py, mounted by the dashboard's URLs).

urlpatterns = [
    path("bewerbung/<str:token>/stunden/", views.record_view, name="record"),
    path(
        "bewerbung/<str:token>/stunden/nachweis-<int:pk>-<str:language>.pdf",
        views.certificate_download_view,
        name="certificate_pdf",
    ),
    path("nachweis/<str:code>/", views.verify_view, name="verify"),
]
