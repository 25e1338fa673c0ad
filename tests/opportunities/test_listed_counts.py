"""The portal's counts per city and topic are kept up to date on every change and never count the offers
on a public hit; the daily recount repairs drift."""

import datetime as dt
from collections import Counter

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from freezegun import freeze_time
from wagtail.models import PageViewRestriction, WorkflowState

from engagement.demo.bench import seed_bench
from engagement.operations import pagecache
from engagement.opportunities import lifecycle, stats
from engagement.opportunities.models import ListedCount, OpportunityPage
from engagement.opportunities.tasks import recount_listed_opportunities
from engagement.organisations.models import Organisation
from engagement.organisations.services import change_verification_state
from engagement.taxonomy.models import Category
from tests.factories import MembershipFactory, UserFactory, make_opportunity

pytestmark = pytest.mark.django_db


def exact():
    """What a full count of the listing says: {(city_id, category_id or 0): n}."""
    counts = Counter()
    for city_id, category_ids in OpportunityPage.objects.listed().values_list("city_id", "category_ids"):
        counts[(city_id, 0)] += 1
        for category_id in (category_ids or "").split():
            counts[(city_id, int(category_id))] += 1
    return dict(counts)


def kept():
    """What the portal shows, from the maintained counts (the cache emptied first)."""
    stats.forget_listed_counts()
    counts = {}
    for city_id, total in stats.listed_counts()["cities"].items():
        counts[(city_id, 0)] = total
        for category_id, n in stats.category_counts(
            city=OpportunityPage.city.field.related_model(pk=city_id)
        ).items():
            counts[(city_id, category_id)] = n
    return {key: n for key, n in counts.items() if n}


def topic(slug):
    return Category.objects.get(slug=slug).pk


def test_counts_follow_publish_and_unpublish_in_the_right_city_and_topic(bretten, ettlingen, verein_bretten):
    make_opportunity(city=ettlingen, title="Anderswo", categories=("sport",))
    draft = make_opportunity(organisation=verein_bretten, title="Entwurf", publish=False)
    assert kept() == exact() == {(ettlingen.pk, 0): 1, (ettlingen.pk, topic("sport")): 1}  # no draft

    page = make_opportunity(organisation=verein_bretten, categories=("soziales", "tierschutz"))
    assert kept() == exact()
    assert kept()[(bretten.pk, topic("tierschutz"))] == 1

    page.unpublish()
    assert kept() == exact() == {(ettlingen.pk, 0): 1, (ettlingen.pk, topic("sport")): 1}
    stats.sync_counts([page.pk, draft.pk])  # idempotent: a second call changes nothing
    assert kept() == exact()


def test_moderation_counts_the_offer_when_the_city_approves(bretten, verein_bretten):
    page = make_opportunity(organisation=verein_bretten, publish=False, categories=("soziales",))
    member = MembershipFactory(organisation=verein_bretten, user=UserFactory()).user
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Redaktion Bretten"))
    lifecycle.submit_for_moderation(page=page, user=member)
    assert kept() == exact() == {}

    state = WorkflowState.objects.get(object_id=str(page.pk))
    state.current_task_state.task.specific.on_action(state.current_task_state, editor, "approve")
    assert kept() == exact() == {(bretten.pk, 0): 1, (bretten.pk, topic("soziales")): 1}


def test_topics_changed_on_republish_or_deleted_move_the_counts(bretten, verein_bretten):
    page = make_opportunity(organisation=verein_bretten, categories=("soziales",))
    member = MembershipFactory(organisation=verein_bretten).user
    latest = lifecycle.update_draft(
        page=page, user=member, data={"categories": Category.objects.filter(slug="tierschutz")}
    )
    assert (bretten.pk, topic("soziales")) in kept()  # a draft changes no count
    latest.get_latest_revision().publish()
    assert kept() == exact() == {(bretten.pk, 0): 1, (bretten.pk, topic("tierschutz")): 1}

    Category.objects.get(slug="tierschutz").delete()
    assert kept() == exact() == {(bretten.pk, 0): 1}
    OpportunityPage.objects.get(pk=page.pk).delete()
    assert kept() == exact() == {}


def test_a_suspended_organisation_leaves_the_counts_and_returns_when_verified(
    bretten, ettlingen, verein_bretten, superuser
):
    make_opportunity(organisation=verein_bretten, title="Eins")
    make_opportunity(organisation=verein_bretten, title="Zwei")
    make_opportunity(city=ettlingen, title="Anderswo")
    change_verification_state(verein_bretten, Organisation.VerificationState.SUSPENDED, by=superuser)
    assert kept() == exact()
    assert (bretten.pk, 0) not in kept() and kept()[(ettlingen.pk, 0)] == 1

    change_verification_state(verein_bretten, Organisation.VerificationState.VERIFIED, by=superuser)
    assert kept() == exact()
    assert kept()[(bretten.pk, 0)] == 2


def test_an_offer_leaves_the_counts_at_midnight_and_a_one_off_at_its_end(bretten, verein_bretten):
    with freeze_time("2026-03-10 22:30:00+00:00") as frozen:  # 23:30 in Berlin
        today = timezone.localdate()
        make_opportunity(organisation=verein_bretten, title="Letzter Tag", application_deadline=today)
        make_opportunity(
            organisation=verein_bretten,
            title="Termin",
            schedule_kind=OpportunityPage.ScheduleKind.ONE_OFF,
            event_start=timezone.now() + dt.timedelta(hours=2),
            event_end=timezone.now() + dt.timedelta(hours=3),
        )
        make_opportunity(organisation=verein_bretten, title="Laufend")
        assert kept()[(bretten.pk, 0)] == 3
        assert stats.listed_counts()["cities"][bretten.pk] == 3  # read from the cache

        frozen.move_to("2026-03-10 23:05:00+00:00")  # 00:05 the next day
        assert stats.listed_counts()["cities"][bretten.pk] == 2  # without emptying the cache
        assert kept() == exact()

        frozen.move_to("2026-03-11 01:31:00+00:00")  # the one-off event is over
        assert stats.listed_counts()["cities"][bretten.pk] == 1
        assert kept() == exact()


def test_the_recount_repairs_drift_and_changes_nothing_when_exact(bretten, ettlingen, verein_bretten):
    make_opportunity(organisation=verein_bretten, categories=("soziales", "sport"))
    make_opportunity(city=ettlingen, categories=("sport",))
    before = kept()
    ListedCount.objects.filter(city_id=bretten.pk).update(n=7)
    ListedCount.objects.create(city_id=ettlingen.pk, category_id=topic("tierschutz"), n=3)
    assert kept() != exact()

    recount_listed_opportunities()
    assert kept() == exact() == before
    recount_listed_opportunities()
    assert kept() == exact() == before


def test_counts_are_computed_once_on_a_new_database(bretten, verein_bretten):
    make_opportunity(organisation=verein_bretten)
    ListedCount.objects.all().delete()  # as after the migration on a filled database
    assert kept() == exact() == {(bretten.pk, 0): 1, (bretten.pk, topic("soziales")): 1}


@pytest.mark.parametrize("path", ["/", "/bretten/"])
def test_uncached_home_and_city_pages_cost_the_same_queries_however_many_offers(
    client, bretten, verein_bretten, path
):
    make_opportunity(organisation=verein_bretten, title="Erstes")
    client.get(path)

    def cold_queries():
        client.get(path)  # the application's other caches (lists, facets) warm
        pagecache.page_cache().clear()
        stats.forget_listed_counts()  # the counts are read from the database
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return [query["sql"] for query in queries]

    few = cold_queries()
    for number in range(6):
        make_opportunity(organisation=verein_bretten, title=f"Weiteres {number}", categories=("sport",))
    many = cold_queries()
    assert len(many) == len(few)
    # The counts come from the maintained table; no query groups the offers.
    assert not any("GROUP BY" in sql and "opportunities_opportunitypage" in sql for sql in many)


def test_a_view_restriction_on_the_city_takes_its_offers_off_the_counts(bretten, ettlingen, verein_bretten):
    make_opportunity(organisation=verein_bretten)
    make_opportunity(city=ettlingen)
    restriction = PageViewRestriction.objects.create(
        page=bretten, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    assert kept() == exact()
    assert (bretten.pk, 0) not in kept() and kept()[(ettlingen.pk, 0)] == 1

    restriction.delete()
    assert kept() == exact()
    assert kept()[(bretten.pk, 0)] == 1


def test_offers_seeded_in_bulk_are_counted(bretten, verein_bretten):
    make_opportunity(organisation=verein_bretten)
    assert kept() == exact()  # the counts exist before the seeding
    seed_bench(20)
    assert kept() == exact()
    assert sum(n for (city_id, topic_id), n in kept().items() if topic_id == 0) == 21
