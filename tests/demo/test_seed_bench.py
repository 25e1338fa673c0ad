import pytest
from django.core.management import call_command
from django.db import connection
from modelsearch.backends.database.postgres.postgres import IndexEntry
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from engagement.demo.bench import seed_bench
from engagement.demo.search_index import BulkSearchIndex
from engagement.opportunities.models import OpportunityPage
from engagement.taxonomy.models import Activity
from tests.factories import make_city, make_opportunity

pytestmark = pytest.mark.django_db


def test_seed_bench_creates_valid_listed_searchable_pages(client, verein_bretten):
    make_city("ettlingen")
    existing = make_opportunity(organisation=verein_bretten)
    call_command("seed_bench", opportunities=60, verbosity=0)

    assert OpportunityPage.objects.count() == 61
    assert Page.find_problems() == ([], [], [], [], [])  # the tree is consistent
    bench = OpportunityPage.objects.exclude(pk=existing.pk)
    assert set(bench.values_list("city__slug", flat=True)) == {"bretten", "ettlingen"}
    assert bench.filter(is_remote=False, latitude__isnull=True).count() == 0
    sample = bench.filter(schedule_kind="regular").first()
    assert client.get(sample.url).status_code == 200
    assert OpportunityPage.objects.search(sample.title.split(" #")[0]).count() >= 1


def test_seed_bench_adds_more_on_a_second_run(verein_bretten):
    call_command("seed_bench", opportunities=5, verbosity=0)
    call_command("seed_bench", opportunities=5, verbosity=0)
    assert OpportunityPage.objects.count() == 10
    assert Page.find_problems() == ([], [], [], [], [])


def test_seed_bench_works_in_batches(verein_bretten):
    assert seed_bench(25, batch_size=10) == 25
    assert OpportunityPage.objects.count() == 25
    assert IndexEntry.objects.count() >= 25
    assert Page.find_problems() == ([], [], [], [], [])


def test_seeded_columns_are_those_a_save_would_derive(verein_bretten):
    seed_bench(30)
    for page in OpportunityPage.objects.prefetch_related("categories"):
        stored = (page.search_text, page.category_ids)
        page.fill_search_columns()  # what the page's save() writes
        assert stored == (page.search_text, page.category_ids)
        assert page.category_ids  # every seeded opportunity has a topic


def _index_rows(pks):
    """The stored search index rows of these pages, vectors as PostgreSQL prints them."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT object_id, title::text, autocomplete::text, body::text, title_text, body_text, "
            f"title_norm FROM {IndexEntry._meta.db_table} WHERE object_id = ANY(%s) ORDER BY object_id",
            [[str(pk) for pk in pks]],
        )
        return cursor.fetchall()


def _without_norm(rows):
    return [row[:-1] for row in rows]


def _as_wagtails_backend_writes_them(pks):
    IndexEntry.objects.filter(object_id__in=[str(pk) for pk in pks]).delete()
    get_search_backend().add_bulk(OpportunityPage, list(OpportunityPage.objects.filter(pk__in=pks)))
    return _index_rows(pks)


def test_seeded_index_rows_are_the_rows_wagtails_backend_writes(verein_bretten):
    """The same vectors (words, weights, positions), plain texts and title norms, on PostgreSQL."""
    seed_bench(40)
    pks = list(OpportunityPage.objects.values_list("pk", flat=True))
    seeded = _index_rows(pks)
    assert len(seeded) == 40
    assert all(len(row[5].split()) > 40 for row in seeded)  # the bodies hold the whole description

    written = _as_wagtails_backend_writes_them(pks)

    assert _without_norm(seeded) == _without_norm(written)
    assert [row[-1] for row in seeded] == pytest.approx([row[-1] for row in written])


def test_related_objects_are_indexed_in_the_backends_order(verein_bretten):
    """Several categories and activities per page, each relation in its model's ordering; a page
    indexed again replaces its row."""
    seed_bench(3)
    page = OpportunityPage.objects.first()
    page.activities.set(Activity.objects.order_by("-name")[:3])
    BulkSearchIndex(OpportunityPage).add([page.pk])
    seeded = _index_rows([page.pk])
    assert "Bench-Verein" in seeded[0][5]

    assert _without_norm(seeded) == _without_norm(_as_wagtails_backend_writes_them([page.pk]))


def test_a_seeded_opportunity_is_found_by_the_same_words_as_one_published_normally(client, verein_bretten):
    seed_bench(20)
    seeded = OpportunityPage.objects.select_related("organisation").prefetch_related("categories").first()
    published = make_opportunity(
        organisation=seeded.organisation,
        title=seeded.title,
        teaser=seeded.teaser,
        description=seeded.description,
        categories=[category.slug for category in seeded.categories.all()],
    )
    texts = [seeded.title, seeded.teaser, seeded.description[3:-4], seeded.organisation.name]
    texts += [category.name for category in seeded.categories.all()]
    words = {word.strip(".:#") for text in texts for word in text.split()} - {""}
    words |= {"Kinderbetreuung", "Kindern", "Vereine", "Hundebetreuungen", "Gartenpflege", "Schach"}

    found_both = 0
    for word in sorted(words):
        results = {page.pk for page in OpportunityPage.objects.search(word)}
        assert (seeded.pk in results) == (published.pk in results), word
        found_both += seeded.pk in results
    assert found_both >= 10  # the check compared real matches, not only misses

    page = client.get("/suche/", {"q": seeded.title}).content.decode()
    assert page.count(seeded.title) >= 2  # both cards (one page of results holds them)


def test_seeded_opportunities_are_listed_by_distance(client, verein_bretten):
    seed_bench(20)
    bretten = OpportunityPage.objects.filter(is_remote=False).first()
    response = client.get("/suche/", {"near": bretten.postcode, "radius": 25, "sort": "distance"})
    assert response.status_code == 200
    assert bretten.title in response.content.decode()


def test_seeded_offers_were_first_published_over_the_past_year(verein_bretten):
    """As on a site that has grown: "newest first" is an order, not one tie of every offer that
    PostgreSQL would have to sort in full (benchmarks measured that tie, not the search)."""
    from django.utils import timezone

    seed_bench(40, batch_size=15)
    moments = list(OpportunityPage.objects.values_list("first_published_at", flat=True))
    assert len(set(moments)) == 40
    now = timezone.now()
    assert all(now - timezone.timedelta(days=366) < moment < now for moment in moments)
