from django.contrib.auth import views as auth_views
from django.urls import include, path, reverse_lazy

from engagement.mail.auth import PasswordResetForm

from . import views

app_name = "dashboard"

urlpatterns = [
    path("", views.OverviewView.as_view(), name="overview"),
    path("anmelden/", views.RateLimitedLoginView.as_view(), name="login"),
    path("anmelden/zweiter-faktor/", views.TwoFactorVerifyView.as_view(), name="two_factor_verify"),
    path("zwei-faktor/", views.TwoFactorView.as_view(), name="two_factor"),
    path("registrieren/", views.register_view, name="register"),
    path("registrieren/bestaetigen/<str:token>/", views.verify_email_view, name="verify_email"),
    path(
        "passwort/vergessen/",
        views.RateLimitedPasswordResetView.as_view(
            template_name="dashboard/password_reset.html",
            form_class=PasswordResetForm,  # queues the mail: the request never talks SMTP
            email_template_name="dashboard/emails/password_reset.txt",
            subject_template_name="dashboard/emails/password_reset_subject.txt",
            success_url=reverse_lazy("dashboard:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "passwort/gesendet/",
        auth_views.PasswordResetDoneView.as_view(template_name="dashboard/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "passwort/neu/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="dashboard/password_reset_confirm.html",
            success_url=reverse_lazy("dashboard:login"),
        ),
        name="password_reset_confirm",
    ),
    path("abmelden/", auth_views.LogoutView.as_view(next_page="/"), name="logout"),
    path("organisation/<int:organisation_id>/neu/", views.OpportunityFormView.as_view(), name="create"),
    path("organisation/anlegen/", views.FoundOrganisationView.as_view(), name="found_organisation"),
    path("organisation/beitreten/", views.JoinOrganisationView.as_view(), name="join_organisation"),
    path("organisation/<int:organisation_id>/mitglieder/", views.MembersView.as_view(), name="members"),
    path("organisation/<int:organisation_id>/widget/", views.WidgetView.as_view(), name="widget"),
    path("einladung/<str:token>/", views.AcceptInvitationView.as_view(), name="accept_invitation"),
    path("angebote/<int:page_id>/bearbeiten/", views.OpportunityFormView.as_view(), name="edit"),
    path("angebote/<int:page_id>/einreichen/", views.SubmitView.as_view(), name="submit"),
    path("angebote/<int:page_id>/vorschau/", views.PreviewView.as_view(), name="preview"),
    path("angebote/<int:page_id>/zurueckholen/", views.RestoreView.as_view(), name="restore"),
    path("aktuell/<str:token>/", views.confirm_current_view, name="confirm_current"),
    # The applications to the Verein's opportunities: the applications app's screens, in this namespace.
    path("bewerbungen/", include("engagement.applications.organisation_urls")),
    # The shifts of the Verein's offers: the shifts app's screens, in this namespace (before the catch-all
    # of the offers' actions below).
    path("", include("engagement.shifts.organisation_urls")),
    # Attendance, hours and Nachweise of the Verein's offers: the hours app's screens, in this namespace.
    path("stunden/", include("engagement.hours.organisation_urls")),
    # Needs, things to lend or give: the needs app's screens, in this namespace.
    path("bedarfe/", include("engagement.needs.dashboard_urls")),
    path(
        "angebote/<int:page_id>/<slug:action>/",
        views.ActionView.as_view(),
        name="action",
    ),
]
