"""The Verein's screens of the shifts, mounted by the dashboard under /mein-verein/ (URL names in the
dashboard's namespace: `dashboard:shifts`, …)."""

from django.urls import path

from . import views

urlpatterns = [
    path("angebote/<int:page_id>/schichten/", views.ShiftsView.as_view(), name="shifts"),
    path("angebote/<int:page_id>/schichten/kopieren/", views.CopyShiftsView.as_view(), name="shift_copy"),
    path("schichten/<int:pk>/", views.RosterView.as_view(), name="shift_roster"),
    path("schichten/<int:pk>/bearbeiten/", views.ShiftEditView.as_view(), name="shift_edit"),
    path("schichten/<int:pk>/anwesenheit/", views.RosterAttendanceView.as_view(), name="shift_attendance"),
    path("schichten/<int:pk>/nachricht/", views.ShiftMessageView.as_view(), name="shift_message"),
]
