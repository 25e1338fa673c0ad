from wagtail import hooks

from .access import pages_visible_in_choosers
from .admin_scoping import ScopedDocumentsAdminAPIViewSet, ScopedImagesAdminAPIViewSet


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
