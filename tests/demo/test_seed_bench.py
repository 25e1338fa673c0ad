import pytest
from django.core.management import call_command
from wagtail.models import Page

from engagement.opportunities.models import OpportunityPage
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
