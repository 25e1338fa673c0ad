from django.urls import path

from . import views

app_name = "shifts"

# The citizen's side. The Verein's screens live under /mein-verein/ (organisation_urls.py, mounted by the
# dashboard's URLs).

urlpatterns = [
    path("schichten/<int:page_id>/anmelden/", views.signup_view, name="signup"),
    path("bewerbung/<str:token>/schichten/absagen/", views.cancel_view, name="cancel"),
    path("bewerbung/<str:token>/schichten/hinzufuegen/", views.add_view, name="add"),
]
