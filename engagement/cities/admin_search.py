"""The admin's page search (`/admin/pages/search/`), counting its matches once.

Wagtail's search view runs the full-text search over the editor's explorable pages four times: the
page-type facet, the count for the pagination, the page of results, and once more the count of
"all pages" for the heading. Without a chosen page type, "all pages" are exactly the listed pages,
so the heading reuses the pagination's count. Which pages are searched (the user's own sections, as
Wagtail's page permission policy says) does not change.
"""

from wagtail.admin.views.pages.search import SearchView


class PageSearchView(SearchView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.selected_content_type is None:
            context["all_pages"] = self.object_list  # already counted by the paginator
        return context
