"""German compounds: stemming alone misses them, so the full-text match is joined by a substring match.

PostgreSQL's ``german`` configuration stems "Kindern" to "kind" but keeps "Kinderbetreuung" and
"Grundschulkinder" as whole words, so ``search("Kinder")`` misses them and ``search("Betreuung")`` misses
"Hundebetreuung". Citizens type exactly such parts of words. We therefore also match every word of the
query as a substring of title, teaser or a category name. These live in three tables; to test them
without joining, ``OpportunityPage.search_text`` holds all three in lower case (kept current on save and
when categories change, see opportunities/search_columns.py), and the word, lower-cased alike, is matched
with ``contains`` (LIKE). Ranking stays with the full text: its hits come first in Wagtail's order (title
above teaser above description), substring-only hits follow, newest first (see results.py). On
PostgreSQL a trigram GIN index on ``search_text`` (migration ``opportunities/0006_search_text``) answers
the LIKE without scanning the table. SQLite has no German stemming at all (FTS5), so there "Kindern"
finds "Kinder" only through the substring match of the shorter word, not the other way round; since
Python lower-cases both sides, Ä/ä match there too.
"""

from django.db.models import Q

MIN_PART_LENGTH = 3


def substring_condition(query):
    """Title, teaser or a category contains every word of the query (as part of a word); None if the
    query has no word long enough to be worth matching inside other words."""
    words = [word for word in query.split() if len(word) >= MIN_PART_LENGTH]
    if not words:
        return None
    condition = Q()
    for word in words:
        condition &= Q(search_text__contains=word.lower())
    return condition


def substring_match(queryset, query):
    """Rows of `queryset` that contain every word of the query as part of a word."""
    condition = substring_condition(query)
    return queryset.none() if condition is None else queryset.filter(condition)
