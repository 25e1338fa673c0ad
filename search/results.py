"""The ordered result list behind the search page and the JSON API (one place, so both agree).

A page of results costs a fixed number of queries, however many rows match: at most two counts and two
windows (LIMIT/OFFSET) for a word search, one count and one window otherwise. Nothing loads all matching
ids into Python. The search page caps its counts at ``RESULT_CAP`` ("mehr als 1.000 Angebote"): counting
every one of 17 000 substring hits at 100 000 opportunities would cost more than finding the 20 shown.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import CharField, Exists, F, IntegerField, OuterRef, Q, Subquery
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast
from django.utils.functional import cached_property
from wagtail.search.backends import get_search_backend

from engagement.opportunities.models import OpportunityPage

from .compounds import substring_condition

RESULT_CAP = 1000

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


class Sorted:
    """Matches in one order (all but word relevance), as the paginator wants them: a count and windows.

    Both choose the plan that suits how many rows match, so that neither tests every row of a filter:

    - The count fetches the ids of the matches, at most `count_limit + 1`, part by part: without words
      one part; with words the full-text hits and the compound-only hits, each answered from its own
      index (Wagtail's search index, the trigram index of `search_text`). Asked in one OR, PostgreSQL
      could use neither index and tested every row of the filters: 126 ms for a word that matches
      nothing within 10 km of Ettlingen among 100 000 offers.
    - When the matches fit under the cap, their ids are known and the window sorts just these
      (`among`: the order without any filter, since the ids passed them all).
    - When there are more, matches are dense: the window walks an index in the order of the sort
      (`walk`: newest, nearest, …) and stops after one page. For nearest first `walk` has no bounding
      box, or PostgreSQL would rather sort every row of the box than walk the GiST index.

    Without `count_limit` (the API) the count is exact and the window always walks.
    """

    def __init__(self, parts, walk, among, count_limit=None):
        self.parts = parts
        self.walk = walk
        self.among = among
        self.count_limit = count_limit
        self.capped = False
        self.ids = None

    def count(self):
        if self.count_limit is None:
            return sum(part.order_by().count() for part in self.parts)
        ids = []
        for part in self.parts:
            ids += part.order_by().values_list("pk", flat=True)[: self.count_limit + 1 - len(ids)]
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


class FullText:
    """Wagtail's full-text match (German stemming, weights) through its public search API: the
    fallback for SQLite and any other database."""

    def __init__(self, query):
        # Wagtail's SQLite backend quotes every word for FTS5 without escaping a double quote inside it,
        # so `Kinder"` was a syntax error (500). FTS5's tokenizer drops punctuation anyway: the word
        # without its quotes finds the same rows.
        self.query = " ".join(query.replace('"', " ").split())

    def ids(self):
        """A subquery of the ids of all matching opportunities (unranked)."""
        if not self.query:
            return OpportunityPage.objects.none().values("pk")
        results = OpportunityPage.objects.search(self.query, order_by_relevance=False)
        return results.get_queryset().values("pk")

    def row_matches(self):
        """A condition on opportunities: this row is a full-text hit."""
        return Q(pk__in=self.ids())

    def ranked_window(self, opportunities, start, stop):
        """Ids of the matching `opportunities` from rank `start` to `stop`, best first."""
        if not self.query:
            return []
        matches = OpportunityPage.objects.filter(pk__in=opportunities.values("pk")).search(self.query)
        return [match.pk for match in matches[start:stop]]


class PostgresFullText(FullText):
    """The same match and rank as Wagtail's PostgreSQL backend, written against its index table so that
    PostgreSQL can use a GIN index and rank only what it shows.

    Wagtail joins every opportunity to its index entry through a text cast of the id (no index can serve
    that join) and filters on ``title || body`` (which no index covered): at 10 000 opportunities that
    alone was a sequential scan of both tables per query. Here the match is a subquery on the index
    table, served by the expression index ``search_entry_document`` (migration
    ``opportunities/0004_search_indexes``), and the rank (Wagtail's expression: title rank times
    ``title_norm`` plus body rank, with its weights) is computed per matching row and sorted with LIMIT.
    """

    def __init__(self, query):
        super().__init__(query)
        from django.contrib.postgres.search import SearchRank, SearchVectorField
        from modelsearch.backends.database.postgres.postgres import IndexEntry

        backend = get_search_backend()
        compiler = backend.query_compiler_class(OpportunityPage.objects.all(), query)
        self.tsquery = compiler.build_tsquery(compiler.query, config=compiler.get_config(backend))
        document = CombinedExpression(F("title"), "||", F("body"), output_field=SearchVectorField())
        self.entries = IndexEntry.objects.filter(
            content_type_id=ContentType.objects.get_for_model(OpportunityPage).pk
        ).alias(document=document)
        if self.tsquery is not None:
            self.entries = self.entries.filter(document=self.tsquery)
            weights = compiler.sql_weights
            self.rank = SearchRank(F("title"), self.tsquery, weights=weights) * F("title_norm") + SearchRank(
                F("body"), self.tsquery, weights=weights
            )

    def ids(self):
        if self.tsquery is None:
            return OpportunityPage.objects.none().values("pk")
        # The cast stays in the select list, where only rows of opportunities (numeric ids) reach it.
        return self.entries.values(opportunity_id=Cast("object_id", IntegerField()))

    def row_matches(self):
        # EXISTS per row rather than IN (list): inside an OR or under NOT, an IN list made PostgreSQL
        # hash both tables and sort every hit, where EXISTS lets it walk the newest rows through an
        # index and stop after one page (1 ms instead of 65 ms at 10 000 opportunities).
        if self.tsquery is None:
            return Q(pk__in=[])
        return Q(Exists(self.entries.filter(object_id=Cast(OuterRef("pk"), CharField()))))

    def ranked_window(self, opportunities, start, stop):
        if self.tsquery is None:
            return []
        rank = Subquery(
            self.entries.filter(object_id=Cast(OuterRef("pk"), CharField())).values_list(self.rank)[:1]
        )
        return list(
            opportunities.filter(pk__in=self.ids())
            .annotate(search_rank=rank)
            .order_by(F("search_rank").desc(nulls_last=True), "-pk")
            .values_list("pk", flat=True)[start:stop]
        )


def full_text(query):
    if connection.vendor == "postgresql":
        return PostgresFullText(query)
    return FullText(query)


class Words:
    """What the search words match: the one predicate behind the result list, its count and the facet
    counts (search/facets.py), so that a number beside a filter is what choosing it gives.

    A row matches when it is a full-text hit (German stemming) or holds every word inside a compound
    (compounds.py). The same set comes in two shapes: `condition()` (one Q, for a walk in some order)
    and `parts(rows)` (disjoint querysets whose union it is, each answered from its own index: in one OR
    PostgreSQL could use neither).
    """

    def __init__(self, query):
        self.query = query
        self.full_text = full_text(query)
        self.compounds = substring_condition(query)

    def condition(self):
        condition = self.full_text.row_matches()
        return condition if self.compounds is None else condition | self.compounds

    def full_text_hits(self, rows):
        return rows.filter(pk__in=self.full_text.ids())

    def compound_only(self, rows):
        """Rows that hold the words only inside compounds (none without a word long enough)."""
        if self.compounds is None:
            return rows.none()
        return rows.filter(self.compounds).exclude(self.full_text.row_matches())

    def parts(self, rows):
        return [self.full_text_hits(rows), self.compound_only(rows)]


class WordMatches:
    """The words in relevance order: full-text hits by rank (title above teaser, categories and
    organisation above description), then hits only inside compounds (see compounds.py), newest first.

    The paginator asks for the count and one window; each is answered by LIMITed queries, the same four
    for every page size and result count: two counts, the ranked full-text window and the window of
    compound-only hits that follows it.
    """

    def __init__(self, opportunities, query, count_limit=None):
        self.opportunities = opportunities
        self.count_limit = count_limit
        self.capped = False
        words = Words(query)
        self.full_text = words.full_text
        self.full_text_hits = words.full_text_hits(opportunities)
        self.compound_only = words.compound_only(opportunities).order_by(*ordering("newest"))

    @cached_property
    def counts(self):
        return (
            capped_count(self.full_text_hits, self.count_limit),
            capped_count(self.compound_only, self.count_limit),
        )

    def count(self):
        total = sum(self.counts)
        if self.count_limit is not None and total > self.count_limit:
            self.capped = True
            return self.count_limit
        return total

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        start, stop = window.start or 0, window.stop
        size = stop - start
        head = self.full_text.ranked_window(self.opportunities, start, stop)
        offset = max(0, start - self.counts[0])
        tail = list(self.compound_only.values_list("pk", flat=True)[offset : offset + size])
        return [PageRef(pk) for pk in (head + tail)[:size]]


def ordered_results(opportunities, query, sort, circle=None, count_limit=None):
    """Filtered opportunities narrowed by the words (full text plus compound parts) and by `circle` (an
    engagement.geo.circle.Circle), in the chosen order, as a sequence for Django's paginator.
    `count_limit` caps the count (see `RESULT_CAP`)."""
    walk, among = opportunities, OpportunityPage.objects.all()
    if circle is not None:
        walk = circle.filter(opportunities, box=sort != "distance")
        among = circle.filter(among, box=False)
        opportunities = circle.filter(opportunities)
    if query and sort == "relevance":
        return WordMatches(opportunities, query, count_limit)
    parts = [opportunities]
    if query:
        words = Words(query)
        parts = words.parts(opportunities)
        walk = walk.filter(words.condition())
    among = among.order_by(*ORDERINGS.get(sort, ORDERINGS["newest"]))  # known ids: always a tiebreaker
    return Sorted(parts, walk.order_by(*ordering(sort)), among, count_limit)
