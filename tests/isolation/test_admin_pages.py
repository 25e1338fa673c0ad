"""A city editor sees and touches nothing of another city's pages, in any admin view.

The matrix lists every admin view family of Wagtail's 2025–2026 permission advisories, so an upgrade
that reopens one fails here. Each row is asked once for the editor's own city (must work: proves the
row can fail) and once for the other city (must refuse or hide).
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.factories import UserFactory, make_opportunity

pytestmark = pytest.mark.django_db

SECRET = "Geheimer Entwurf"


@pytest.fixture
def editor(bretten, ettlingen):
    user = UserFactory(username="redaktion-bretten")
    user.groups.add(Group.objects.get(name="Redaktion Bretten"))
    return user


def draft_with_two_revisions(city, title):
    page = make_opportunity(city=city, title=title, publish=False)
    page.teaser = "Zweite Fassung"
    page.save_revision()
    return page


@pytest.fixture
def pages(bretten, ettlingen):
    return {
        "own": draft_with_two_revisions(bretten, f"{SECRET} Bretten"),
        "foreign": draft_with_two_revisions(ettlingen, f"{SECRET} Ettlingen"),
    }


def page_urls(page):
    revisions = list(page.revisions.order_by("pk").values_list("pk", flat=True))
    return {
        "edit": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "view_draft": reverse("wagtailadmin_pages:view_draft", args=[page.pk]),
        "preview": reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]),
        "history": reverse("wagtailadmin_pages:history", args=[page.pk]),
        "revision_view": reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revisions[0]]),
        "revision_compare": reverse(
            "wagtailadmin_pages:revisions_compare", args=[page.pk, revisions[0], revisions[1]]
        ),
        "workflow_history": reverse("wagtailadmin_pages:workflow_history", args=[page.pk]),
        "copy": reverse("wagtailadmin_pages:copy", args=[page.pk]),
        "move": reverse("wagtailadmin_pages:move", args=[page.pk]),
        "delete": reverse("wagtailadmin_pages:delete", args=[page.pk]),
        "unpublish": reverse("wagtailadmin_pages:unpublish", args=[page.pk]),
        "lock": reverse("wagtailadmin_pages:lock", args=[page.pk]),
        "privacy": reverse("wagtailadmin_pages:set_privacy", args=[page.pk]),
        "usage": reverse("wagtailadmin_pages:usage", args=[page.pk]),
        "api_detail": f"/admin/api/main/pages/{page.pk}/",
    }


def shows(response, title):
    return response.status_code == 200 and title in response.content.decode()


# Views that exist for the own city too (unpublish needs a live page, lock is POST-only: asked below).
OWN_CITY_VIEWS = ["edit", "view_draft", "history", "revision_compare", "usage", "api_detail"]


@pytest.mark.parametrize("view", OWN_CITY_VIEWS)
def test_editor_works_on_own_city_drafts(client, editor, pages, view):
    client.force_login(editor)
    page = pages["own"]
    response = client.get(page_urls(page)[view])
    assert response.status_code == 200, view


@pytest.mark.parametrize(
    "view",
    [
        "edit",
        "view_draft",
        "preview",
        "history",
        "revision_view",
        "revision_compare",
        "workflow_history",
        "copy",
        "move",
        "delete",
        "unpublish",
        "lock",
        "privacy",
        "usage",
        "api_detail",
    ],
)
def test_editor_cannot_reach_another_citys_page(client, editor, pages, view):
    client.force_login(editor)
    page = pages["foreign"]
    response = client.get(page_urls(page)[view])
    assert not shows(response, page.title), view
    assert response.status_code in (302, 403, 404, 405), (view, response.status_code)


@pytest.mark.parametrize("action", ["lock", "unpublish", "delete"])
def test_editor_cannot_change_another_citys_page(client, editor, pages, action):
    client.force_login(editor)
    page = pages["foreign"]
    client.post(page_urls(page)[action])
    page.refresh_from_db()
    assert not page.locked
    assert page.__class__.objects.filter(pk=page.pk).exists()


LISTINGS = {
    "admin_search": ("/admin/pages/search/", {"q": SECRET}),
    "api_listing": ("/admin/api/main/pages/", {"search": SECRET}),
    "chooser_search": ("/admin/choose-page/search/", {"q": SECRET}),
}


@pytest.mark.parametrize("listing", LISTINGS)
def test_listings_show_own_drafts_but_not_another_citys(client, editor, pages, listing):
    client.force_login(editor)
    url, params = LISTINGS[listing]
    html = client.get(url, params).content.decode()
    assert pages["own"].title in html
    assert pages["foreign"].title not in html


def test_page_chooser_does_not_browse_into_another_citys_drafts(client, editor, pages, ettlingen):
    client.force_login(editor)
    html = client.get(f"/admin/choose-page/{ettlingen.pk}/").content.decode()
    assert pages["foreign"].title not in html


def test_page_chooser_still_offers_live_pages_of_other_cities_for_links(client, editor, ettlingen):
    live = make_opportunity(city=ettlingen, title="Öffentliches Angebot Ettlingen")
    client.force_login(editor)
    html = client.get("/admin/choose-page/search/", {"q": "Öffentliches Angebot"}).content.decode()
    assert live.title in html


def test_explorer_of_another_city_hides_its_drafts(client, editor, pages, ettlingen):
    client.force_login(editor)
    response = client.get(f"/admin/pages/{ettlingen.pk}/")
    assert not shows(response, pages["foreign"].title)
