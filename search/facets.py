"""Facet counts next to the filter options: how many results each city, topic and schedule would give.

They count the filter selection (cities, topics, place and radius, ...), not the words: with words they
would have to count every hit, which is exactly what the capped result count avoids. One statement
counts all options (no DISTINCT, no query per option); each group without its own filter, so that a
number says what choosing that option would give. The same filter selection gives the same counts for
every visitor, so they are cached: a generation number, raised whenever an opportunity or an
organisation is saved or deleted, is part of the key, and entries expire after ``FACET_CACHE_SECONDS``
anyway (offers also drop out of the list by the clock at their deadline, and bulk updates send no
signals).
"""

import hashlib

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connection, connections, router, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from engagement.opportunities.models import OpportunityPage
from engagement.organisations.models import Organisation
from engagement.taxonomy.models import Category

FACET_CACHE_SECONDS = 120
GENERATION_KEY = "search:facets:generation"
# Parameters that do not change which rows the filters select (`region` only keeps a city host from
# choosing its city; the cities it leaves are in the parameters already).
NOT_FILTERS = {"q", "sort", "page", "region"}


GROUPS = ("city", "category", "schedule")

# Each count says what choosing that option would give: a group is counted over the selection without
# its own filter (with "Bretten" chosen, "Ettlingen" still shows its number), every other filter applies.
# So the rows are selected once per filtered group, plus once with all filters for the groups that are not
# filtered - each as a WITH query, all in one statement. Three aggregates over separate subqueries had
# PostgreSQL select the same rows three times (3 x 55 ms for a topic in one city at 100 000 offers).
# Django's ORM cannot share one subquery between aggregates, hence SQL; the rows are the FilterSet's SQL.
COUNT_SQL = {
    "city": "SELECT 'city', CAST(city_id AS TEXT), COUNT(*) FROM {rows} GROUP BY city_id",
    "schedule": "SELECT 'schedule', schedule_kind, COUNT(*) FROM {rows} GROUP BY schedule_kind",
    "category": (
        "SELECT 'category', category.slug, COUNT(*) FROM {rows} "
        "JOIN {links} AS link ON link.{link_page} = {rows}.id "
        "JOIN {categories} AS category ON category.id = link.{link_category} "
        "GROUP BY category.slug"
    ),
}


def rows_without(filterset, group, circle=None):
    """The rows a valid `filterset` selects, leaving out the filter of `group` (None: all filters), within
    `circle` (engagement.geo.circle.Circle). Built from the form's cleaned values, so nothing is validated
    twice."""
    rows = filterset.queryset
    for name, value in filterset.form.cleaned_data.items():
        if name != group:
            rows = filterset.filters[name].filter(rows, value)
    return circle.filter(rows) if circle else rows


def facet_counts(filterset, cities, circle=None):
    """Counts per city slug, category slug and schedule: how many offers each option would give with the
    other filters of the valid `filterset` and the `circle`."""
    cleaned = filterset.form.cleaned_data
    sources = {group: group if cleaned.get(group) else None for group in GROUPS}
    definitions, values, counts = [], [], []
    for source in dict.fromkeys(sources.values()):
        rows = (
            rows_without(filterset, source, circle).order_by().values_list("pk", "city_id", "schedule_kind")
        )
        try:
            sql, source_params = rows.query.sql_with_params()
        except EmptyResultSet:  # a selection that can hold nothing: its groups count nothing
            sources = {group: name for group, name in sources.items() if name != source}
            continue
        definitions.append(f"rows_{source or 'all'} (id, city_id, schedule_kind) AS ({sql})")
        values.extend(source_params)
    links = OpportunityPage.categories.through._meta
    quote = connection.ops.quote_name
    for group, source in sources.items():
        counts.append(
            COUNT_SQL[group].format(
                rows=f"rows_{source or 'all'}",
                links=quote(links.db_table),
                link_page=quote(links.get_field("opportunitypage").column),
                link_category=quote(links.get_field("category").column),
                categories=quote(Category._meta.db_table),
            )
        )
    result = {group: {} for group in GROUPS}
    if not counts:
        return result
    slug_of_city = {str(city.pk): city.slug for city in cities}
    # Raw SQL is not routed by itself: read where the queryset would (a replica, if one is configured).
    with connections[router.db_for_read(OpportunityPage)].cursor() as cursor:
        cursor.execute("WITH " + ", ".join(definitions) + " " + " UNION ALL ".join(counts), values)
        for group, value, number in cursor.fetchall():
            if group == "city":
                if value in slug_of_city:
                    result["city"][slug_of_city[value]] = number
            elif value is not None:
                result[group][value] = number
    return result


def selection_key(params):
    """A cache key for the filter selection in `params` (the query string) as of the current data:
    words, order and page number are not part of it, nor empty fields or a radius without a place (the
    search box of the home page sends `near=&radius=10`, which selects what `/suche/` selects)."""
    selection = sorted(
        (key, values)
        for key in params
        if key not in NOT_FILTERS and not (key == "radius" and not params.get("near", "").strip())
        if (values := sorted(value for value in params.getlist(key) if value.strip()))
    )
    digest = hashlib.sha256(repr(selection).encode()).hexdigest()[:32]
    return f"{cache.get_or_set(GENERATION_KEY, 0, None)}:{digest}"


def cached_facet_counts(selection, filterset, cities, circle=None):
    """`facet_counts`, cached per filter selection (`selection`: its `selection_key`)."""
    counts = cache.get(f"search:facets:{selection}")
    if counts is None:
        counts = refresh_facet_counts(selection, filterset, cities, circle)
    return counts


def refresh_facet_counts(selection, filterset, cities, circle=None):
    """Count the facets of a selection afresh and keep them for the next visitors."""
    counts = facet_counts(filterset, cities, circle)
    cache.set(f"search:facets:{selection}", counts, FACET_CACHE_SECONDS)
    return counts


def forget_facet_counts():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet (or evicted): any new value starts a fresh generation
        cache.set(GENERATION_KEY, 1, None)


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


@receiver(post_save, sender=OpportunityPage, dispatch_uid="search_facets_opportunity_saved")
@receiver(post_delete, sender=OpportunityPage, dispatch_uid="search_facets_opportunity_deleted")
@receiver(post_save, sender=Organisation, dispatch_uid="search_facets_organisation_saved")
@receiver(post_delete, sender=Organisation, dispatch_uid="search_facets_organisation_deleted")
def _data_changed(update_fields=None, **kwargs):
    if update_fields and BOOKKEEPING_FIELDS.issuperset(update_fields):
        return  # a saved draft keeps every visitor's counts (and their cache) as they were
    # Now, and again after the commit: a request between the two may have cached the old state.
    forget_facet_counts()
    transaction.on_commit(forget_facet_counts)
