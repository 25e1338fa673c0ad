"""Keeps the columns an opportunity derives from its categories current: `search_text` (title, teaser
and category names in lower case) and `category_ids`. They change outside the page's own save() when
categories change through the plain many-to-many manager (which modelcluster also uses when it commits a
page's categories), when an editor renames a topic or when one is deleted.

The page's save() fills the columns itself, so publishing a revision (`revision.as_object().save()`)
writes the values of exactly the version that goes live; saving a draft revision leaves them untouched.
"""

from django.db import connection
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from engagement.taxonomy.models import Category

from . import stats
from .models import OpportunityPage

# The same values as OpportunityPage.fill_search_columns, for many rows in one statement.
POSTGRES_REFRESH = """
UPDATE opportunities_opportunitypage AS opportunity
SET search_text = LOWER(concat_ws(E'\\n', page.title, opportunity.teaser, links.names)),
    category_ids = COALESCE(links.ids, '')
FROM wagtailcore_page AS page
LEFT JOIN (
    SELECT link.opportunitypage_id,
           string_agg(category.name, E'\\n' ORDER BY link.id) AS names,
           string_agg(category.id::text, ' ' ORDER BY category.id) AS ids
    FROM opportunities_opportunitypage_categories AS link
    JOIN taxonomy_category AS category ON category.id = link.category_id
    {link_filter}
    GROUP BY link.opportunitypage_id
) AS links ON links.opportunitypage_id = page.id
WHERE page.id = opportunity.page_ptr_id {page_filter}
"""


def refresh_search_columns(page_ids=None):
    """Recompute the columns from the database for the given opportunities (all if None), and with
    their topics the portal's counts."""
    if page_ids is not None:
        page_ids = list(page_ids)
        if not page_ids:
            return
    _refresh_columns(page_ids)
    if page_ids is None:
        stats.recount_listed()
    else:
        stats.sync_counts(page_ids)


def _refresh_columns(page_ids):
    if connection.vendor == "postgresql":
        params = []
        link_filter = page_filter = ""
        if page_ids is not None:
            link_filter = "WHERE link.opportunitypage_id = ANY(%s)"
            page_filter = "AND opportunity.page_ptr_id = ANY(%s)"
            params = [page_ids, page_ids]
        with connection.cursor() as cursor:
            cursor.execute(POSTGRES_REFRESH.format(link_filter=link_filter, page_filter=page_filter), params)
        return
    pages = (
        OpportunityPage.objects.all() if page_ids is None else OpportunityPage.objects.filter(pk__in=page_ids)
    )
    for page in pages.iterator(chunk_size=500):
        stored = (page.search_text, page.category_ids)
        page.fill_search_columns()
        if (page.search_text, page.category_ids) != stored:
            OpportunityPage.objects.filter(pk=page.pk).update(
                search_text=page.search_text, category_ids=page.category_ids
            )


@receiver(m2m_changed, sender=OpportunityPage.categories.through)
def categories_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        refresh_search_columns([instance.pk])
    elif action == "post_clear":
        refresh_search_columns(getattr(instance, "_search_column_pages", None))
    else:
        refresh_search_columns(pk_set)


@receiver(m2m_changed, sender=OpportunityPage.categories.through)
def remember_pages_before_clear(sender, instance, action, reverse, **kwargs):
    if action == "pre_clear" and reverse:
        instance._search_column_pages = list(instance.opportunities.values_list("pk", flat=True))


@receiver(pre_save, sender=Category)
def remember_old_name(sender, instance, **kwargs):
    if instance.pk:
        instance._search_column_old_name = (
            Category.objects.filter(pk=instance.pk).values_list("name", flat=True).first()
        )


@receiver(post_save, sender=Category)
def category_renamed(sender, instance, created, **kwargs):
    if not created and getattr(instance, "_search_column_old_name", instance.name) != instance.name:
        refresh_search_columns(instance.opportunities.values_list("pk", flat=True))


@receiver(pre_delete, sender=Category)
def remember_pages_of_deleted_category(sender, instance, **kwargs):
    instance._search_column_pages = list(instance.opportunities.values_list("pk", flat=True))


@receiver(post_delete, sender=Category)
def category_deleted(sender, instance, **kwargs):
    # The links went with the category (CASCADE, no m2m signal).
    refresh_search_columns(getattr(instance, "_search_column_pages", None) or [])
