from django.core.exceptions import PermissionDenied
from wagtail import hooks
from wagtail.models import AbstractPage
from wagtail.permissions import register_permission_policy

from .access import pages_visible_in_choosers
from .admin_scoping import (
    ScopedDocumentsAdminAPIViewSet,
    ScopedImagesAdminAPIViewSet,
    bulk_actions_without_foreign_titles,
)
from .page_permissions import SectionPagePermissionPolicy

# Replaces Wagtail's page policy (registered when wagtail.permissions is imported, above) for all pages.
register_permission_policy(AbstractPage, SectionPagePermissionPolicy())


@hooks.register("construct_page_chooser_queryset")
def hide_other_cities_drafts_from_choosers(pages, request):
    """Wagtail's page chooser lists the whole tree (wagtail#9714): close the leak of other cities' drafts."""
    return pages_visible_in_choosers(pages, request.user)


@hooks.register("construct_admin_api", order=100)  # after Wagtail's own registrations, to replace them
def scope_admin_api_media_to_own_collections(router):
    router.register_endpoint("images", ScopedImagesAdminAPIViewSet)
    router.register_endpoint("documents", ScopedDocumentsAdminAPIViewSet)


@hooks.register("construct_reports_menu")
def hide_cross_city_reports(request, menu_items):
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]


@hooks.register("before_move_page")
def refuse_to_confirm_moves_the_user_may_not_make(request, page, destination):
    """Wagtail's move confirmation (GET) names page and destination before checking any permission."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


# After Wagtail's own registrations (order 0), so that ours replace them in the registry.
for _scoped_action in bulk_actions_without_foreign_titles():
    hooks.register("register_bulk_action", _scoped_action, order=100)
