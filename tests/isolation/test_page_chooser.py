"""The page chooser offers other cities' live pages for links, as the public sees them, never a draft.

Each city of the world has a live opportunity with a pending change of its title and a city page
with a pending title (`CityWorld.pending_change`, `CityWorld.city_draft_title`). Wagtail's chooser shows a
page's `draft_title`, so Bretten's editor saw Ettlingen's unpublished titles when browsing, searching
and choosing; and browsing into another city's draft showed that draft. Now other cities' pages show
their live title only, drafts of other cities cannot be browsed, and the own city's drafts still show
as before.
"""

import json

import pytest

from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db


def chooser_urls(city_world):
    pending = city_world.pending_change
    return {
        "browse the city": f"/admin/choose-page/{city_world.city.pk}/",
        "browse the page": f"/admin/choose-page/{pending.pk}/",
        "browse from the top": "/admin/choose-page/",
        "search": f"/admin/choose-page/search/?q={pending.title.split()[-1]}",
        "search the live title": "/admin/choose-page/search/?q=Öffentliches Angebot mit Änderung",
        "multiple choice": f"/admin/choose-page/?multiple=1&p=1&q=&id={pending.pk}",
        "chosen": f"/admin/choose-page/chosen-multiple/?id={pending.pk}&id={city_world.city.pk}",
    }


def body(client, url):
    """The response as text; the chooser's modal steps answer in JSON, where "ö" reads "\\u00f6"."""
    response = client.get(url)
    assert response.status_code == 200, url
    if response["Content-Type"].startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    return response.content.decode()


def row_of(html, title):
    """The table row that names `title` (the chooser lists one page per row)."""
    return next(row for row in html.split("<tr")[1:] if title in row)


def test_another_citys_pages_show_their_live_titles_only(client, world):
    own, foreign = world.cities["bretten"], world.cities["ettlingen"]
    client.force_login(own.editor)
    for name, url in chooser_urls(foreign).items():
        html = body(client, url)
        assert foreign.pending_change.draft_title not in html, name
        assert foreign.city_draft_title not in html, name
    # The live pages themselves may be linked to: the chooser still offers them, with their live title
    # and without a sign of the pending change.
    for name in ("browse the city", "browse the page", "search the live title"):
        row = row_of(body(client, chooser_urls(foreign)[name]), foreign.pending_change.title)
        assert "Veröffentlicht + Entwurf" not in row, name
        assert "Veröffentlicht" in row, name
    assert foreign.pending_change.title in body(client, chooser_urls(foreign)["chosen"])
    assert foreign.city.title in body(client, chooser_urls(foreign)["browse the city"])


def test_the_chooser_search_names_another_citys_parent_by_its_live_title(client, world):
    own, foreign = world.cities["bretten"], world.cities["ettlingen"]
    client.force_login(own.editor)
    html = body(client, chooser_urls(foreign)["search the live title"])
    assert foreign.pending_change.title in html and foreign.city.title in html
    assert foreign.city_draft_title not in html


def test_another_citys_draft_cannot_be_browsed_or_chosen(client, world):
    own, foreign = world.cities["bretten"], world.cities["ettlingen"]
    client.force_login(own.editor)
    response = client.get(f"/admin/choose-page/{foreign.draft.pk}/")
    assert response.status_code == 404
    assert foreign.draft.title not in response.content.decode()
    chosen = body(client, f"/admin/choose-page/chosen-multiple/?id={foreign.draft.pk}")
    assert foreign.draft.title not in chosen and str(foreign.draft.pk) not in chosen


def test_the_own_citys_drafts_still_show_in_the_chooser(client, world):
    own = world.cities["bretten"]
    client.force_login(own.editor)
    urls = chooser_urls(own)
    for name in ("browse the city", "browse the page", "chosen"):
        assert own.pending_change.draft_title in body(client, urls[name]), name
    row = row_of(body(client, urls["browse the city"]), own.pending_change.draft_title)
    assert "Veröffentlicht + Entwurf" in row
    assert own.draft.title in body(client, f"/admin/choose-page/{own.draft.pk}/")
    assert own.draft.title in body(client, f"/admin/choose-page/search/?q={own.draft.title.split()[-1]}")


def test_administrators_see_every_draft(client, world):
    foreign = world.cities["ettlingen"]
    client.force_login(world.superuser)
    assert foreign.pending_change.draft_title in body(client, chooser_urls(foreign)["browse the city"])
    assert foreign.draft.title in body(client, f"/admin/choose-page/{foreign.draft.pk}/")


def test_the_chooser_is_for_admin_users_only(client, world):
    foreign = world.cities["ettlingen"]
    for url in chooser_urls(foreign).values():
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url
    client.force_login(world.verein_member)
    for url in chooser_urls(foreign).values():
        assert client.get(url).status_code in (302, 403), url


@pytest.mark.parametrize("suffix", ["", "?aus=newsletter"])  # exact address, or one Wagtail asks about
def test_a_pasted_address_of_another_citys_page_names_it_by_its_live_title(client, world, suffix):
    own, foreign = world.cities["bretten"], world.cities["ettlingen"]
    page = make_opportunity(city=foreign.city, organisation=foreign.organisation, title="Gartenpflege")
    page.title = "Unveröffentlichte Gartenpflege Zqx"
    page.save_revision()
    client.force_login(own.editor)
    data = {"external-link-chooser-url": page.url + suffix, "external-link-chooser-link_text": ""}
    answer = json.dumps(client.post("/admin/choose-external-link/", data).json(), ensure_ascii=False)
    assert f'"id": {page.pk}' in answer  # still offered as a link to the page...
    assert "Gartenpflege" in answer and "Unveröffentlichte Gartenpflege Zqx" not in answer  # ...live title

    own_page = make_opportunity(city=own.city, organisation=own.organisation, title="Stadtputz")
    own_page.title = "Stadtputz im Frühling"
    own_page.save_revision()
    data["external-link-chooser-url"] = own_page.url + suffix
    answer = json.dumps(client.post("/admin/choose-external-link/", data).json(), ensure_ascii=False)
    assert "Stadtputz im Frühling" in answer  # the own city's draft title, as before
