"""Facet counts next to the filter options: how many results each city, topic and schedule would give.

Each number is what choosing that option gives, words included: the rows are those of the result list
(the same FilterSet, circle and word predicate, `matching.Words`), and each group is counted without its
own filter (with "Bretten" chosen, "Ettlingen" still shows its number).

**Counted per city, cached per city.** The counts are sums of parts, one part per city: the rows of
that city under every filter but the city filter (and, for a filtered group, without that group's filter
too). A city's count is its part's total; a topic's count is the sum over the chosen cities' parts (all
cities when none is chosen). Every part is cached under the generation of its city, which a save or
deletion of an offer in that city raises (or, for an organisation, in each city it has offers in): a
save in Bretten leaves the counts of Baden-Baden and Ettlingen cached and recounts only Bretten's rows.
The same parts serve the region, each city's own host and every city choice of one selection. Entries
expire after ``FACET_CACHE_SECONDS`` anyway (offers drop out of the list by the clock at their deadline,
and bulk updates send no signals).

One statement counts every missing part: the rows of each source (all filters, or without the topic or
schedule filter) once as a WITH query, grouped by city and option. Django's ORM cannot share one
subquery between aggregates, hence SQL; the rows are the FilterSet's SQL.

**Within a time budget.** A selection nobody asked for within two minutes (new words, a new place or
radius) is counted while its visitor waits. Over 100 000 offers a broad word matches most of them, and
exact counts then cost a scan of all their words (0.3-1 s). With `budget_ms` (the search page passes
`SEARCH_FACET_BUDGET_MS`) PostgreSQL stops the statement at the budget and `CountsPending` is raised:
the page shows its results without numbers beside the filters, and a worker counts them for the next
visitor (query.SearchQuery.facet_counts). SQLite has no statement timeout: it always counts.
"""

import hashlib
import re
import time

import psycopg
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import OperationalError, connection, connections, router, transaction
from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from engagement.cities.models import CityPage
from engagement.opportunities import inclusion, youth
from engagement.opportunities.models import OpportunityPage
from engagement.organisations.models import Organisation
from engagement.taxonomy.models import Category

from .matching import Words

FACET_CACHE_SECONDS = 120
GENERATION_KEY = "search:facets:generation:{city}"
PART_KEY = "search:facets:part:{selection}:{source}:{city}:{generation}"
CITIES_KEY = "search:facets:cities"
NO_CITY = "-"  # the part of offers without a city section (drafts never listed; kept for exactness)
# Parameters that do not change which rows the filters select (`region` only keeps a city host from
# choosing its city; the cities it leaves are in the parameters already).
NOT_FILTERS = {"q", "sort", "page", "region"}

GROUPS = ("city", "category", "schedule", "inclusion", "youth")
# Groups counted from a part; a city's count is the part's total (the sum over its schedules).
PART_GROUPS = ("category", "schedule")
# Groups whose options are conditions on the row (inclusion.predicate, youth.predicate): each option is
# counted as a column of the part's rows that holds 1 where the filter's own condition holds. Inclusion
# features narrow together (all chosen must hold), so choosing one more gives the rows of the full
# selection that also have it: counted with every filter. A youth choice replaces the other: counted
# without the youth filter, like a topic.
PREDICATE_GROUPS = {
    "inclusion": {slug: inclusion.predicate(slug) for slug, _label in inclusion.CHOICES},
    "youth": {value: youth.predicate(value) for value, _label in youth.CHOICES},
}
COUNTED_GROUPS = (*PART_GROUPS, *PREDICATE_GROUPS)
SAFE_VALUE = re.compile(r"^[a-z0-9_]+$")  # option values written into the SQL (the vocabularies' own)


def predicate_source(group, cleaned):
    """The part (None: all filters) a predicate group is counted from."""
    return group if group == "youth" and cleaned.get(group) else None


COUNT_SQL = {
    "schedule": (
        "SELECT '{source}', 'schedule', city_id, schedule_kind, COUNT(*) FROM {rows} "
        "GROUP BY city_id, schedule_kind"
    ),
    # Topics from the row's own `category_ids` (what the topic filter tests): no join with the link
    # table, whose 2-3 rows per offer PostgreSQL otherwise hashes for every counted offer.
    "category": (
        "SELECT '{source}', 'category', city_id, category.slug, COUNT(*) FROM {rows} "
        "CROSS JOIN LATERAL unnest(string_to_array({rows}.category_ids, ' ')) AS topic(id) "
        "JOIN {categories} AS category ON category.id = CAST(topic.id AS INTEGER) "
        "GROUP BY city_id, category.slug"
    ),
}
# SQLite has no arrays: the link table.
PORTABLE_CATEGORY_SQL = (
    "SELECT '{source}', 'category', city_id, category.slug, COUNT(*) FROM {rows} "
    "JOIN {links} AS link ON link.{link_page} = {rows}.id "
    "JOIN {categories} AS category ON category.id = link.{link_category} "
    "GROUP BY city_id, category.slug"
)


class CountsPending(Exception):
    """The counts did not finish within the budget; nothing was cached."""


def rows_without(filterset, left_out, circle=None, words=None):
    """The rows a valid `filterset` selects without the filters named in `left_out`, within `circle`
    (engagement.geo.circle.Circle), matching `words` (matching.Words), as disjoint querysets. Built from
    the form's cleaned values, so nothing is validated twice."""
    rows = filterset.queryset
    for name, value in filterset.form.cleaned_data.items():
        if name not in left_out:
            rows = filterset.filters[name].filter(rows, value)
    if circle:
        rows = circle.filter(rows)
    return words.parts(rows) if words else [rows]


def _in_cities(rows, cities):
    """`rows` of the given city ids (NO_CITY: offers without a city)."""
    ids = [city for city in cities if city != NO_CITY]
    condition = Q(city_id__in=ids)
    if NO_CITY in cities:
        condition |= Q(city_id__isnull=True)
    return rows.filter(condition)


def count_parts(filterset, wanted, circle=None, words=None, budget_ms=None):
    """Count the parts in `wanted` ({source: city ids}, source None for all filters, else the group left
    out), in one statement. Returns {(source, city): {"category": {...}, "schedule": {...}, ...}}.
    With `budget_ms` on PostgreSQL, raises CountsPending when the statement takes longer."""
    definitions, values, selects = [], [], []
    links = OpportunityPage.categories.through._meta
    quote = connection.ops.quote_name
    cleaned = filterset.form.cleaned_data
    for source, cities in wanted.items():
        if not cities:
            continue
        name = f"rows_{source or 'all'}"
        # The predicate options counted from this part, each a column p0, p1, ... of its rows.
        options = [
            (group, value, condition)
            for group, conditions in PREDICATE_GROUPS.items()
            if predicate_source(group, cleaned) == source
            for value, condition in conditions.items()
        ]
        columns = {
            f"p{index}": Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())
            for index, (_group, _value, condition) in enumerate(options)
        }
        sqls = []
        for part in rows_without(filterset, {"city", source}, circle, words):
            try:
                sql, params = (
                    _in_cities(part, cities)
                    .order_by()
                    .annotate(**columns)
                    .values_list("pk", "city_id", "schedule_kind", "category_ids", *columns)
                ).query.sql_with_params()
            except EmptyResultSet:  # a part that can hold nothing
                continue
            sqls.append(sql)  # no ORDER BY or LIMIT: SQLite takes the parts without parentheses
            values.extend(params)
        if not sqls:
            continue
        definitions.append(
            f"{name} (id, city_id, schedule_kind, category_ids{''.join(', ' + c for c in columns)}) "
            f"AS ({' UNION ALL '.join(sqls)})"
        )
        for group in PART_GROUPS:
            template = COUNT_SQL[group]
            if group == "category" and connection.vendor != "postgresql":
                template = PORTABLE_CATEGORY_SQL
            selects.append(
                template.format(
                    source=source or "",
                    rows=name,
                    links=quote(links.db_table),
                    link_page=quote(links.get_field("opportunitypage").column),
                    link_category=quote(links.get_field("category").column),
                    categories=quote(Category._meta.db_table),
                )
            )
        if columns:
            # One pass over the rows sums every option per city; each option is then read from the
            # few summed rows.
            sums = ", ".join(f"SUM({column}) AS {column}" for column in columns)
            definitions.append(
                f"sums_{source or 'all'} AS (SELECT city_id, {sums} FROM {name} GROUP BY city_id)"
            )
            for column, (group, value, _condition) in zip(columns, options, strict=True):
                assert SAFE_VALUE.match(value) and SAFE_VALUE.match(group)
                selects.append(
                    f"SELECT '{source or ''}', '{group}', city_id, '{value}', {column} "
                    f"FROM sums_{source or 'all'} WHERE {column} > 0"
                )
    parts = {
        (source, city): {group: {} for group in COUNTED_GROUPS}
        for source, cities in wanted.items()
        for city in cities
    }
    if not selects:
        return parts
    # Raw SQL is not routed by itself: read where the queryset would (a replica, if one is configured).
    sql = "WITH " + ", ".join(definitions) + " " + " UNION ALL ".join(selects)
    for source, group, city, value, number in _fetch(
        router.db_for_read(OpportunityPage), sql, values, budget_ms
    ):
        part = parts.get((source or None, NO_CITY if city is None else str(city)))
        if part is not None:
            part[group][value] = int(number)
    return parts


def _fetch(alias, sql, values, budget_ms=None):
    """The rows of `sql`; with `budget_ms` on PostgreSQL, stopped by the server after that long
    (statement_timeout for this transaction only, set back afterwards) and CountsPending raised."""
    database = connections[alias]
    if not budget_ms or database.vendor != "postgresql":
        with database.cursor() as cursor:
            cursor.execute(sql, values)
            return cursor.fetchall()
    try:
        # A failed statement rolls back to here, and with it the timeout (set_config(..., true)).
        with transaction.atomic(using=alias), database.cursor() as cursor:
            cursor.execute("SELECT current_setting('statement_timeout')")
            (before,) = cursor.fetchone()
            cursor.execute("SELECT set_config('statement_timeout', %s, true)", [f"{int(budget_ms)}ms"])
            cursor.execute(sql, values)
            rows = cursor.fetchall()
            cursor.execute("SELECT set_config('statement_timeout', %s, true)", [before])
            return rows
    except OperationalError as error:
        if isinstance(error.__cause__, psycopg.errors.QueryCanceled):
            raise CountsPending from error
        raise


def city_keys():
    """Every partition of the counts: the id (as text) of each city section, and NO_CITY. Kept in the
    cache until a city section is saved or deleted (a search then needs no query for it)."""
    keys = cache.get(CITIES_KEY)
    if keys is None:
        keys = [str(pk) for pk in CityPage.objects.order_by("pk").values_list("pk", flat=True)] + [NO_CITY]
        cache.set(CITIES_KEY, keys, None)
    return keys


@receiver(post_save, sender=CityPage, dispatch_uid="search_facets_city_saved")
@receiver(post_delete, sender=CityPage, dispatch_uid="search_facets_city_deleted")
def _city_changed(**kwargs):
    cache.delete(CITIES_KEY)
    transaction.on_commit(lambda: cache.delete(CITIES_KEY))


def generations(cities):
    """The current generation of each city in `cities` (one cache round trip). A generation the cache
    does not hold (new, or evicted) starts from the clock, so that no entry of an earlier one returns."""
    keys = {GENERATION_KEY.format(city=city): city for city in cities}
    found = cache.get_many(keys)
    for key in keys.keys() - found.keys():
        found[key] = time.time_ns()
        cache.add(key, found[key], None)
        found[key] = cache.get(key, found[key])
    return {city: found[key] for key, city in keys.items()}


def selection_digest(params, words="", left_out=()):
    """A digest of the filter selection in `params` (the query string) and the words: order and page
    number are not part of it, nor empty fields or a radius without a place (the search box of the home
    page sends `near=&radius=10`, which selects what `/suche/` selects)."""
    selection = sorted(
        (key, values)
        for key in params
        if key not in NOT_FILTERS and key not in left_out
        if not (key == "radius" and not params.get("near", "").strip())
        if (values := sorted(value for value in params.getlist(key) if value.strip()))
    )
    return hashlib.sha256(repr((selection, words)).encode()).hexdigest()[:32]


def selection_key(params, words="", cities=None):
    """A cache key for what the filter panel of this selection shows as of the current data: the
    selection, the words and the generation of every city (the panel shows every city's count)."""
    cities = city_keys() if cities is None else cities
    stamp = hashlib.sha256(repr(sorted(generations(cities).items())).encode()).hexdigest()[:16]
    return f"{selection_digest(params, words)}:{stamp}"


def facet_counts(
    filterset, cities, circle=None, words="", params=None, refresh=False, budget_ms=None, count=True
):
    """Counts per city slug, category slug and schedule: how many offers each option would give with
    the words and the other filters of the valid `filterset` and the `circle`. `cities`: the city pages
    one may choose. Parts come from the cache unless `refresh`; `params` (the query string) names the
    selection in their keys (without it nothing is cached). Counting what is missing may take
    `budget_ms` at most, else CountsPending; without `count` (a worker is counting them already),
    anything missing raises CountsPending at once."""
    cleaned = filterset.form.cleaned_data
    chosen = {str(city.pk) for city in cleaned.get("city") or []}
    partitions = city_keys()
    in_scope = [city for city in partitions if city in chosen] if chosen else partitions
    sources = {group: group if cleaned.get(group) else None for group in PART_GROUPS}
    sources.update({group: predicate_source(group, cleaned) for group in PREDICATE_GROUPS})
    needed = {None: partitions}
    for source in set(sources.values()) - {None}:
        needed[source] = in_scope
    digest = selection_digest(params, words, left_out={"city"}) if params is not None else None
    generation = generations(partitions) if digest else {}
    keys = {
        (source, city): PART_KEY.format(
            selection=digest, source=source or "all", city=city, generation=generation.get(city)
        )
        for source, part_cities in needed.items()
        for city in part_cities
    }
    found = {} if refresh or digest is None else cache.get_many(keys.values())
    parts = {part: found[key] for part, key in keys.items() if key in found}
    missing = {}
    for source, city in keys.keys() - parts.keys():
        missing.setdefault(source, []).append(city)
    if missing and not count:
        raise CountsPending
    if missing:
        counted = count_parts(filterset, missing, circle, Words(words) if words else None, budget_ms)
        parts.update(counted)
        if digest is not None:
            cache.set_many({keys[part]: counts for part, counts in counted.items()}, FACET_CACHE_SECONDS)
    result = {group: {} for group in GROUPS}
    for city in cities:
        total = sum(parts[(None, str(city.pk))]["schedule"].values())
        if total:
            result["city"][city.slug] = total
    for group, source in sources.items():
        for city in in_scope:
            # .get: a part cached by an older release may not hold a newer group yet
            for value, number in parts[(source, city)].get(group, {}).items():
                if value is not None:
                    result[group][value] = result[group].get(value, 0) + number
    return result


def cities_of_organisation(organisation):
    cities = set(
        OpportunityPage.objects.filter(organisation=organisation)
        .order_by()
        .values_list("city_id", flat=True)
        .distinct()
    )
    return {NO_CITY if city is None else str(city) for city in cities | {organisation.home_city_id}}


def forget_facet_counts(cities=None):
    """Start a new generation for `cities` (city ids as text, NO_CITY; None: every city): their cached
    parts are not read again."""
    for city in city_keys() if cities is None else cities:
        key = GENERATION_KEY.format(city=city)
        try:
            cache.incr(key)
        except ValueError:  # not set yet (or evicted): any new value starts a fresh generation
            cache.set(key, time.time_ns(), None)


# What a draft, a lock or a workflow writes on the live row; none of it changes what citizens find.
BOOKKEEPING_FIELDS = frozenset(
    {
        "comments",
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_by",
        "locked_at",
    }
)


def _forget_now_and_after_commit(cities):
    # Now, and again after the commit: a request between the two may have cached the old state.
    forget_facet_counts(cities)
    transaction.on_commit(lambda: forget_facet_counts(cities))


@receiver(post_save, sender=OpportunityPage, dispatch_uid="search_facets_opportunity_saved")
@receiver(post_delete, sender=OpportunityPage, dispatch_uid="search_facets_opportunity_deleted")
def _opportunity_changed(instance, update_fields=None, **kwargs):
    if update_fields and BOOKKEEPING_FIELDS.issuperset(update_fields):
        return  # a saved draft keeps every visitor's counts (and their cache) as they were
    _forget_now_and_after_commit({NO_CITY if instance.city_id is None else str(instance.city_id)})


@receiver(m2m_changed, sender=OpportunityPage.categories.through, dispatch_uid="search_facets_topics")
def _topics_of_offers_changed(instance, action, reverse, pk_set, **kwargs):
    """Topics given or taken: what each offer is counted under and found by (its `search_text`)
    changed. From the offer's side its own city recounts; from a topic's side the cities of the offers
    it was given or taken (every city when it was taken from all)."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        cities = {NO_CITY if instance.city_id is None else str(instance.city_id)}
    elif pk_set:
        offers = OpportunityPage.objects.filter(pk__in=pk_set).order_by()
        cities = {NO_CITY if city is None else str(city) for city in offers.values_list("city_id", flat=True)}
    else:
        cities = None
    _forget_now_and_after_commit(cities)


@receiver(post_save, sender=Category, dispatch_uid="search_facets_topic_saved")
@receiver(post_delete, sender=Category, dispatch_uid="search_facets_topic_deleted")
def _topic_changed(**kwargs):
    _forget_now_and_after_commit(None)  # renamed or gone: its offers are found by other words


@receiver(post_save, sender=Organisation, dispatch_uid="search_facets_organisation_saved")
def _organisation_saved(instance, **kwargs):
    _forget_now_and_after_commit(cities_of_organisation(instance))


@receiver(post_delete, sender=Organisation, dispatch_uid="search_facets_organisation_deleted")
def _organisation_deleted(**kwargs):
    _forget_now_and_after_commit(None)  # its offers are gone already; rare enough to recount all
