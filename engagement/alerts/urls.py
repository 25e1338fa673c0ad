from django.urls import path

from . import views

app_name = "alerts"

urlpatterns = [
    path("neu/", views.new_alert_view, name="new"),
    path("<str:token>/bestaetigen/", views.confirm_view, name="confirm"),
    path("<str:token>/abmelden/", views.unsubscribe_view, name="unsubscribe"),
    path("<str:token>/", views.manage_view, name="manage"),
]
