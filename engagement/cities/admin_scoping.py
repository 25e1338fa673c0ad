"""Admin views that Wagtail does not scope by the user's sections, replaced by scoped versions.

- The admin API's image and document endpoints list every collection (only "private" collections are
  excluded): ours list what the user may choose or change, i.e. their own city's collection.
- The "page types usage" report names the last edited page of each type, whichever city it is in:
  administrators only.
"""

from django.core.exceptions import PermissionDenied
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.permissions import policy_registry


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
