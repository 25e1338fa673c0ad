"""The ordered result list behind the search page and the JSON API (one place, so both agree).

A page of results costs a fixed number of queries, however many rows match: for a word search the
checks of matching.Words (cities, typos), two capped counts and either one ranking of the few known
matches or up to three windows (LIMIT/OFFSET); without words one count and one window. Nothing loads
more than twice `RESULT_CAP` ids into Python. The search page caps its counts at ``RESULT_CAP`` ("mehr als
1.000 Angebote"): counting every one of 17 000 substring hits at 100 000 opportunities would cost more
than finding the 20 shown.
"""

from django.core.cache import cache
from django.db import connection
from django.utils import timezone
from django.utils.functional import cached_property

from engagement.opportunities.models import OpportunityPage
from engagement.opportunities.page_cache import next_listing_change

from .matching import Words

RESULT_CAP = 1000
# How long the matches of a selection are kept (see `remembered_matches`): as long as its facet counts.
MATCHES_SECONDS = 120
MATCHES_KEY = "search:matches:{selection}"

ORDERINGS = {
    "newest": ["-first_published_at", "-pk"],
    "deadline": ["application_deadline", "-first_published_at"],
    "date": ["event_start", "-first_published_at"],
    "distance": ["nearness", "pk"],
}


def ordering(sort):
    """The ORDER BY of `sort`. Nearest first on PostgreSQL has no tiebreaker: an index that lists rows
    by distance (engagement/geo/nearest.py) cannot also order by id, and PostgreSQL would sort the whole
    circle again. Rows at exactly the same spot then come in the index's order."""
    if sort == "distance" and connection.vendor == "postgresql":
        return ["nearness"]
    return ORDERINGS.get(sort, ORDERINGS["newest"])


class PageRef:
    """A result known by its id only; the cards load their rows for one page at a time."""

    def __init__(self, pk):
        self.pk = pk


def capped_count(queryset, limit):
    """The number of rows, but counting stops after `limit + 1` (enough to say "more than `limit`")."""
    queryset = queryset.order_by()
    return queryset.count() if limit is None else queryset[: limit + 1].count()


def capped_hits(opportunities, text, part, limit):
    """The ids of `part` (the `opportunities` that are full-text hits of `text`), at most `limit + 1`.

    First from a sample of the index table (`text.some_ids`): if it holds every hit, or enough offers
    that pass the filters to exceed the cap, the filters are tested on a list of ids. Asked as one
    query, PostgreSQL hashed every hit first (12 700 rows of the index table for "Kinder" at 100 000
    offers, 100–600 ms). Only a frequent word under narrow filters still takes the part's own query.
    """
    size = limit + 1 + (limit + 1) // 4  # enough when at least four in five hits pass the filters
    sample = text.some_ids(size)
    if sample is not None:
        hits = list(opportunities.filter(pk__in=sample).order_by().values_list("pk", flat=True)[: limit + 1])
        if len(sample) < size or len(hits) > limit:
            return hits
    return list(part.order_by().values_list("pk", flat=True)[: limit + 1])


def capped_matches(opportunities, words, limit):
    """The ids of the `opportunities` that match `words`, at most `limit + 1` (enough to say "more").

    The full-text hits (`capped_hits`), then the substring hits, each from its own index, united here:
    a substring hit that is a full-text hit too is simply counted once. Asking PostgreSQL for the
    substring hits that are *not* full-text hits tested every row's document (an anti-join on the
    index table, about 18 µs a row): two thirds of the 40 ms that "Betreuung" cost at 100 000 offers.
    Each query stops after `limit + 1` rows, so when neither reaches it, both lists are complete.
    """
    full_text = words.any_full_text
    ids = capped_hits(opportunities, full_text, opportunities.filter(pk__in=full_text.ids()), limit)
    if len(ids) > limit or words.any_substring is None:
        return ids
    known = set(ids)
    substring = opportunities.filter(words.any_substring).order_by().values_list("pk", flat=True)
    ids += [pk for pk in substring[: limit + 1] if pk not in known]
    return ids


def remembered_matches(selection, opportunities, words, limit):
    """`capped_matches`, kept for the next request of the same selection (see `remembered`)."""
    return remembered(selection, "all", limit, lambda: capped_matches(opportunities, words, limit))


def remembered(selection, kind, limit, find):
    """The ids `find()` returns, kept for the next request of the same selection: its next page, another
    order, the other language, a city's own host, and the same page once the page cache let it go.
    `selection` is the search's selection key (facets.py): the filters, the words and the generation of
    every city's offers, which a change of an offer or of an organisation raises, so a change is never
    served from here. Offers also drop out of the list by the clock (a deadline at midnight, a one-off
    date that passes): entries live `MATCHES_SECONDS` at most, and never past the next such moment
    (`next_listing_change`). `kind` names what is kept (every match, the title matches). Without
    `selection`, nothing is kept."""
    if selection is None:
        return find()
    key = MATCHES_KEY.format(selection=f"{selection}:{kind}:{limit}")
    ids = cache.get(key)
    if ids is None:
        ids = find()
        now = timezone.now()
        until = next_listing_change()  # midnight, or earlier when a listed one-off date passes
        cache.set(key, ids, max(1, min(MATCHES_SECONDS, int((until - now).total_seconds()))))
    return ids


class Sorted:
    """Matches in one order (all but word relevance), as the paginator wants them: a count and windows.

    Both choose the plan that suits how many rows match, so that neither tests every row of a filter:

    - The count fetches the ids of the matches, at most `count_limit + 1`: without words from the
      filtered offers, with words the full-text hits and the substring hits, each answered from its
      own index (`capped_matches`). Asked in one OR, PostgreSQL could use neither index and tested
      every row of the filters: 126 ms for a word that matches nothing within 10 km of Ettlingen among
      100 000 offers.
    - When the matches fit under the cap, their ids are known and the window sorts just these
      (`among`: the order without any filter, since the ids passed them all).
    - When there are more, matches are dense: the window walks an index in the order of the sort
      (`walk`: newest, nearest, …) and stops after one page. For nearest first `walk` has no bounding
      box, or PostgreSQL would rather sort every row of the box than walk the GiST index.

    Without `count_limit` (the API) the count is exact and the window always walks.
    """

    def __init__(self, opportunities, words, walk, among, count_limit=None, selection=None):
        self.opportunities = opportunities
        self.words = words
        self.selection = selection
        self.walk = walk
        self.among = among
        self.count_limit = count_limit
        self.capped = False
        self.ids = None

    def count(self):
        if self.count_limit is None:
            parts = self.words.parts(self.opportunities) if self.words else [self.opportunities]
            return sum(part.order_by().count() for part in parts)
        if self.words:
            ids = remembered_matches(self.selection, self.opportunities, self.words, self.count_limit)
        else:
            ids = list(self.opportunities.order_by().values_list("pk", flat=True)[: self.count_limit + 1])
        if len(ids) > self.count_limit:
            self.capped = True
            return self.count_limit
        self.ids = ids
        return len(ids)

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        rows = self.walk if self.ids is None else self.among.filter(pk__in=self.ids)
        return [PageRef(pk) for pk in rows.values_list("pk", flat=True)[window]]


class WordMatches:
    """The words in relevance order: by how many concepts of the query an offer matches, best first
    (see matching.Words.ranked).

    The paginator asks for the count and one window; each is answered by LIMITed queries whose number
    does not grow with the page size or the result count:

    - The count fetches the ids of the matches (full-text hits and substring hits, `capped_matches`),
      at most `RESULT_CAP + 1`.
    - When they fit under the cap (every city's offers, and most searches), the few known rows are
      ranked in full: matched concepts, typed words before related ones, title before teaser before
      description, newest last (one query).
    - When there are more, matches are dense and ranking all of them would cost more than showing them
      (at 100 000 offers "Kinder" is in 12 700 texts: reading and ranking their index rows took
      0.6 s): the window takes the offers whose *title* matches every concept first, from the title's
      own index, in Wagtail's rank (newest first if they are more than the cap too), then every other
      match newest first, walking the newest-first index and stopping after one page. For one word
      that is the order of the known rows but for related words and words deep in the description.
    """

    def __init__(self, opportunities, words, count_limit=None, selection=None):
        self.opportunities = opportunities
        self.words = words
        self.selection = selection
        self.count_limit = count_limit
        self.capped = False
        self.titles = words.all_full_text.in_title()
        # Only walked when matches are dense: an EXISTS per row finds a page of them after a few rows.
        rest = opportunities.filter(words.condition()).exclude(self.titles.row_matches())
        self.rest = rest.order_by(*ordering("newest"))

    @property
    def limit(self):
        return RESULT_CAP if self.count_limit is None else min(self.count_limit, RESULT_CAP)

    @cached_property
    def known(self):
        """The ids of every match, ranked, if there are at most RESULT_CAP; else None."""
        ids = remembered_matches(self.selection, self.opportunities, self.words, self.limit)
        return None if len(ids) > self.limit else self.words.ranked(ids)

    @cached_property
    def title_hits(self):
        """The ids of the offers whose title matches every concept, at most `limit + 1`; kept with the
        matches of the selection."""
        part = self.opportunities.filter(pk__in=self.titles.ids())
        return remembered(
            self.selection,
            "titles",
            self.limit,
            lambda: capped_hits(self.opportunities, self.titles, part, self.limit),
        )

    def count(self):
        if self.known is not None:
            return len(self.known)
        if self.count_limit is None:
            return sum(part.order_by().count() for part in self.words.parts(self.opportunities))
        self.capped = True
        return self.count_limit

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        if self.known is not None:
            return [PageRef(pk) for pk in self.known[window]]
        start, stop = window.start or 0, window.stop
        size = stop - start
        if len(self.title_hits) <= self.limit:
            among = OpportunityPage.objects.filter(pk__in=self.title_hits)
            head = self.titles.ranked_window(among, start, stop)
        else:  # titles dense too: newest first, stopping after one page
            newest = self.opportunities.filter(self.titles.row_matches()).order_by(*ordering("newest"))
            head = list(newest.values_list("pk", flat=True)[start:stop])
        tail = []
        if len(head) < size:
            offset = max(0, start - len(self.title_hits))
            tail = list(self.rest.values_list("pk", flat=True)[offset : offset + size - len(head)])
        return [PageRef(pk) for pk in head + tail]


def ordered_results(opportunities, query, sort, circle=None, count_limit=None, selection=None):
    """Filtered opportunities narrowed by the words (any of them, full text plus substrings; see
    matching.py) and by `circle` (an engagement.geo.circle.Circle), in the chosen order, as a sequence
    for Django's paginator. `count_limit` caps the count (see `RESULT_CAP`); with `selection` (the
    search's selection key) the capped matches of words are kept for the next request
    (`remembered_matches`)."""
    walk, among = opportunities, OpportunityPage.objects.all()
    if circle is not None:
        walk = circle.filter(opportunities, box=sort != "distance")
        among = circle.filter(among, box=False)
        opportunities = circle.filter(opportunities)
    words = Words(query) if query else None
    if words is not None and sort == "relevance":
        return WordMatches(opportunities, words, count_limit, selection)
    if words is not None:
        walk = walk.filter(words.condition())
    among = among.order_by(*ORDERINGS.get(sort, ORDERINGS["newest"]))  # known ids: always a tiebreaker
    return Sorted(opportunities, words, walk.order_by(*ordering(sort)), among, count_limit, selection)
