"""One search: a query string read and validated once, in the city of the host or section.

Every entry point goes through `SearchQuery`: the search page (`/suche/`, `/<stadt>/suche/`), its Atom
feed, the JSON API, and whatever keeps a search for later (alerts, the Engagement-Finder) - those store
the query string and the city and rebuild the same object without a request::

    search = SearchQuery("q=Lesen&near=76275", city=bretten)
    if search.is_valid:
        cards = search.feed_items()

The words, filters and place are parsed by the one `OpportunityFilterSet` and `SearchForm`
(filters.py); the order and windows come from results.py, the counts beside the filters from
facets.py, the links of an empty result from widening.py. The geometry (circle, box, nearest first)
is engagement/geo/circle.py.
"""

from django.core.paginator import Paginator
from django.http import QueryDict
from django.urls import reverse
from django.utils.functional import cached_property

from engagement.cities.sites import city_for_request
from engagement.operations.alongside import alongside
from engagement.opportunities.models import OpportunityPage

from .facets import CountsPending, facet_counts, selection_key
from .filters import OpportunityFilterSet, SearchForm
from .results import RESULT_CAP, ordered_results
from .widening import widening_links


class SearchQuery:
    def __init__(self, params=None, *, city=None, opportunities=None):
        """`params`: the query string, as a QueryDict or as text (a stored search); `city`: the city of
        the host or section (a CityPage) or None. In a city the search starts there unless the query
        string chooses cities itself (an empty `city`: "In der ganzen Region") or says `region=1`.
        `opportunities`: the offers searched, by default those citizens may find right now."""
        if not isinstance(params, QueryDict):
            params = QueryDict(params or "")
        if city is not None and "city" not in params and not params.get("region"):
            params = params.copy()
            params.setlist("city", [city.slug])
        self.params = params
        self.city = city
        self.form = SearchForm(params)
        # Only the offers citizens may find right now are the same for every request of a selection
        # (results.remembered_matches); a feed's or an alert's own offers are not kept.
        self.shared_offers = opportunities is None
        if opportunities is None:
            opportunities = OpportunityPage.objects.listed()
        self.filterset = OpportunityFilterSet(params, queryset=opportunities)
        # Both always, so that every mistake is named at once.
        self.is_valid = self.form.is_valid() & self.filterset.is_valid()

    @classmethod
    def for_request(cls, request, section_city=None):
        """The search of a request to the search page or its feed: in the section's city, else in the
        city of the host (none on the portal)."""
        return cls(request.GET, city=section_city or city_for_request(request))

    # --- What was asked -------------------------------------------------------------------------

    @cached_property
    def errors(self):
        """The German messages per parameter (`{"radius": ["Der Umkreis muss ..."]}`); empty if valid."""
        errors = {}
        for form in (self.form, self.filterset.form):
            for field, messages in form.errors.items():
                errors.setdefault(field, []).extend(str(message) for message in messages)
        return errors

    @property
    def messages(self):
        return [message for messages in self.errors.values() for message in messages]

    @property
    def words(self):
        return self.form.cleaned_data["query"]

    @property
    def circle(self):
        """The circle around the place asked for (engagement.geo.circle.Circle), or None."""
        return self.form.cleaned_data["circle"]

    @property
    def origin(self):
        return self.circle.origin if self.circle else None

    def sort(self, default=None):
        """The order asked for; else `default` if given; else best matches for words, nearest first
        for a place, newest first otherwise."""
        return self.form.chosen_sort(default)

    @property
    def chosen_cities(self):
        return list(self.filterset.form.cleaned_data.get("city") or [])

    @cached_property
    def cities(self):
        """Every city one may choose, in the order the filters show them."""
        return list(self.filterset.filters["city"].queryset)

    # --- What it finds ---------------------------------------------------------------------------

    def results(self, sort=None, count_limit=None):
        """The matching offers in the chosen order (or `sort`), as a sequence for Django's paginator whose
        items know their id only (see results.py); `count_limit` caps the count, and then the matches of
        words are kept for the next request of this selection (results.remembered_matches)."""
        return ordered_results(
            self.filterset.qs,
            self.words,
            sort or self.sort(),
            self.circle,
            count_limit=count_limit,
            selection=self.selection_key
            if count_limit is not None and self.words and self.shared_offers
            else None,
        )

    def cards(self, results):
        """The offers of `results` (a window of them) with what a card shows, in a fixed number of
        queries, each with its distance from the place asked for (`distance_km`, else None)."""
        by_pk = (
            OpportunityPage.objects.filter(pk__in=[result.pk for result in results]).for_listing().in_bulk()
        )
        cards = [by_pk[result.pk] for result in results if result.pk in by_pk]
        for card in cards:
            card.distance_km = (
                self.circle.distance_km(card.latitude, card.longitude)
                if self.circle and card.has_coordinates
                else None
            )
        return cards

    def page(self, number, size, count_limit=RESULT_CAP):
        """Page `number` of the results (the last for a number too high, the first for none), its
        `object_list` the cards; `page.paginator.object_list.capped` tells whether the count stopped
        at `count_limit`."""
        page = Paginator(self.results(count_limit=count_limit), size).get_page(number)
        page.object_list = self.cards(page.object_list)
        return page

    def feed_items(self, size):
        """The `size` first cards for a feed: a feed is read by date, so newest first unless the query
        string asks for another order."""
        return self.cards(self.results(sort=self.sort(default="newest"), count_limit=RESULT_CAP)[:size])

    @cached_property
    def selection_key(self):
        """The cache key of what the filter panel shows (see facets.selection_key)."""
        return selection_key(self.params, self.words)

    def facet_counts(self, budget_ms=None, count=True):
        """How many offers each city, topic and schedule would give, the words included (cached per
        selection and city). None when counting would take longer than `budget_ms` (facets.py; the
        search page then asks a worker, tasks.count_facets_later), or, without `count`, when they are
        not in the cache."""
        try:
            return facet_counts(
                self.filterset,
                self.cities,
                self.circle,
                self.words,
                self.params,
                budget_ms=budget_ms,
                count=count,
            )
        except CountsPending:
            return None

    def facet_counts_alongside(self, budget_ms=None, count=True):
        """`facet_counts`, started on a second database connection (engagement/operations/alongside.py):
        the request finds and loads its results meanwhile, and `.result()` waits for the counts."""
        self.cities, self.filterset.qs  # noqa: B018 - built here, not in two threads at once
        return alongside(lambda: self.facet_counts(budget_ms=budget_ms, count=count), OpportunityPage)

    def refresh_facet_counts(self):
        return facet_counts(self.filterset, self.cities, self.circle, self.words, self.params, refresh=True)

    def widening_links(self, path):
        """Links for a search without results, each taking one narrowing away (see widening.py)."""
        return widening_links(path, self.params, self.form, self.filterset)

    def feed_url(self, view="search_feed"):
        """The address of this search's Atom feed (or of its calendar, `view="search_calendar"`), the
        city of the section or host included."""
        params = self.params.copy()
        params.pop("page", None)
        return f"{reverse(view)}?{params.urlencode()}" if params else reverse(view)

    def calendar_url(self):
        return self.feed_url("search_calendar")
