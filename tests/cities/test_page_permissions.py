"""Our page permission policy gives exactly Wagtail's answers, with shorter SQL.

Wagtail's own policy is the reference: for editors of one city, of two cities, a user who may only add
pages (and so change their own), a user without page permissions, an inactive editor and a superuser,
both policies must name the same pages for every question the admin asks.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

from engagement.cities.page_permissions import SectionPagePermissionPolicy
from engagement.opportunities.models import OpportunityPage
from tests.factories import UserFactory, make_city, make_opportunity

pytestmark = pytest.mark.django_db

ACTION_SETS = [
    {"add", "change", "publish", "lock", "unlock", "bulk_delete"},
    {"change"},
    {"add"},
    {"publish"},
    {"change", "publish"},
]


@pytest.fixture
def people():
    bretten, ettlingen = make_city("bretten"), make_city("ettlingen")
    pages = [
        make_opportunity(city=city, publish=live) for city in (bretten, ettlingen) for live in (True, False)
    ]
    one_city = UserFactory()
    one_city.groups.add(bretten.editor_group)
    two_cities = UserFactory()
    two_cities.groups.add(bretten.editor_group, ettlingen.editor_group)
    adder = UserFactory()
    adders = Group.objects.create(name="Nur anlegen")
    GroupPagePermission.objects.create(
        group=adders, page=ettlingen, permission=Permission.objects.get(codename="add_page")
    )
    adder.groups.add(adders)
    Page.objects.filter(pk=pages[3].pk).update(owner=adder)  # Ettlingen's draft is the adder's own page
    inactive = UserFactory(is_active=False)
    inactive.groups.add(bretten.editor_group)
    return {
        "one city": one_city,
        "two cities": two_cities,
        "add only": adder,
        "no page permissions": UserFactory(),
        "inactive": inactive,
        "superuser": UserFactory(is_superuser=True),
    }


def pks(queryset):
    return set(queryset.values_list("pk", flat=True))


def test_admin_views_ask_our_policy_for_every_page_type():
    assert isinstance(policy_registry.get_by_type(Page), SectionPagePermissionPolicy)
    assert isinstance(policy_registry.get_by_type(OpportunityPage), SectionPagePermissionPolicy)


@pytest.mark.parametrize(
    "person", ["one city", "two cities", "add only", "no page permissions", "inactive", "superuser"]
)
def test_every_user_may_act_on_the_same_pages_as_with_wagtails_policy(people, person):
    user = people[person]
    ours, wagtails = SectionPagePermissionPolicy(), PagePermissionPolicy()
    for actions in ACTION_SETS:
        assert pks(ours.instances_user_has_any_permission_for(user, actions)) == pks(
            wagtails.instances_user_has_any_permission_for(user, actions)
        ), actions


@pytest.mark.parametrize("person", ["one city", "two cities", "add only", "inactive", "superuser"])
def test_every_user_explores_the_same_pages_as_with_wagtails_policy(people, person):
    user = people[person]
    explorable = pks(SectionPagePermissionPolicy().explorable_instances(user))
    assert explorable == pks(PagePermissionPolicy().explorable_instances(user))


def test_an_editor_explores_their_section_and_the_way_to_it_but_no_other_city(people):
    explorable = SectionPagePermissionPolicy().explorable_instances(people["one city"])
    titles = set(explorable.values_list("slug", flat=True))
    assert "bretten" in titles and "ettlingen" not in titles
    assert not explorable.filter(path__startswith=Page.objects.get(slug="ettlingen").path).exists()


def test_each_section_is_named_once_in_the_sql_however_many_permissions_the_group_holds(people):
    section = Page.objects.get(slug="bretten")
    user = people["one city"]
    assert GroupPagePermission.objects.filter(group__user=user, page=section).count() > 1
    sql = str(SectionPagePermissionPolicy().explorable_instances(user).query)
    assert sql.count(f"LIKE {section.path}%") == 1
    assert str(PagePermissionPolicy().explorable_instances(user).query).count(f"LIKE {section.path}%") > 1
