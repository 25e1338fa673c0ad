"""German compounds: stemming alone misses them, so the full-text match is joined by a substring match.

PostgreSQL's ``german`` configuration stems "Kindern" to "kind" but keeps "Kinderbetreuung" and
"Grundschulkinder" as whole words, so ``search("Kinder")`` misses them and ``search("Betreuung")`` misses
"Hundebetreuung". Citizens type exactly such parts of words. We therefore also match every alternative of a
word of the query (its forms, related words and corrections, see words.py) as a substring of title,
teaser or a category name. These live in three tables; to test them
without joining, ``OpportunityPage.search_text`` holds all three in lower case (kept current on save and
when categories change, see opportunities/search_columns.py), and the word, lower-cased alike, is matched
with ``contains`` (LIKE); the alternatives of all words are one OR of LIKEs, fewest first (an
alternative inside which a shorter one occurs adds nothing). On PostgreSQL a trigram GIN index on
``search_text`` (migration ``opportunities/0006_search_text``) answers the OR of LIKEs as a BitmapOr
without scanning the table. SQLite has no German stemming at all (FTS5); the light stem of words.py
("Kindern" → "kind") makes the substring match find the inflected forms there too; since Python
lower-cases both sides, Ä/ä match there too.
"""

from django.db.models import Q

MIN_PART_LENGTH = 3


def parts(alternative):
    """The words of an alternative worth matching inside other words (a phrase needs all of them)."""
    return [word for word in alternative.lower().split() if len(word) >= MIN_PART_LENGTH]


def fewest(alternatives):
    """The alternatives that are not already found through a shorter one inside them: "lehr" finds
    "lehrer", "lehrerin" and "lehrer:innen", so one LIKE suffices for all four."""
    kept = []
    for alternative in sorted({" ".join(parts(item)) for item in alternatives} - {""}, key=len):
        if not any(all(part in alternative for part in shorter.split()) for shorter in kept):
            kept.append(alternative)
    return kept


def substring_condition(alternatives):
    """Title, teaser or a category contains one of the `alternatives` (each a word or a phrase, whose
    words must all occur) as part of a word; None if none is long enough to be worth matching inside
    other words. A string is read as one alternative per word, all of which must occur."""
    if isinstance(alternatives, str):
        alternatives = [" ".join(parts(alternatives))]
    condition = None
    for alternative in fewest(alternatives):
        match = Q()
        for part in alternative.split():
            match &= Q(search_text__contains=part)
        condition = match if condition is None else condition | match
    return condition


def contains(text, alternatives):
    """The same test in Python, on a `search_text` (or a title) in lower case."""
    return any(
        all(part in text for part in parts(alternative)) and parts(alternative)
        for alternative in alternatives
    )
