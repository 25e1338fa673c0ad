from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

app_name = "dashboard"

urlpatterns = [
    path("", views.OverviewView.as_view(), name="overview"),
    path(
        "anmelden/",
        auth_views.LoginView.as_view(template_name="dashboard/login.html", redirect_authenticated_user=True),
        name="login",
    ),
    path("abmelden/", auth_views.LogoutView.as_view(next_page="/"), name="logout"),
    path("organisation/<int:organisation_id>/neu/", views.OpportunityFormView.as_view(), name="create"),
    path("angebote/<int:page_id>/bearbeiten/", views.OpportunityFormView.as_view(), name="edit"),
    path("angebote/<int:page_id>/einreichen/", views.SubmitView.as_view(), name="submit"),
    path("angebote/<int:page_id>/zurueckholen/", views.RestoreView.as_view(), name="restore"),
    path("aktuell/<str:token>/", views.confirm_current_view, name="confirm_current"),
    path(
        "angebote/<int:page_id>/<slug:action>/",
        views.ActionView.as_view(),
        name="action",
    ),
]
