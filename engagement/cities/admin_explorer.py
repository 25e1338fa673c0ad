"""The admin's page explorer (`/admin/pages/<id>/`), for a city section with 33 000 offers.

Wagtail's explorer costs two scans of the section on every view: it counts all children for its
pagination, and it narrows them with `pk IN (every page the user may explore)`, a subquery PostgreSQL
answers by reading the whole page table. Here:

- The count stops at `EXPLORER_COUNT_CAP` rows; the footer then says "Mehr als 1.000 Seiten" and the
  pages reach as far as the cap. Filtering or searching narrows the list below it.
- Where the page being explored lies inside a section the user may explore whole (a city editor in
  their city; administrators everywhere), every child is explorable: the subquery is left out. Anywhere
  else (the way down from the root to the own section), Wagtail's condition stays. Which pages are
  listed does not change (`tests/cities/test_admin_explorer.py` compares both).
- A page lists 20 children, as Wagtail's own page search does, not 50: the time of the explorer is
  Wagtail rendering each row with its menu of actions (about 5 ms a row).
- The rows share the site root paths the view read once. Each row's "Live ansehen" link asks for its
  page's address without a request, and Wagtail then reads those paths from the cache once per row.
"""

from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.models import Site

from engagement.counting import CappedPaginator

EXPLORER_COUNT_CAP = 1000


class CappedWagtailPaginator(CappedPaginator, WagtailPaginator):
    def __init__(self, object_list, per_page, **kwargs):
        super().__init__(object_list, per_page, cap=EXPLORER_COUNT_CAP, **kwargs)

    @cached_property
    def items_count_label(self):
        if self.capped:
            return _("Mehr als %(count)s Seiten") % {"count": f"{self.count:,}".replace(",", ".")}
        return super().items_count_label


class SectionExplorerView(ExplorableIndexView):
    paginator_class = CappedWagtailPaginator
    paginate_by = 20

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        site_root_paths = Site.get_site_root_paths()
        for page in context["object_list"]:
            # Where Wagtail keeps them when it computes a page's address without a request.
            page._wagtail_cached_site_root_paths = site_root_paths
        return context

    def get_base_queryset(self):
        if self.is_searching or self.is_filtering:
            return super().get_base_queryset()
        if not self.permission_policy.explores_whole_subtree(self.request.user, self.parent_page):
            return super().get_base_queryset()
        return self.annotate_queryset(self.model._default_manager.child_of(self.parent_page))
