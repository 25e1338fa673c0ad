"""The topic filter reads `category_ids` on the opportunity row. Citizens filtering by topic must see what
is online now, so the column follows every way categories change, and both spellings of the filter (the
GIN-indexed array on PostgreSQL, LIKE on the padded text elsewhere) select the same rows."""

import pytest
from django.db import connection

from engagement.opportunities.fields import Overlaps
from engagement.opportunities.models import OpportunityPage
from engagement.taxonomy.models import Category
from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db


def titles_for(client, *topics, **params):
    response = client.get("/suche/", {"category": list(topics), **params})
    assert response.status_code == 200
    return {page.title for page in response.context["page_obj"].object_list}


def pk(slug):
    return Category.objects.get(slug=slug).pk


def stored_ids(page):
    return OpportunityPage.objects.get(pk=page.pk).category_ids


def test_a_new_opportunity_is_found_by_each_of_its_topics_and_no_other(client, verein_bretten):
    make_opportunity(
        organisation=verein_bretten, title="Tiere und Menschen", categories=("tierschutz", "soziales")
    )
    make_opportunity(organisation=verein_bretten, title="Nur Sport", categories=("sport",))

    assert titles_for(client, "tierschutz") == {"Tiere und Menschen"}
    assert titles_for(client, "soziales") == {"Tiere und Menschen"}
    assert titles_for(client, "sport", "tierschutz") == {"Tiere und Menschen", "Nur Sport"}
    assert titles_for(client, "kultur") == set()


def test_ids_are_matched_whole_not_as_digits_of_other_ids(client, verein_bretten):
    """Topic 701 must not match a row holding 7011: the ids are compared as numbers, not as text."""
    Category.objects.create(pk=701, name="Kurz", slug="kurz")
    Category.objects.create(pk=7011, name="Lang", slug="lang")
    page = make_opportunity(organisation=verein_bretten, title="Vierstellig", categories=("lang",))

    assert stored_ids(page) == "7011"
    assert titles_for(client, "kurz") == set()
    assert titles_for(client, "lang") == {"Vierstellig"}


def test_topics_follow_publishing_but_not_drafts(client, verein_bretten):
    page = make_opportunity(organisation=verein_bretten, title="Wechselt das Thema", categories=("soziales",))
    draft = page.get_latest_revision_as_object()
    draft.categories = list(Category.objects.filter(slug__in=["tierschutz", "sport"]))
    revision = draft.save_revision()

    assert stored_ids(page) == str(pk("soziales"))
    assert titles_for(client, "tierschutz") == set()

    revision.publish()

    assert stored_ids(page) == " ".join(str(n) for n in sorted([pk("tierschutz"), pk("sport")]))
    assert titles_for(client, "tierschutz") == {"Wechselt das Thema"}
    assert titles_for(client, "soziales") == set()


def test_topics_changed_from_the_category_side_reach_the_filter(client, verein_bretten):
    page = make_opportunity(organisation=verein_bretten, title="Vorlesen", categories=("soziales",))
    tierschutz = Category.objects.get(slug="tierschutz")

    tierschutz.opportunities.add(page)
    assert titles_for(client, "tierschutz") == {"Vorlesen"}

    tierschutz.opportunities.remove(page)
    assert titles_for(client, "tierschutz") == set()

    Category.objects.get(slug="soziales").delete()
    assert stored_ids(page) == ""


@pytest.mark.parametrize("topics", [("soziales",), ("sport", "tierschutz"), ("kultur",)])
def test_both_spellings_of_the_filter_select_the_same_rows(verein_bretten, topics, monkeypatch):
    make_opportunity(organisation=verein_bretten, title="A", categories=("tierschutz", "soziales"))
    make_opportunity(organisation=verein_bretten, title="B", categories=("sport",))
    make_opportunity(organisation=verein_bretten, title="C", categories=())
    ids = [pk(slug) for slug in topics]

    def titles():
        query = OpportunityPage.objects.filter(category_ids__overlaps=ids)
        return sorted(query.values_list("title", flat=True)), str(query.query)

    native, native_sql = titles()
    monkeypatch.delattr(Overlaps, "as_postgresql")  # as SQLite and every other database spell it
    generic, generic_sql = titles()

    assert native == generic
    assert "LIKE" in generic_sql and "LIKE" not in native_sql
    assert OpportunityPage.objects.filter(category_ids__overlaps=[]).count() == 0


def test_the_topic_filter_is_answered_from_its_index(verein_bretten):
    """With table scans and whole-index walks forbidden, PostgreSQL can only answer the topic filter from
    the GIN index of migration 0008, and only if the query spells the index expression."""
    make_opportunity(organisation=verein_bretten, categories=("soziales",))
    query = OpportunityPage.objects.filter(category_ids__overlaps=[pk("soziales")]).order_by()
    sql, params = query.values_list("pk", flat=True).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "opportunity_category_ids" in plan
