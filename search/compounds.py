"""German compounds: stemming alone misses them, so the full-text match is joined by a substring match.

PostgreSQL's ``german`` configuration stems "Kindern" to "kind" but keeps "Kinderbetreuung" and
"Grundschulkinder" as whole words, so ``search("Kinder")`` misses them and ``search("Betreuung")`` misses
"Hundebetreuung". Citizens type exactly such parts of words. We therefore also match every word of the
query as a case-insensitive substring of title, teaser or a category name (``icontains``: ILIKE on
PostgreSQL, LIKE on SQLite). Ranking stays with the full text: its hits come first in Wagtail's order
(title above teaser above description), substring-only hits follow, newest first (see results.py). On
PostgreSQL the migration adds ``pg_trgm`` and trigram GIN indexes so that a rare word does not scan the
table. SQLite has no German stemming at all (FTS5), so there "Kindern" finds "Kinder" only through the
substring match of the shorter word, not the other way round; LIKE there folds case for ASCII letters only
(Ä/ä differ).
"""

from django.db.models import Exists, OuterRef, Q

from engagement.opportunities.models import OpportunityPage

MIN_PART_LENGTH = 3


def substring_condition(query):
    """Title, teaser or a category contains every word of the query (as part of a word); None if the
    query has no word long enough to be worth matching inside other words."""
    words = [word for word in query.split() if len(word) >= MIN_PART_LENGTH]
    if not words:
        return None
    categorised = OpportunityPage.categories.through.objects
    condition = Q()
    for word in words:
        # EXISTS, not IN: with a correlated test PostgreSQL can walk the newest pages through an index
        # and stop after one page of hits; an IN list inside the OR forced it to scan and sort all rows.
        in_category = Exists(
            categorised.filter(opportunitypage_id=OuterRef("pk"), category__name__icontains=word)
        )
        condition &= Q(title__icontains=word) | Q(teaser__icontains=word) | Q(in_category)
    return condition


def substring_match(queryset, query):
    """Rows of `queryset` that contain every word of the query as part of a word."""
    condition = substring_condition(query)
    return queryset.none() if condition is None else queryset.filter(condition)
