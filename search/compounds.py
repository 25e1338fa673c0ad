"""German compounds: stemming alone misses them, so the full-text match is joined by a substring match.

PostgreSQL's ``german`` configuration stems "Kindern" to "kind" but keeps "Kinderbetreuung" and
"Grundschulkinder" as whole words, so ``search("Kinder")`` misses them and ``search("Betreuung")`` misses
"Hundebetreuung". Citizens type exactly such parts of words. We therefore also match every word of the
query as a case-insensitive substring of title, teaser or a category name (``icontains``: ILIKE on
PostgreSQL, LIKE on SQLite). Ranking stays with Wagtail: full-text hits come first in Wagtail's order
(title above teaser above description), substring-only hits follow, newest first. On PostgreSQL the
migration adds ``pg_trgm`` and trigram GIN indexes so the ILIKE does not scan the table. SQLite has no
German stemming at all (FTS5), so there "Kindern" finds "Kinder" only through the substring match of the
shorter word, not the other way round; LIKE there folds case for ASCII letters only (Ä/ä differ).
"""

from django.db.models import Q

MIN_PART_LENGTH = 3


def substring_match(queryset, query):
    """Rows whose title, teaser or a category contains every word of the query (as part of a word)."""
    words = [word for word in query.split() if len(word) >= MIN_PART_LENGTH]
    if not words:
        return queryset.none()
    for word in words:
        queryset = queryset.filter(
            Q(title__icontains=word)
            | Q(teaser__icontains=word)
            | Q(pk__in=queryset.model.objects.filter(categories__name__icontains=word).values("pk"))
        )
    return queryset


def ranked_pks(opportunities, query, ranked_matches):
    """Full-text hits in their relevance order, then substring-only hits, newest first."""
    ranked = list(dict.fromkeys(match.pk for match in ranked_matches))
    seen = set(ranked)
    extra = (
        substring_match(opportunities, query)
        .order_by("-first_published_at", "-pk")
        .values_list("pk", flat=True)
    )
    return ranked + [pk for pk in extra if pk not in seen]
