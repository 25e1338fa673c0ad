"""The widget in a real browser: accessible (axe), embedded in a Verein's website on another origin
(sized by its script, links leaving the frame, no cookie, no third host), while our other pages refuse
to be framed there; and the code with its preview and copy button in "Mein Verein"."""

import functools
import http.server
import threading
from urllib.parse import urlsplit

import pytest

from .conftest import SCREENSHOTS
from .test_public_pages import axe_violations, visit
from .test_verein import log_in

pytestmark = pytest.mark.e2e

VEREIN_PAGE = """<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tafel Bretten e. V. – Mitmachen</title>
<style>
  body {{ margin: 0; font-family: Georgia, "Times New Roman", serif; background: #f6f1e7; color: #2b2b2b; }}
  header {{ background: #3d6b35; color: #fff; padding: 1.25rem 1.5rem; }}
  header p {{ margin: 0.25rem 0 0; }}
  nav a {{ color: #fff; margin-right: 1rem; }}
  .layout {{ display: flex; flex-wrap: wrap; gap: 2rem; max-width: 68rem; margin: 0 auto; padding: 1.5rem; }}
  .text {{ flex: 1 1 20rem; }}
  aside {{ flex: 1 1 24rem; background: #fff; padding: 0.5rem; border-radius: 0.5rem; }}
  footer {{ text-align: center; padding: 2rem; font-size: 0.9rem; }}
</style>
</head>
<body>
<header><strong>Tafel Bretten e. V.</strong><p>Lebensmittel retten, Menschen helfen</p>
<nav><a href="#">Start</a><a href="#">Über uns</a><a href="#">Mitmachen</a></nav></header>
<div class="layout">
<main class="text"><h1>Mitmachen bei der Tafel</h1>
<p>Jede Woche geben wir Lebensmittel an über 300 Haushalte in Bretten aus. Dafür brauchen wir Menschen,
die mit anpacken: beim Abholen, Sortieren und an der Ausgabe.</p>
<p>Unsere aktuellen Angebote finden Sie hier – bewerben können Sie sich direkt online.</p></main>
<aside>{snippet}</aside>
</div>
<footer>Tafel Bretten e. V. · Melanchthonstraße 1 · 75015 Bretten</footer>
</body>
</html>
"""


@pytest.fixture
def verein_website(tmp_path, site):
    """The Verein's own website on another origin (127.0.0.1 and its own port; ours is localhost)."""
    from django.test import RequestFactory

    from engagement.opportunities import embed

    ours = urlsplit(site["base"])
    request = RequestFactory().get("/", HTTP_HOST=ours.netloc)
    params = {"organisation": site["verein"].slug}
    snippet = embed.snippet(request, params, "Engagement-Angebote von Tafel Bretten e. V.")
    (tmp_path / "index.html").write_text(VEREIN_PAGE.format(snippet=snippet), encoding="utf-8")
    framed_search = (
        f'<!DOCTYPE html><title>x</title><iframe id="search" src="{site["base"]}/suche/"></iframe>'
    )
    (tmp_path / "search.html").write_text(framed_search, encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_widget_has_no_wcag_violations(page, site, language):
    prefix = "" if language == "de" else "/en"
    found = {}
    for name, query, status in [
        ("organisation", f"organisation={site['verein'].slug}", 200),
        ("empty", "q=Tiefseetauchen", 200),
        ("error", "city=atlantis", 400),
    ]:
        assert visit(page, f"{site['base']}{prefix}/widget/?{query}") == status, name
        assert page.evaluate("document.documentElement.lang") == language
        assert page.locator("h1").count() == 1, name
        violations = axe_violations(page)
        if violations:
            found[name] = violations
    assert found == {}


def frame_of(page, base):
    return next(frame for frame in page.frames if frame.url.startswith(f"{base}/widget/"))


@pytest.mark.parametrize("width", [1280, 375])
def test_a_verein_website_on_another_origin_shows_the_widget_sized_to_its_offers(
    page, site, verein_website, width
):
    base = site["base"]
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.set_viewport_size({"width": width, "height": 900})
    visit(page, verein_website + "/")
    page.wait_for_load_state("networkidle")
    frame = frame_of(page, base)
    assert frame.locator("h2.ew-title").count() == 2
    # The script on the Verein's page took the height the frame posted: no scroll bar inside.
    page.wait_for_function(
        "() => document.querySelector('iframe[data-engagement-widget]').style.height !== '640px'"
    )
    content_height = frame.evaluate("document.documentElement.scrollHeight")
    frame_height = page.evaluate("document.querySelector('iframe[data-engagement-widget]').clientHeight")
    assert abs(content_height - frame_height) <= 2, (content_height, frame_height)

    origins = {f"{urlsplit(url).scheme}://{urlsplit(url).netloc}" for url in requests}
    assert origins == {verein_website, base}
    assert page.context.cookies() == []

    SCREENSHOTS.mkdir(exist_ok=True)
    target = SCREENSHOTS / f"widget-on-verein-website-{width}.png"
    page.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 10_000

    # "Jetzt mitmachen" opens the application on our site in a new window; the Verein's page stays.
    with page.context.expect_page() as opened:
        frame.locator("a.ew-button").first.click()
    application = opened.value
    application.wait_for_load_state("load")
    assert application.url.startswith(f"{base}/bewerben/")
    assert page.url == verein_website + "/"


def test_our_other_pages_refuse_to_be_framed_by_the_verein_website(page, site, verein_website):
    visit(page, verein_website + "/search.html")
    page.wait_for_load_state("networkidle")
    [framed] = [frame for frame in page.frames if frame != page.main_frame]
    assert not framed.url.startswith(site["base"])  # Chromium shows its error page instead
    assert framed.locator(".ev-site").count() == 0


def test_the_verein_copies_its_code_and_sees_the_preview(browser, site):
    from tests.factories import MembershipFactory, UserFactory

    MembershipFactory(organisation=site["verein"], user=UserFactory(username="verein-bretten"))
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site["base"])
    page = context.new_page()
    try:
        log_in(page, site["base"], "verein-bretten")
        visit(page, f"{site['base']}/mein-verein/")
        with page.expect_navigation():
            page.get_by_role("link", name="Angebote auf Ihrer Website zeigen").click()
        preview = frame_of(page, site["base"])
        assert preview.locator("h2.ew-title").count() == 2
        page.get_by_role("button", name="Code kopieren").click()
        page.get_by_text("Der Code ist kopiert.").wait_for()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == page.locator("#widget-code").input_value()
        assert copied.startswith(f'<iframe src="{site["base"]}/widget/?organisation={site["verein"].slug}"')
        for width in (1280, 375):
            page.set_viewport_size({"width": width, "height": 900})
            page.wait_for_timeout(300)
            target = SCREENSHOTS / f"widget-dashboard-{width}.png"
            SCREENSHOTS.mkdir(exist_ok=True)
            page.screenshot(path=str(target), full_page=True)
        scroll_width, inner_width = page.evaluate(
            "[document.scrollingElement.scrollWidth, window.innerWidth]"
        )
        assert scroll_width <= inner_width
    finally:
        context.close()


def test_the_city_editor_sees_the_code_and_the_preview_in_the_admin(page, site):
    from django.contrib.auth.models import Group

    from tests.factories import UserFactory

    editor = UserFactory(username="redaktion-bretten")
    editor.groups.add(Group.objects.get(name="Redaktion Bretten"))
    log_in(page, site["base"], "redaktion-bretten", path="/admin/login/")
    visit(page, f"{site['base']}/admin/widget/")
    assert (
        page.locator("#widget-code")
        .input_value()
        .startswith(f'<iframe src="{site["base"]}/widget/?city=bretten"')
    )
    preview = frame_of(page, site["base"])
    assert preview.locator("h2.ew-title").count() == 2
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "widget-admin-1280.png"), full_page=True)
