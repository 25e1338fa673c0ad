import django_filters
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import linebreaksbr
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, Panel
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from engagement.cities.access import CityEditorsPolicy, cities_edited_by

from .invitations import CityInvitationsView
from .models import ContentReport
from .panels import CachedPagesSummaryItem, CityModerationPanel
from .services import resolve_report
from .statistics_views import CityStatisticsView
from .widget import CityWidgetView


@hooks.register("construct_homepage_panels")
def add_city_moderation_panel(request, panels):
    panels.append(CityModerationPanel())


@hooks.register("construct_homepage_summary_items", order=100)  # after Wagtail adds its own
def count_pages_once_in_a_while(request, summary_items):
    summary_items[:] = [
        CachedPagesSummaryItem(request) if type(item) is PagesSummaryItem else item for item in summary_items
    ]


class ContentReportFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ContentReport.Status.choices)

    class Meta:
        model = ContentReport
        fields = ["status", "reason"]


class ReportsIndexView(generic.IndexView):
    def get_base_queryset(self):
        return ContentReport.objects.in_cities(cities_edited_by(self.request.user)).select_related(
            "opportunity", "city"
        )


class OwnCitiesReportMixin:
    """Views of one report find it among the user's own cities only: another city's id is a 404."""

    def get_object(self, queryset=None):
        reports = ContentReport.objects.in_cities(cities_edited_by(self.request.user))
        return get_object_or_404(reports, pk=self.kwargs["pk"])


class ReportsEditView(OwnCitiesReportMixin, generic.EditView):
    def save_instance(self):
        report = self.form.instance
        if report.status == ContentReport.Status.RESOLVED and not report.resolved_at:
            return resolve_report(report, by=self.request.user, note=report.editor_note)
        return super().save_instance()


class ReportsDeleteView(OwnCitiesReportMixin, generic.DeleteView):
    pass


class ReportsHistoryView(OwnCitiesReportMixin, history.HistoryView):
    pass


class ReportsUsageView(OwnCitiesReportMixin, usage.UsageView):
    pass


class ReportsInspectView(OwnCitiesReportMixin, generic.InspectView):
    def get_opportunity_display_value(self):
        opportunity = self.object.opportunity
        edit_url = reverse("wagtailadmin_pages:edit", args=[opportunity.pk])
        return format_html('<a href="{}">{}</a>', edit_url, opportunity.title)

    def get_message_display_value(self):
        return linebreaksbr(self.object.message) or "–"


class ReportSummaryPanel(Panel):
    """What the citizen reported, read-only above the editors' status and note: nobody edits a report."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "moderation/report_summary_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["report"] = self.instance
            return context


def short_message(report):
    return Truncator(report.message).chars(80)


class ContentReportViewSet(ModelViewSet):
    """Reports of the editor's own cities only; editors note and close them, nobody edits the report."""

    model = ContentReport
    icon = "warning"
    menu_label = _("Gemeldete Inhalte")
    menu_order = 210
    add_to_admin_menu = True
    list_display = [
        "opportunity",
        "reason",
        Column("message", label=_("Beschreibung"), accessor=short_message),
        "city",
        "status",
        "created_at",
    ]
    filterset_class = ContentReportFilterSet
    # The citizen wrote the report; the editors add status and note. The report itself (and nothing of
    # the reporter: the model keeps no name, address or IP) shows read-only.
    panels = [ReportSummaryPanel(heading=_("Meldung")), FieldPanel("status"), FieldPanel("editor_note")]
    inspect_view_fields = [
        "opportunity",
        "reason",
        "message",
        "created_at",
        "city",
        "status",
        "resolved_by",
        "resolved_at",
        "editor_note",
    ]
    index_view_class = ReportsIndexView
    edit_view_class = ReportsEditView
    delete_view_class = ReportsDeleteView
    history_view_class = ReportsHistoryView
    usage_view_class = ReportsUsageView
    inspect_view_class = ReportsInspectView
    add_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = True


class ContentReportPolicy(CityEditorsPolicy):
    """Editors of a city (and administrators) see and close reports; only administrators delete them."""


register_permission_policy(ContentReport, ContentReportPolicy(ContentReport))


@hooks.register("register_admin_viewset")
def register_content_report_viewset():
    return ContentReportViewSet("content_reports")


@hooks.register("register_admin_urls")
def register_statistics_url():
    return [path("statistik/", CityStatisticsView.as_view(), name="city_statistics")]


class CityEditorsMenuItem(MenuItem):
    """Shown to editors of a city (and administrators)."""

    def is_shown(self, request):
        return cities_edited_by(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_statistics_menu_item():
    return CityEditorsMenuItem(_("Statistik"), reverse("city_statistics"), icon_name="table", order=220)


@hooks.register("register_admin_urls")
def register_invitations_url():
    return [path("vereine-einladen/", CityInvitationsView.as_view(), name="city_invitations")]


@hooks.register("register_admin_menu_item")
def register_invitations_menu_item():
    return CityEditorsMenuItem(
        _("Vereine einladen"), reverse("city_invitations"), icon_name="mail", order=205
    )


@hooks.register("register_admin_urls")
def register_widget_url():
    return [path("widget/", CityWidgetView.as_view(), name="city_widget")]


@hooks.register("register_admin_menu_item")
def register_widget_menu_item():
    return CityEditorsMenuItem(
        _("Widget für Ihre Website"), reverse("city_widget"), icon_name="code", order=225
    )
