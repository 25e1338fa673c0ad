"""The permission policy of city-owned rows (content reports, accessibility feedback) answers per city.

Wagtail asks a model's policy which rows a user may see or change (listings, choosers, bulk actions,
per-object checks). The policy itself must answer "the own city's rows only", not just the views that
happen to filter today; administrators keep every row.
"""

import pytest
from django.urls import reverse
from wagtail.permissions import policy_registry

from engagement.legal.models import AccessibilityFeedback, LegalPage
from engagement.moderation.models import ContentReport

pytestmark = pytest.mark.django_db

MODELS = {"report": ContentReport, "feedback": AccessibilityFeedback}


def rows(world, kind):
    return {slug: getattr(city_world, kind) for slug, city_world in world.cities.items()}


@pytest.mark.parametrize("kind", MODELS)
def test_an_editors_rows_are_their_own_citys_for_every_question(world, kind):
    policy = policy_registry.get_by_type(MODELS[kind])
    editor = world.cities["bretten"].editor
    by_city = rows(world, kind)
    own = {by_city["bretten"].pk}

    assert set(policy.instances_user_has_permission_for(editor, "view").values_list("pk", flat=True)) == own
    assert set(policy.instances_user_has_permission_for(editor, "change").values_list("pk", flat=True)) == own
    any_rows = policy.instances_user_has_any_permission_for(editor, ["delete", "view"])
    assert set(any_rows.values_list("pk", flat=True)) == own
    assert not policy.instances_user_has_permission_for(editor, "delete").exists()

    for slug, row in by_city.items():
        mine = slug == "bretten"
        assert policy.user_has_permission_for_instance(editor, "view", row) is mine, slug
        assert policy.user_has_permission_for_instance(editor, "change", row) is mine, slug
        assert policy.user_has_any_permission_for_instance(editor, ["delete", "change"], row) is mine, slug
        assert policy.user_has_permission_for_instance(editor, "delete", row) is False, slug


@pytest.mark.parametrize("kind", MODELS)
def test_the_policy_names_the_citys_editors_and_the_administrators_as_users_of_a_row(world, kind):
    policy = policy_registry.get_by_type(MODELS[kind])
    row = rows(world, kind)["ettlingen"]
    users = set(policy.users_with_permission_for_instance("change", row))
    assert users == {world.cities["ettlingen"].editor, world.superuser}
    assert set(policy.users_with_permission_for_instance("delete", row)) == {world.superuser}


@pytest.mark.parametrize("kind", MODELS)
def test_administrators_keep_every_row_and_others_get_none(world, kind):
    model = MODELS[kind]
    policy = policy_registry.get_by_type(model)
    every_row = set(model.objects.values_list("pk", flat=True))
    assert len(every_row) >= 3
    for action in ("view", "change", "delete"):
        instances = policy.instances_user_has_permission_for(world.superuser, action)
        assert set(instances.values_list("pk", flat=True)) == every_row
    ettlingen_row = rows(world, kind)["ettlingen"]
    assert policy.user_has_permission_for_instance(world.superuser, "delete", ettlingen_row)

    member = world.verein_member
    assert not policy.instances_user_has_any_permission_for(member, ["view", "change"]).exists()
    assert not policy.user_has_permission_for_instance(member, "view", ettlingen_row)


def test_feedback_on_the_portals_own_statement_is_for_administrators_only(world):
    policy = policy_registry.get_by_type(AccessibilityFeedback)
    portal_statement = LegalPage.objects.filter(kind=LegalPage.Kind.ACCESSIBILITY, depth=3).first()
    portal_feedback = AccessibilityFeedback.objects.create(
        page=portal_statement, city=None, name="Portal-Melderin Zqx", message="Kontrast."
    )
    for slug, city_world in world.cities.items():
        assert not policy.user_has_permission_for_instance(city_world.editor, "view", portal_feedback), slug
        assert not policy.instances_user_has_permission_for(city_world.editor, "view").filter(
            pk=portal_feedback.pk
        )
    assert policy.user_has_permission_for_instance(world.superuser, "change", portal_feedback)


REPORT_VIEWS = ("edit", "inspect", "delete", "history", "usage")


@pytest.mark.parametrize("view", REPORT_VIEWS)
def test_report_views_refuse_another_citys_report(client, world, view):
    own, foreign = world.cities["bretten"], world.cities["ettlingen"]
    client.force_login(own.editor)
    response = client.get(reverse(f"content_reports:{view}", args=[foreign.report.pk]))
    assert response.status_code in (403, 404)
    assert foreign.report.message not in response.content.decode()


@pytest.mark.parametrize("view", ["edit", "inspect", "history"])
def test_report_views_open_the_own_citys_report(client, world, view):
    own = world.cities["bretten"]
    client.force_login(own.editor)
    response = client.get(reverse(f"content_reports:{view}", args=[own.report.pk]))
    assert response.status_code == 200
    assert str(own.report) in response.content.decode()


def test_report_list_shows_the_own_city_only_and_changes_stay_inside_it(client, world):
    own, foreign = world.cities["bretten"], world.cities["ettlingen"]
    client.force_login(own.editor)
    html = client.get(reverse("content_reports:index")).content.decode()
    assert own.report.message in html
    assert foreign.report.message not in html

    edit = reverse("content_reports:edit", args=[foreign.report.pk])
    response = client.post(edit, {"status": "resolved", "editor_note": "Übernommen"})
    assert response.status_code in (403, 404)
    response = client.post(reverse("content_reports:delete", args=[foreign.report.pk]))
    assert response.status_code in (403, 404)
    foreign.report.refresh_from_db()
    assert foreign.report.status == ContentReport.Status.OPEN and foreign.report.editor_note == ""


def test_feedback_views_show_the_own_city_only(client, world):
    own, foreign = world.cities["bretten"], world.cities["ettlingen"]
    client.force_login(own.editor)
    html = client.get(reverse("accessibility_feedback:index")).content.decode()
    inspect_url = "accessibility_feedback:inspect"
    assert reverse(inspect_url, args=[own.feedback.pk]) in html
    assert reverse(inspect_url, args=[foreign.feedback.pk]) not in html
    inspect = client.get(reverse(inspect_url, args=[own.feedback.pk]))
    assert inspect.status_code == 200 and own.feedback.name in inspect.content.decode()
    foreign_inspect = client.get(reverse(inspect_url, args=[foreign.feedback.pk]))
    assert foreign_inspect.status_code == 404
    answered = client.post(reverse("accessibility_feedback:answered", args=[foreign.feedback.pk]))
    assert answered.status_code == 404
    foreign.feedback.refresh_from_db()
    assert foreign.feedback.answered_at is None
