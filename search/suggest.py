"""Suggestions while typing in the search box: titles of opportunities online and topics, typo-tolerant.

`GET /suche/vorschlaege/?q=vorlsen[&city=bretten]` → `{"query": ..., "suggestions": [{"label", "kind",
"kind_label"}]}`. The search box's script (static/js/search-enhance.js) shows them as an ARIA combobox;
choosing one only fills the box, the search itself stays the ordinary form.

Titles: on PostgreSQL trigram word similarity (`pg_trgm`, `query <% title`), which the GIN index on
UPPER(title) from opportunities migration 0002 answers, so "Vorlsen" finds "Vorlesen im Seniorenheim";
ranked by similarity. On other databases (the embedded SQLite default) a case-insensitive prefix or
substring match, without typo tolerance. Topics are few: they are matched in Python on every database,
by substring and by `difflib` similarity of their words, so "Tierschtz" finds "Tierschutz".
"""

import difflib

from django.db import connection, transaction
from django.db.models import BooleanField, Case, Func, Value, When
from django.db.models.functions import Upper
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from engagement.opportunities.models import OpportunityPage
from engagement.taxonomy.models import Category

MIN_QUERY_LENGTH = 2
MAX_QUERY_LENGTH = 100
MAX_TITLES = 6
MAX_TOPICS = 3
TOPIC_SIMILARITY = 0.75
TITLE_SIMILARITY = "0.45"
# How many of the most similar page titles are checked for being online (drafts, legal pages and
# expired offers among them are dropped afterwards).
CANDIDATES = 200


class WordSimilar(Func):
    """`query <% text` (pg_trgm): the query resembles some run of words in the text; index-backed."""

    arg_joiner = " <%% "
    template = "(%(expressions)s)"
    output_field = BooleanField()


def _titles_postgresql(opportunities, query, limit):
    from django.contrib.postgres.search import TrigramWordSimilarity
    from wagtail.models import Page

    needle = Upper(Value(query))
    similarity = TrigramWordSimilarity(needle, Upper("title"))
    # The most similar titles of all pages first, through the trigram index on wagtailcore_page alone;
    # only these candidates are joined with what citizens may find. Joined in one step, PostgreSQL
    # computed word_similarity for every page (90 ms at 10 000 opportunities, 25 ms this way).
    candidates = (
        Page.objects.filter(WordSimilar(needle, Upper("title")))
        .annotate(similarity=similarity)
        .order_by("-similarity")
        .values("pk")[:CANDIDATES]
    )
    ranked = (
        opportunities.filter(pk__in=candidates)
        .annotate(similarity=similarity)
        .order_by("-similarity", "title")
        .values_list("title", flat=True)[:limit]
    )
    # pg_trgm's default threshold (0.6) misses one dropped letter in a short word ("Vorlsen" is 0.55
    # similar to "Vorlesen"): lowered for this query only (local settings end with the transaction).
    # The planner overestimates the GIN index and prefers a full scan: sequential scans are off for
    # this one query.
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('pg_trgm.word_similarity_threshold', %s, true),"
                " set_config('enable_seqscan', 'off', true)",
                [TITLE_SIMILARITY],
            )
        return list(ranked)


def _titles_fallback(opportunities, query, limit):
    return list(
        opportunities.filter(title__icontains=query)
        .annotate(prefix=Case(When(title__istartswith=query, then=Value(0)), default=Value(1)))
        .order_by("prefix", "title")
        .values_list("title", flat=True)[:limit]
    )


def suggest_titles(query, city_slug=""):
    opportunities = OpportunityPage.objects.listed()
    if city_slug:
        opportunities = opportunities.filter(city__slug=city_slug)
    # Several organisations may offer the same title: ask for a few more and show each title once.
    find = _titles_postgresql if connection.vendor == "postgresql" else _titles_fallback
    return list(dict.fromkeys(find(opportunities, query, MAX_TITLES * 4)))[:MAX_TITLES]


def suggest_topics(query):
    needle = query.casefold()
    scored = []
    for name in Category.objects.values_list("name", flat=True):
        words = [word for word in name.casefold().replace("&", " ").split() if word]
        if needle in name.casefold():
            score = 2.0
        else:
            score = max(
                (difflib.SequenceMatcher(None, needle, word[: len(needle) + 2]).ratio() for word in words),
                default=0.0,
            )
        if score >= TOPIC_SIMILARITY:
            scored.append((-score, name))
    return [name for _score, name in sorted(scored)[:MAX_TOPICS]]


@require_GET
@cache_control(max_age=60, public=True)
def suggestions(request):
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    if len(query) < MIN_QUERY_LENGTH:
        return JsonResponse({"query": query, "suggestions": []})
    city_slug = request.GET.get("city", "").strip()[:80]
    items = [{"label": name, "kind": "category", "kind_label": _("Thema")} for name in suggest_topics(query)]
    items += [
        {"label": title, "kind": "title", "kind_label": _("Angebot")}
        for title in suggest_titles(query, city_slug)
    ]
    return JsonResponse({"query": query, "suggestions": items}, json_dumps_params={"ensure_ascii": False})
