from wagtail import hooks

from .access import pages_visible_in_choosers


@hooks.register("construct_page_chooser_queryset")
def hide_other_cities_drafts_from_choosers(pages, request):
    """Wagtail's page chooser lists the whole tree (wagtail#9714): close the leak of other cities' drafts."""
    return pages_visible_in_choosers(pages, request.user)
