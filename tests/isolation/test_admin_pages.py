"""Who sees and touches which city's pages in the admin: every persona × every city × every view.

Personas: the three demo editors as `setup_city` makes them (redaktion-baden-baden, -bretten,
-ettlingen), a Verein member, an anonymous visitor and a superuser. Each is asked about each city's
draft (two revisions, waiting in the city's workflow) in every admin view family of Wagtail's
2025–2026 permission advisories, so an upgrade that reopens one fails here. Access is expected for
the superuser and the city's own editor only; the rows that must work prove that the row can fail.

The cities are built once per module (`world` in conftest.py); each test runs in a savepoint.
"""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

SECRET = "Geheimer Entwurf"
CITIES = ("baden-baden", "bretten", "ettlingen")
PERSONAS = (
    "redaktion-baden-baden",
    "redaktion-bretten",
    "redaktion-ettlingen",
    "verein",
    "anonymous",
    "superuser",
)


def login(client, world, persona):
    if persona == "anonymous":
        return None
    if persona == "superuser":
        user = world.superuser
    elif persona == "verein":
        user = world.verein_member
    else:
        user = world.cities[persona.removeprefix("redaktion-")].editor
    client.force_login(user)
    return user


def has_access(persona, city_slug):
    return persona == "superuser" or persona == f"redaktion-{city_slug}"


def page_urls(city_world):
    page, revisions = city_world.draft, city_world.revisions
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
        "explorer": f"/admin/pages/{city_world.city.pk}/",
        "chooser_browse": f"/admin/choose-page/{city_world.city.pk}/",
    }


def shows(response, title):
    return response.status_code == 200 and title in response.content.decode()


# Views that must work for those with access (unpublish needs a live page, lock is POST-only, ...).
WORKING_VIEWS = ["edit", "view_draft", "history", "revision_compare", "usage", "api_detail", "explorer"]
REFUSED = (302, 403, 404, 405)


@pytest.mark.parametrize("city_slug", CITIES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_page_views_refuse_everyone_but_the_citys_editors(client, world, persona, city_slug):
    login(client, world, persona)
    city_world = world.cities[city_slug]
    title = city_world.draft.title
    allowed = has_access(persona, city_slug)
    problems = []
    for view, url in page_urls(city_world).items():
        response = client.get(url)
        if response.status_code >= 500:
            problems.append(f"{view}: {response.status_code}")
        elif allowed and view in WORKING_VIEWS and not shows(response, title):
            problems.append(f"{view}: {response.status_code}, title missing")
        elif not allowed and (shows(response, title) or response.status_code not in (*REFUSED, 200)):
            problems.append(f"{view}: {response.status_code}, leaks {title!r}")
    assert not problems, f"{persona} on {city_slug}: " + "; ".join(problems)


@pytest.mark.parametrize(
    ("persona", "city_slug"),
    [(persona, slug) for persona in PERSONAS for slug in CITIES if not has_access(persona, slug)],
)
def test_others_cannot_lock_unpublish_or_delete(client, world, persona, city_slug):
    login(client, world, persona)
    page = world.cities[city_slug].draft
    for action in ("lock", "unpublish", "delete"):
        client.post(page_urls(world.cities[city_slug])[action])
    page.refresh_from_db()
    assert not page.locked
    assert page.__class__.objects.filter(pk=page.pk).exists()


LISTINGS = {
    "admin_search": ("/admin/pages/search/", {"q": SECRET}),
    "api_listing": ("/admin/api/main/pages/", {"search": SECRET}),
    "chooser_search": ("/admin/choose-page/search/", {"q": SECRET}),
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_listings_show_exactly_the_drafts_a_persona_may_see(client, world, persona):
    login(client, world, persona)
    for listing, (url, params) in LISTINGS.items():
        html = client.get(url, params).content.decode()
        listed = {slug for slug in CITIES if world.cities[slug].draft.title in html}
        expected = {slug for slug in CITIES if has_access(persona, slug)}
        assert listed == expected, (listing, persona)


@pytest.mark.parametrize("persona", ["redaktion-baden-baden", "redaktion-bretten", "redaktion-ettlingen"])
def test_page_chooser_still_offers_live_pages_of_every_city_for_links(client, world, persona):
    login(client, world, persona)
    html = client.get("/admin/choose-page/search/", {"q": "Öffentliches Angebot"}).content.decode()
    for slug in CITIES:
        assert world.cities[slug].live.title in html
