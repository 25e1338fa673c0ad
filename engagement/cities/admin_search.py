"""The admin's page search (`/admin/pages/search/`), every count taken from its one facet query.

Wagtail's search view runs the full-text search over the editor's explorable pages four times: the
page-type facet, the count for the pagination, the page of results, and once more the count of
"all pages" for the heading. Every count is already in the facet: it counts the same matches (same
pages, same live filter) by page type, so "all pages" is its sum and the listed pages, with or without
a chosen type, are that type's share or the sum. Left are two queries: the facet and the page of
results. Which pages are searched (the user's own sections, as Wagtail's page permission policy says)
does not change.
"""

from wagtail.admin.views.pages.search import SearchView


class FacetTotal:
    """What the results template asks of "all pages": how many there are (`all_pages.count`)."""

    def __init__(self, total):
        self.total = total

    def count(self):
        return self.total


class PageSearchView(SearchView):
    def get_queryset(self):
        pages = super().get_queryset()
        self.facet_total = sum(count for _content_type, count in self.content_types)
        if self.selected_content_type is None:
            self.listed_total = self.facet_total
        else:
            by_type = {content_type.pk: count for content_type, count in self.content_types}
            self.listed_total = by_type.get(self.selected_content_type.pk, 0)
        return pages

    def get_paginator(self, queryset, per_page, **kwargs):
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        if queryset.supports_facet:
            paginator.count = self.listed_total  # the facet counted them; the paginator need not again
        return paginator

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.all_pages.supports_facet:
            context["all_pages"] = FacetTotal(self.facet_total)
        return context
