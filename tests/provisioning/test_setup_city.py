import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from engagement.cities.models import CityPage
from engagement.provisioning.services import setup_city
from home.models import HomePage
from tests.factories import UserFactory, make_city, make_opportunity

pytestmark = pytest.mark.django_db


def world_counts():
    return {
        "pages": Page.objects.count(),
        "groups": Group.objects.count(),
        "page_permissions": GroupPagePermission.objects.count(),
        "collection_permissions": GroupCollectionPermission.objects.count(),
        "collections": Collection.objects.count(),
        "workflows": Workflow.objects.count(),
        "workflow_tasks": WorkflowTask.objects.count(),
        "workflow_pages": WorkflowPage.objects.count(),
    }


def test_setup_city_creates_a_published_section_below_the_portal():
    city = make_city("bretten")
    assert city.live
    assert city.get_parent().specific_class is HomePage
    assert city.url == "/bretten/"
    assert city.stage_name == "Engagement vernetzt Bretten"
    assert city.postcode_list == ["75015"]


def test_editor_group_gets_exactly_the_section_permissions_once_on_the_section_page():
    city = make_city("bretten")
    group = Group.objects.get(name="Redaktion Bretten")
    grants = GroupPagePermission.objects.filter(group=group)
    assert {grant.page_id for grant in grants} == {city.pk}
    assert sorted(grant.permission.codename for grant in grants) == [
        "add_page",
        "change_page",
        "lock_page",
        "publish_page",
        "unlock_page",
    ]
    assert group.permissions.filter(codename="access_admin").exists()
    assert city.editor_group == group


def test_city_gets_its_own_collection_with_permissions_for_its_editors_only():
    city = make_city("bretten")
    make_city("ettlingen")
    assert city.collection.name == "Bretten"
    grants = GroupCollectionPermission.objects.filter(collection=city.collection)
    assert {grant.group.name for grant in grants} == {"Redaktion Bretten"}
    assert {grant.permission.codename for grant in grants} >= {"add_image", "choose_image", "add_document"}


def test_city_content_is_moderated_by_the_city_workflow_not_the_default_one(verein_bretten):
    city = verein_bretten.home_city
    workflow = Workflow.objects.get(name="Moderation Bretten")
    tasks = [workflow_task.task.specific for workflow_task in WorkflowTask.objects.filter(workflow=workflow)]
    assert [list(task.groups.values_list("name", flat=True)) for task in tasks] == [["Redaktion Bretten"]]
    opportunity = make_opportunity(organisation=verein_bretten, publish=False)
    assert city.get_workflow() == workflow
    assert opportunity.get_workflow() == workflow


def test_each_city_has_its_own_workflow_and_group():
    bretten, ettlingen = make_city("bretten"), make_city("ettlingen")
    assert bretten.get_workflow() != ettlingen.get_workflow()
    assert bretten.editor_group != ettlingen.editor_group


def test_setup_city_twice_changes_nothing():
    make_city("bretten")
    before = world_counts()
    result = setup_city(name="Bretten", slug="bretten", postcodes=["75015"])
    assert not result.created
    assert world_counts() == before


def test_setup_city_updates_postcodes_of_an_existing_city():
    make_city("bretten")
    setup_city(name="Bretten", slug="bretten", postcodes="75015, 75016")
    assert CityPage.objects.get(slug="bretten").postcode_list == ["75015", "75016"]


def test_invalid_postcodes_are_refused_and_nothing_is_created():
    before = world_counts()
    with pytest.raises(ValidationError) as error:
        setup_city(name="Irgendwo", slug="irgendwo", postcodes="7501, abcde")
    assert "fünf Ziffern" in error.value.messages[0]
    assert world_counts() == before


def test_a_fourth_city_is_one_command_away(capsys):
    call_command("setup_city", name="Rastatt", slug="rastatt", postcodes="76437")
    city = CityPage.objects.get(slug="rastatt")
    assert city.get_workflow().name == "Moderation Rastatt"
    assert "Rastatt angelegt" in capsys.readouterr().out


def test_setup_city_command_reports_bad_postcodes_in_german():
    with pytest.raises(CommandError, match="fünf Ziffern"):
        call_command("setup_city", name="Rastatt", slug="rastatt", postcodes="123")


def test_editor_may_work_in_own_city_only(verein_bretten, ettlingen):
    editor = UserFactory(username="redaktion-bretten")
    editor.groups.add(Group.objects.get(name="Redaktion Bretten"))
    own = make_opportunity(organisation=verein_bretten)
    foreign = make_opportunity(city=ettlingen)
    own_permissions = own.permissions_for_user(editor)
    foreign_permissions = foreign.permissions_for_user(editor)
    assert own_permissions.can_edit() and own_permissions.can_publish()
    assert not foreign_permissions.can_edit()
    assert not foreign_permissions.can_publish()
    assert not ettlingen.permissions_for_user(editor).can_add_subpage()
