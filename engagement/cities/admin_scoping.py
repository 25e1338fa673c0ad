"""Admin views that Wagtail does not scope by the user's sections, replaced by scoped versions.

- The admin API's image and document endpoints list every collection (only "private" collections are
  excluded): ours list what the user may choose or change, i.e. their own city's collection.
- The "page types usage" report names the last edited page of each type, whichever city it is in:
  administrators only.
- Bulk action confirmations list the chosen objects the user may *not* act on, by title: ours leave
  them out, so another city's ids reveal nothing.
- The page chooser's "chosen multiple" step returns any page by id: ours only the pages the chooser
  itself would offer.
- The page chooser's browse step shows the page it browses (first row) however the user may see it,
  and its search lists each result's parent with its draft title: ours refuse to browse a page the
  chooser would not list (another city's draft) and show the pages of other cities as the public sees
  them, with their live title. The rows themselves come from `construct_page_chooser_queryset`
  (`pages_visible_in_choosers`), which already gives other cities' pages their live data only.
- The chooser's "external link" step turns a pasted address of a page into a link to that page, named
  by its draft title: ours name another city's page by its live title.
"""

import json

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.admin.views.chooser import (
    BrowseView,
    ChosenMultipleView,
    ExternalLinkView,
    ParentPageColumn,
    SearchView,
)
from wagtail.admin.views.pages import bulk_actions as page_bulk_actions
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.documents.views import bulk_actions as document_bulk_actions
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.images.views import bulk_actions as image_bulk_actions
from wagtail.models import Page, Site
from wagtail.permissions import policy_registry

from .access import own_section_paths, show_live_data_only


class CollectionScopedMixin:
    def get_queryset(self):
        policy = policy_registry.get_by_type(self.model)
        visible = policy.instances_user_has_any_permission_for(self.request.user, ["choose", "change"])
        return super().get_queryset().filter(pk__in=visible.values("pk"))


class ScopedImagesAdminAPIViewSet(CollectionScopedMixin, ImagesAdminAPIViewSet):
    pass


class ScopedDocumentsAdminAPIViewSet(CollectionScopedMixin, DocumentsAdminAPIViewSet):
    pass


class AdministratorsPageTypesUsageReportView(PageTypesUsageReportView):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class HideObjectsWithoutAccessMixin:
    def get_actionable_objects(self):
        objects, details = super().get_actionable_objects()
        return objects, {**details, "items_with_no_access": []}


def bulk_actions_without_foreign_titles():
    """Wagtail's bulk actions for pages, images and documents, minus the list of inaccessible objects."""
    originals = [
        page_bulk_actions.DeleteBulkAction,
        page_bulk_actions.MoveBulkAction,
        page_bulk_actions.PublishBulkAction,
        page_bulk_actions.UnpublishBulkAction,
        image_bulk_actions.DeleteBulkAction,
        image_bulk_actions.AddTagsBulkAction,
        image_bulk_actions.AddToCollectionBulkAction,
        document_bulk_actions.DeleteBulkAction,
        document_bulk_actions.AddTagsBulkAction,
        document_bulk_actions.AddToCollectionBulkAction,
    ]
    return [
        type(f"Scoped{original.__name__}", (HideObjectsWithoutAccessMixin, original), {})
        for original in originals
    ]


def pages_the_chooser_offers(pages, request):
    for hook in hooks.get_hooks("construct_page_chooser_queryset"):
        pages = hook(pages, request)
    return pages


class ScopedChosenMultipleView(ChosenMultipleView):
    def get(self, request):
        pages = pages_the_chooser_offers(Page.objects.filter(pk__in=request.GET.getlist("id")), request)
        result = [
            {
                "id": page.pk,
                "parentId": page.get_parent().pk,
                "adminTitle": page.get_admin_display_title(),
                "editUrl": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                "url": page.url,
            }
            for page in pages.specific()
        ]
        return self.render_chosen_response(result)


class ScopedBrowseView(BrowseView):
    def get(self, request, parent_page_id=None):
        browsed = Page.objects.filter(pk=parent_page_id)
        if parent_page_id is not None and not pages_the_chooser_offers(browsed, request).exists():
            raise Http404
        return super().get(request, parent_page_id)

    def get_object_list(self):
        # Wagtail asks for the children once it has the page being browsed, which it shows as the table's
        # first row: that row, too, shows another city's page as the public sees it.
        if not self.request.user.is_superuser:
            show_live_data_only([self.parent_page], own_section_paths(self.request.user))
        return super().get_object_list()


class LiveParentPageColumn(ParentPageColumn):
    """The "parent" column of the chooser's search: another city's parent page with its live title."""

    def __init__(self, *args, own_section_paths, **kwargs):
        super().__init__(*args, **kwargs)
        self.own_section_paths = own_section_paths

    def get_value(self, instance):
        parent = super().get_value(instance)
        return parent and show_live_data_only([parent], self.own_section_paths)[0]


class ScopedSearchView(SearchView):
    @property
    def columns(self):
        columns = super().columns
        if self.request.user.is_superuser:
            return columns
        paths = own_section_paths(self.request.user)
        return [
            LiveParentPageColumn(column.name, label=column.label, width=column.width, own_section_paths=paths)
            if isinstance(column, ParentPageColumn)
            else column
            for column in columns
        ]


class ScopedExternalLinkView(ExternalLinkView):
    def post(self, request):
        response = super().post(request)
        data = json.loads(response.content)
        converting = data.get("step") == "confirm_external_to_internal"
        internal = data.get("internal" if converting else "result") or {}
        if request.user.is_superuser or "id" not in internal:
            return response
        page = Page.objects.get(pk=internal["id"]).specific
        if page.path.startswith(own_section_paths(request.user)):
            return response
        internal["adminTitle"] = page.title
        if not converting:
            return self.render_chosen_response(internal)
        # Wagtail's question "convert to an internal link to <page>?", asked with the live title.
        submitted_url = data["external"]["url"]
        relative = submitted_url.startswith("/") and len(Site.get_site_root_paths()) == 1
        internal_url = page.get_url_parts(request)[-1] if relative else page.get_full_url(request)
        return render_modal_workflow(
            request,
            "wagtailadmin/chooser/confirm_external_to_internal.html",
            None,
            {"submitted_url": submitted_url, "internal_url": internal_url, "page": page.title},
            json_data={"step": data["step"], "external": data["external"], "internal": internal},
        )
