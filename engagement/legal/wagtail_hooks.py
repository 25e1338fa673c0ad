"""Accessibility feedback in the admin: each city's editors read and answer their own city's messages.

Read-only: a list, a detail view and "Als beantwortet markieren". The viewset routes nothing else
(no edit, delete, history or usage views), so no view can reach a message by id without going through
`AccessibilityFeedback.objects.visible_to(user)`.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import django_filters
from django.conf import settings
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton
from wagtail.permissions import register_permission_policy

from engagement.cities.access import CityEditorsPolicy

from .models import AccessibilityFeedback, LegalPage
from .services import mark_feedback_answered
from .views import take_feedback


class AnsweredFilter(django_filters.BooleanFilter):
    def filter(self, queryset, value):
        if value is None:
            return queryset
        return queryset.filter(answered_at__isnull=not value)


class AccessibilityFeedbackFilterSet(WagtailFilterSet):
    answered = AnsweredFilter(label=_("Beantwortet"))

    class Meta:
        model = AccessibilityFeedback
        fields = []


class WithoutUnroutedViews:
    """Links only to the views the viewset routes: the detail view, no edit or delete."""

    def get_edit_url(self, *args):
        return None

    def get_delete_url(self, *args):
        return None

    def get_add_url(self, *args):
        return None

    def get_copy_url(self, *args):
        return None

    def get_history_url(self, *args):
        return None

    def get_usage_url(self, *args):
        return None


class FeedbackIndexView(WithoutUnroutedViews, generic.IndexView):
    def get_base_queryset(self):
        return AccessibilityFeedback.objects.visible_to(self.request.user).select_related("page", "city")


class FeedbackInspectView(WithoutUnroutedViews, generic.InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(AccessibilityFeedback.objects.visible_to(self.request.user), pk=self.pk)

    def get_field_display_value(self, field_name, field):
        # Not yet forwarded or answered: a dash, not Python's "None". Times as people here read them.
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, dt.datetime):
            return date_format(timezone.localtime(value, ZoneInfo(settings.TIME_ZONE)), "DATETIME_FORMAT")
        return "–" if value is None else value

    @property
    def header_buttons(self):
        if self.object.answered_at is not None or not self.user_has_permission("change"):
            return []
        return [
            HeaderButton(
                _("Als beantwortet markieren"),
                url=reverse("accessibility_feedback:answered", args=[quote(self.object.pk)]),
                icon_name="check",
                attrs={"data-controller": "w-action", "data-action": "w-action#post"},
            )
        ]


class MarkAnsweredView(View):
    http_method_names = ["post"]

    def post(self, request, pk):
        feedback = get_object_or_404(AccessibilityFeedback.objects.visible_to(request.user), pk=pk)
        if not feedback_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        mark_feedback_answered(feedback, by=request.user)
        messages.success(request, _("Die Rückmeldung ist als beantwortet markiert."))
        return redirect("accessibility_feedback:inspect", quote(feedback.pk))


class AccessibilityFeedbackViewSet(ModelViewSet):
    model = AccessibilityFeedback
    icon = "help"
    menu_label = _("Barrieren gemeldet")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["location", "get_city_display", "created_at", "answered_at"]
    list_filter = []
    filterset_class = AccessibilityFeedbackFilterSet
    inspect_view_enabled = True
    inspect_view_fields = [
        "page",
        "city",
        "location",
        "message",
        "name",
        "email",
        "created_at",
        "answered_at",
        "answered_by",
    ]
    index_view_class = FeedbackIndexView
    inspect_view_class = FeedbackInspectView
    add_view_enabled = False
    copy_view_enabled = False

    def get_urlpatterns(self):
        # Only what the feedback needs; Wagtail's edit, delete, history and usage views are not routed.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<str:pk>/", self.inspect_view, name="inspect"),
            path("answered/<str:pk>/", MarkAnsweredView.as_view(), name="answered"),
        ]


class AccessibilityFeedbackPolicy(CityEditorsPolicy):
    """City editors (and administrators) read and answer feedback; which messages, decides the queryset."""


feedback_policy = AccessibilityFeedbackPolicy(AccessibilityFeedback)
register_permission_policy(AccessibilityFeedback, feedback_policy)


@hooks.register("register_admin_viewset")
def register_accessibility_feedback_viewset():
    return AccessibilityFeedbackViewSet("accessibility_feedback")


@hooks.register("before_serve_page")
def take_accessibility_feedback(page, request, serve_args, serve_kwargs):
    """A feedback form sent to an accessibility statement is handled by a view, not by the page."""
    if request.method == "POST" and isinstance(page, LegalPage) and page.has_feedback_form:
        return take_feedback(request, page)
    return None
