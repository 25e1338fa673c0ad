"""The Verein's screens of attendance, hours and Nachweise, mounted by the dashboard under
/mein-verein/stunden/ (URL names in the dashboard's namespace)."""

from django.urls import path

from . import views

urlpatterns = [
    path("angebot/<int:page_id>/", views.AttendanceView.as_view(), name="attendance"),
    path("eintrag/<int:pk>/", views.CorrectionView.as_view(), name="correct_hours"),
    path("nachweise/", views.CertificateListView.as_view(), name="certificates"),
    path("nachweise/ausstellen/<int:application_id>/", views.IssueView.as_view(), name="issue_certificate"),
    path("nachweise/<int:pk>/widerrufen/", views.RevokeView.as_view(), name="revoke_certificate"),
]
