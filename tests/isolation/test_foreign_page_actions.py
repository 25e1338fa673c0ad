"""Bretten's editor posts every page action of the admin against Ettlingen: each is refused, nothing changes.

The GET side is walked in test_admin_url_walk.py; this is the POST side, where a change would happen:
publishing through the editor, moving and copying out of and into the other city, reverting to an old
revision, approving and rejecting in the other city's workflow and the bulk actions. Each request is
also sent by an administrator, which must change something: so a refusal is the permission at work,
not a request the view could not understand. And the own city's moderation still works from the admin.
"""

import pytest
from django.db.models import Q
from django.urls import reverse
from wagtail.models import Page, Revision, TaskState, WorkflowState

from .form_data import opportunity_form

pytestmark = pytest.mark.django_db


def edit(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def move(page, destination):
    return reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk])


def copy(page):
    return reverse("wagtailadmin_pages:copy", args=[page.pk])


def workflow_action(page, action, task_state):
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])


def bulk(action, page):
    return f"/admin/bulk/wagtailcore/page/{action}/?id={page.pk}&next=/admin/"


def requests(own, foreign):
    """(url, POST data) of each attempt of `own`'s editor on `foreign`'s pages."""
    draft, live, pending = foreign.draft, foreign.live, foreign.pending_change
    # Legal pages travel between cities; an opportunity is copied only within its own (OpportunityCopyForm).
    legal_page, own_legal_page = foreign.feedback.page, own.feedback.page
    publish = {"action-publish": "1"}
    copy_to = {"new_title": "Kopie", "new_slug": "kopie"}
    return {
        "publish a draft through the editor": (edit(draft), {**opportunity_form(draft), **publish}),
        "publish a live page's pending change": (
            edit(pending),
            {**opportunity_form(pending, title=pending.draft_title), **publish},
        ),
        "save a new draft through the editor": (edit(live), opportunity_form(live, teaser="Übernommen")),
        "move a page out of the city": (move(draft, own.city), {}),
        "move an own page into the city": (move(own.draft, foreign.city), {}),
        "copy a page out of the city": (
            copy(legal_page),
            {**copy_to, "new_parent_page": own.city.pk, "publish_copies": "y"},
        ),
        "copy an own page into the city": (
            copy(own_legal_page),
            {**copy_to, "new_parent_page": foreign.city.pk},
        ),
        "revert to an old revision": (
            reverse("wagtailadmin_pages:revisions_revert", args=[draft.pk, foreign.revisions[0]]),
            {**opportunity_form(draft), **publish},
        ),
        "approve in the city's workflow": (
            workflow_action(draft, "approve", foreign.task_state),
            {"comment": "Passt so."},
        ),
        "reject in the city's workflow": (
            workflow_action(draft, "reject", foreign.task_state),
            {"comment": "Bitte nicht."},
        ),
        "approve the city's task through an own page": (
            workflow_action(own.draft, "approve", foreign.task_state),
            {"comment": "Passt so."},
        ),
        "bulk publish": (bulk("publish", draft), {}),
        "bulk unpublish": (bulk("unpublish", live), {}),
        "bulk delete": (bulk("delete", live), {}),
        "bulk move out of the city": (bulk("move", draft), {"chooser": own.city.pk}),
        "bulk move an own page into the city": (bulk("move", own.draft), {"chooser": foreign.city.pk}),
    }


def state_of(world):
    """Everything the attempts could change: the pages of both cities, revisions, moderation."""
    sections = Q()
    for slug in ("bretten", "ettlingen"):
        sections |= Q(path__startswith=world.cities[slug].city.path)
    columns = ("pk", "path", "live", "title", "draft_title", "latest_revision_id", "has_unpublished_changes")
    pages = Page.objects.filter(sections).values_list(*columns, "locked")
    return {
        "pages": sorted(pages),
        "revisions": Revision.objects.count(),
        "tasks": sorted(TaskState.objects.values_list("pk", "status", "comment")),
        "workflows": sorted(WorkflowState.objects.values_list("pk", "status")),
    }


ATTEMPTS = [
    "publish a draft through the editor",
    "publish a live page's pending change",
    "save a new draft through the editor",
    "move a page out of the city",
    "move an own page into the city",
    "copy a page out of the city",
    "copy an own page into the city",
    "revert to an old revision",
    "approve in the city's workflow",
    "reject in the city's workflow",
    "approve the city's task through an own page",
    "bulk publish",
    "bulk unpublish",
    "bulk delete",
    "bulk move out of the city",
    "bulk move an own page into the city",
]


def test_every_attempt_is_tried(world):
    assert list(requests(world.cities["bretten"], world.cities["ettlingen"])) == ATTEMPTS


@pytest.mark.parametrize("attempt", ATTEMPTS)
def test_another_citys_editor_is_refused_and_nothing_changes(client, world, attempt):
    own, foreign = world.cities["bretten"], world.cities["ettlingen"]
    url, data = requests(own, foreign)[attempt]
    before = state_of(world)

    client.force_login(own.editor)
    response = client.post(url, data)
    assert response.status_code < 500, response.status_code
    assert state_of(world) == before, f"{attempt}: {response.status_code}"

    # The same request by an administrator does change something: the request itself is sound.
    client.force_login(world.superuser)
    response = client.post(url, data)
    assert response.status_code < 500, response.status_code
    assert state_of(world) != before, f"{attempt}: the administrator's request changed nothing"


def test_the_citys_editor_approves_in_the_admin_with_a_comment_and_the_verein_hears_of_it(
    client, world, mailoutbox, django_capture_on_commit_callbacks
):
    own = world.cities["bretten"]
    page, task_state = own.draft, own.task_state
    client.force_login(own.editor)
    url = workflow_action(page, "approve", task_state)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"comment": "Schön beschrieben, danke!"})

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live and not page.has_unpublished_changes
    assert page.title == "Geheimer Entwurf Bretten" and page.teaser == "Zweite Fassung Bretten Zqx"
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED
    assert task_state.comment == "Schön beschrieben, danke!"
    assert task_state.finished_by == own.editor
    assert WorkflowState.objects.get(pk=task_state.workflow_state_id).status == WorkflowState.STATUS_APPROVED

    to_verein = [mail for mail in mailoutbox if mail.to == [world.verein_member.email]]
    assert len(to_verein) == 1
    assert to_verein[0].subject.startswith("Freigegeben")
    assert "Schön beschrieben, danke!" in to_verein[0].body  # the comment reaches the organisation
    assert "Geheimer Entwurf Bretten" in to_verein[0].body
