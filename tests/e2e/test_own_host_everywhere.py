"""No page of ours requests another host: also the Wagtail admin (no Gravatar avatars) and the Verein
area. And the layout a visitor first notices: no white frame around the page, "Weitere Filter" on a
row of its own."""

from urllib.parse import urlsplit

import pytest

from .conftest import SCREENSHOTS
from .test_public_pages import visit
from .test_verein import log_in

pytestmark = pytest.mark.e2e


@pytest.fixture
def accounts(site):
    from tests.factories import MembershipFactory, UserFactory

    member = MembershipFactory(
        organisation=site["verein"], user=UserFactory(username="verein-bretten"), role="owner"
    ).user
    admin = UserFactory(username="admin", is_staff=True, is_superuser=True)
    return {"member": member, "admin": admin}


def foreign_requests(page, base, paths):
    own = urlsplit(base).netloc
    requests, foreign = [], {}
    page.on("request", lambda request: requests.append(request.url))
    for path in paths:
        requests.clear()
        status = visit(page, base + path)
        assert status == 200, (path, status)
        page.wait_for_load_state("networkidle")
        assert requests, f"{path}: keine Anfrage aufgezeichnet"
        others = sorted(
            {url for url in requests if urlsplit(url).netloc != own and not url.startswith("data:")}
        )
        if others:
            foreign[path] = others
    return foreign


def test_the_verein_area_and_the_admin_load_nothing_from_other_hosts(page, site, accounts):
    base, verein, reading = site["base"], site["verein"], site["reading"]
    log_in(page, base, "verein-bretten")
    verein_pages = [
        "/mein-verein/",
        f"/mein-verein/organisation/{verein.pk}/neu/",
        f"/mein-verein/angebote/{reading.pk}/bearbeiten/",
        "/mein-verein/bewerbungen/",
        f"/mein-verein/organisation/{verein.pk}/mitglieder/",
        "/en/mein-verein/",
    ]
    assert foreign_requests(page, base, verein_pages) == {}

    page.context.clear_cookies()
    log_in(page, base, "admin", "/admin/login/")
    admin_pages = [
        "/admin/",
        f"/admin/pages/{site['bretten'].pk}/",
        f"/admin/pages/{reading.pk}/edit/",
        "/admin/users/",
        f"/admin/users/edit/{accounts['admin'].pk}/",
        "/admin/account/",
        "/admin/accessibility_feedback/",
        "/admin/images/",
    ]
    assert foreign_requests(page, base, admin_pages) == {}


@pytest.mark.parametrize("width", [1280, 375])
def test_pages_run_edge_to_edge_and_more_filters_has_a_row_of_its_own(page, site, width):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": width, "height": 900})
    visit(page, site["base"] + "/suche/?q=Vorlesen")
    assert page.evaluate("getComputedStyle(document.body).margin") == "0px"
    summary = page.locator("details.ev-filters > summary").bounding_box()
    button = page.locator(".ev-search-form--full .ev-search-form__submit").bounding_box()
    assert button["y"] >= summary["y"] + summary["height"], "the button stands below the filters"
    details = page.locator("details.ev-filters").bounding_box()
    form = page.locator(".ev-search-form--full").bounding_box()
    assert details["width"] >= form["width"] - 1, "the filters take the form's whole width"
    page.screenshot(path=str(SCREENSHOTS / f"search-layout-{width}.png"), full_page=True)
