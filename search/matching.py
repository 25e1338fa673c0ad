"""The words of a search as conditions on opportunities, each answered from an index.

`Words(query)` reads the query into concepts (words.py: forms, related words, places, typos) and turns
them into the two index-backed matches the search has always used:

- **full text** on Wagtail's index table (German stemming, title/teaser/description weights), one
  tsquery with every alternative of every concept OR-ed (`any_full_text`), served by the GIN index
  ``search_entry_document`` on PostgreSQL and by FTS5 on SQLite;
- **substring** of the lower-cased `search_text` column (compounds.py), every alternative a LIKE,
  served by the trigram GIN index on PostgreSQL (`any_substring`).

An offer is found when it matches at least one concept (`word_condition`, also what the facet counts
count); results.py ranks by how many it matches. Expansion adds alternatives to the same two matches,
never a condition PostgreSQL would have to test row by row.
"""

import copy
import re

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchRank, SearchVectorField
from django.core.exceptions import EmptyResultSet
from django.db import connection, connections, router
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres.postgres import IndexEntry
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, PlainText

from engagement.cities.models import CityPage
from engagement.opportunities.models import OpportunityPage

from .compounds import contains, substring_condition
from .words import Vocabulary, concepts

NOT_A_WORD = re.compile(r"[^\w\s-]|_")
# Typos are corrected to words of the newest offers (and of the word list): all of them on a city's
# platform; at 100 000 offers reading every row for the vocabulary took seconds (2 s at 10 000 on the
# loaded test machine), the newest 2 000 a fraction of that.
VOCABULARY_OFFERS = 2000
PROBE = 50


class FullText:
    """Wagtail's full-text match (German stemming, weights) through its public search API: the
    fallback for SQLite and any other database. `query`: text (all its words) or a Wagtail query
    (`And`, `Or`, `PlainText`)."""

    def __init__(self, query):
        if isinstance(query, str):
            # Wagtail's SQLite backend quotes every word for FTS5 without escaping a double quote inside
            # it, so `Kinder"` was a syntax error (500). FTS5's tokenizer drops punctuation anyway: the
            # word without its quotes finds the same rows.
            query = " ".join(query.replace('"', " ").split()) or None
        self.query = query

    def ids(self):
        """A subquery of the ids of all matching opportunities (unranked)."""
        if not self.query:
            return OpportunityPage.objects.none().values("pk")
        results = OpportunityPage.objects.search(self.query, order_by_relevance=False)
        return results.get_queryset().values("pk")

    def row_matches(self):
        """A condition on opportunities: this row is a full-text hit."""
        return Q(pk__in=self.ids())

    def probe(self, size):
        """At most `size` rows of hits (whether there is any)."""
        return OpportunityPage.objects.filter(pk__in=self.ids()).order_by().values("pk")[:size]

    def in_title(self):
        """The hits whose title matches (on PostgreSQL, from the title's own GIN index); elsewhere every
        hit, as Wagtail's search API has no index of its own for a field."""
        return self

    def some_ids(self, size):
        """Up to `size` ids of hits among all pages, in no order, straight from the index; None where
        the index cannot answer that alone."""
        return None

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
        self.tsquery = None
        backend = get_search_backend()
        document = CombinedExpression(F("title"), "||", F("body"), output_field=SearchVectorField())
        self.entries = IndexEntry.objects.filter(
            content_type_id=ContentType.objects.get_for_model(OpportunityPage).pk
        ).alias(document=document)
        if self.query:
            compiler = backend.query_compiler_class(OpportunityPage.objects.all(), self.query)
            self.tsquery = compiler.build_tsquery(compiler.query, config=compiler.get_config(backend))
        self.all_entries = self.entries
        if self.tsquery is not None:
            self.entries = self.entries.filter(document=self.tsquery)
            weights = compiler.sql_weights
            self.rank = SearchRank(F("title"), self.tsquery, weights=weights) * F("title_norm") + SearchRank(
                F("body"), self.tsquery, weights=weights
            )

    def in_title(self):
        """The same query on the titles only, answered from the GIN index of the title column (few
        rows to read, where the hits of a frequent word in any text are a tenth of the table)."""
        titles = copy.copy(self)
        if self.tsquery is not None:
            titles.entries = self.all_entries.filter(title=self.tsquery)
        return titles

    def some_ids(self, size):
        # LIMIT stops the scan of the index table after `size` rows: no hash of every hit (12 700 rows
        # of "Kinder" at 100 000 offers), and the ids are a list whose length the planner knows.
        if self.tsquery is None:
            return []
        return [int(pk) for pk in self.entries.order_by().values_list("object_id", flat=True)[:size]]

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

    def probe(self, size):
        if self.tsquery is None:
            return OpportunityPage.objects.none().values("pk")
        return self.entries.order_by().values("pk")[:size]

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


def plain_text(alternatives):
    """A Wagtail query for any of the alternatives (a phrase: all its words); None if none is left."""
    queries = []
    for alternative in alternatives:
        words = NOT_A_WORD.sub(" ", alternative).split()
        if words:
            queries.append(PlainText(" ".join(words)))
    if not queries:
        return None
    return queries[0] if len(queries) == 1 else Or(queries)


def found(text_match):
    """A boolean column: the row is in `text_match` (a FullText)."""
    return Case(
        When(text_match.row_matches(), then=Value(True)), default=Value(False), output_field=BooleanField()
    )


class Words:
    """The concepts of a query and their conditions (see the module's docstring)."""

    def __init__(self, query):
        self.concepts = concepts(query, cities=CityPage.objects.live().values_list("pk", "title"))
        self._correct_typos()
        every = [plain_text(concept.alternatives) for concept in self.concepts]
        self.any_full_text = full_text(plain_text([a for c in self.concepts for a in c.alternatives]))
        every = [query for query in every if query is not None]
        if len(every) == len(self.concepts) and len(every) > 1:
            self.all_full_text = full_text(And(every))
        elif len(self.concepts) == 1:
            self.all_full_text = self.any_full_text
        else:  # a concept without a word for the full text: no offer matches all concepts by full text
            self.all_full_text = full_text(None)
        self.any_substring = substring_condition([a for c in self.concepts for a in c.alternatives])

    def __bool__(self):
        return bool(self.concepts)

    def _correct_typos(self):
        """Adds the nearest known words to each concept found nowhere (one query for all concepts)."""
        candidates = [
            concept
            for concept in self.concepts
            if not concept.city_id and len(concept.text) >= 5 and " " not in concept.text
        ]
        if not candidates:
            return
        missing = [
            concept
            for concept, found in zip(candidates, self._found_anywhere(candidates), strict=True)
            if not found
        ]
        if not missing:
            return
        vocabulary = Vocabulary.of_offers(
            lambda: (
                OpportunityPage.objects.listed()
                .order_by("-first_published_at")
                .values_list("search_text", flat=True)[:VOCABULARY_OFFERS]
            )
        )
        for concept in missing:
            concept.related += [
                word for word in vocabulary.corrections(concept.text) if word not in concept.forms
            ]

    @staticmethod
    def _found_anywhere(concepts):
        """Whether each concept is in some offer, by substring or full text. Each test counts at most
        PROBE rows rather than asking EXISTS: for EXISTS (LIMIT 1) PostgreSQL expects a match early and
        reads the whole table when there is none (a typo: 170 ms at 10 000 offers), for a few rows it
        asks the trigram and full-text indexes, and stops early in a sequential scan only for words
        that are everywhere."""
        probes, params = [], []
        for concept in concepts:
            condition = substring_condition(concept.alternatives)
            rows = [full_text(plain_text(concept.alternatives)).probe(PROBE)]
            if condition is not None:
                rows.append(OpportunityPage.objects.filter(condition).order_by().values("pk")[:PROBE])
            sql = []
            for queryset in rows:
                try:
                    text, values = queryset.query.sql_with_params()
                except EmptyResultSet:
                    continue
                sql.append(f"(SELECT COUNT(*) FROM ({text}) AS probe)")
                params.extend(values)
            probes.append(" + ".join(sql) or "0")
        with connections[router.db_for_read(OpportunityPage)].cursor() as cursor:
            cursor.execute("SELECT " + ", ".join(probes), params)
            return [bool(count) for count in cursor.fetchone()]

    # --- Conditions -------------------------------------------------------------------------------

    def condition(self):
        """Rows that match at least one concept (full text or substring)."""
        if not self.concepts:
            return Q(pk__in=[])  # words without a letter or digit ("-") find nothing
        condition = self.any_full_text.row_matches()
        return condition if self.any_substring is None else condition | self.any_substring

    def parts(self, opportunities):
        """The rows of `condition()` in two disjoint parts, each answered from its own index: the
        full-text hits, and the substring hits that are not."""
        full_text_hits = opportunities.filter(pk__in=self.any_full_text.ids())
        if self.any_substring is None:
            return [full_text_hits]
        return [
            full_text_hits,
            opportunities.filter(self.any_substring).exclude(self.any_full_text.row_matches()),
        ]

    # --- Ranking a few known rows ---------------------------------------------------------------

    def ranked(self, ids):
        """The `ids` (few: at most the result cap) best first: by the concepts matched (a place counts
        half); then by those in the title as typed, those in the title at all (a related word in the
        title says more than the word itself deep in the description), those matched as typed
        anywhere, those in title, teaser or topics, those matched as typed whole words (full text); then
        newest first."""
        flags = {}
        for index, concept in enumerate(self.concepts):
            flags[f"any_{index}"] = found(full_text(plain_text(concept.alternatives)))
            flags[f"typed_{index}"] = found(full_text(plain_text(concept.forms)))
        rows = (
            OpportunityPage.objects.filter(pk__in=ids)
            .annotate(**flags)
            .values("pk", "title", "search_text", "city_id", "first_published_at", *flags)
        )
        return [row["pk"] for row in sorted(rows, key=self._sort_key)]

    def _sort_key(self, row):
        text, title = row["search_text"] or "", (row["title"] or "").lower()
        matched = typed_in_title = in_title = typed = in_text = whole = 0
        for index, concept in enumerate(self.concepts):
            alternatives = concept.alternatives
            is_in_text = contains(text, alternatives)
            if row[f"any_{index}"] or is_in_text or (concept.city_id and row["city_id"] == concept.city_id):
                matched += concept.weight
            if row[f"typed_{index}"] or contains(text, concept.forms):
                typed += 1
            typed_in_title += contains(title, concept.forms)
            in_title += contains(title, alternatives)
            in_text += is_in_text
            whole += row[f"typed_{index}"]
        published = row["first_published_at"].timestamp() if row["first_published_at"] else 0
        return (-matched, -typed_in_title, -in_title, -typed, -in_text, -whole, -published, -row["pk"])


def word_condition(query):
    """The one word predicate: rows that match at least one concept of `query`; None without words.
    The result list and the facet counts use it, so that both count the same offers."""
    return Words(query).condition() if query else None
