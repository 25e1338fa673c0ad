"""The embeddable widget: the offers of an organisation, a city, a topic or any search, in a frame on
another website; no cookie, framable by other sites where the other pages are not, in the page cache
until an offer it shows changes, and no query string gives a 500."""

import re

import pytest
from django.test import Client, TestCase
from hypothesis import HealthCheck, example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from engagement.opportunities import lifecycle
from tests.factories import OrganisationFactory, make_opportunity
from tests.search.test_no_server_error import PARAMS
from tests.security.test_headers import directives

pytestmark = pytest.mark.django_db


@pytest.fixture
def offers(verein_bretten, ettlingen):
    garden = OrganisationFactory(name="Gartenfreunde Ettlingen", home_city=ettlingen)
    return {
        "reading": make_opportunity(organisation=verein_bretten, title="Vorlesen im Seniorenheim"),
        "food": make_opportunity(
            organisation=verein_bretten,
            title="Lebensmittel ausgeben",
            teaser="Samstags an der Ausgabe helfen.",
            categories=("soziales",),
        ),
        "garden": make_opportunity(
            organisation=garden,
            title="Gartenpflege am Schloss",
            teaser="Beete jäten und gießen.",
            categories=("umwelt-natur",),
        ),
        "verein": verein_bretten,
        "garden_verein": garden,
    }


def titles(response):
    return re.findall(r'<h2 class="ew-title"><a [^>]*>([^<]+)<', response.content.decode())


def get(path, params=None, client=None):
    return (client or Client()).get(path, params or {})


# --- What it shows ------------------------------------------------------------------------------------


def test_an_organisations_widget_lists_only_its_current_offers(offers):
    make_opportunity(organisation=offers["verein"], title="Entwurf", publish=False)
    response = get("/widget/", {"organisation": offers["verein"].slug})
    assert response.status_code == 200
    assert sorted(titles(response)) == ["Lebensmittel ausgeben", "Vorlesen im Seniorenheim"]
    assert "Engagement-Angebote von Tafel Bretten e. V." in response.content.decode()


def test_a_city_widget_and_a_topic_widget_and_a_search_widget(offers):
    assert titles(get("/widget/", {"city": "ettlingen"})) == ["Gartenpflege am Schloss"]
    assert titles(get("/widget/", {"category": "umwelt-natur"})) == ["Gartenpflege am Schloss"]
    assert titles(get("/widget/", {"q": "Seniorenheim"})) == ["Vorlesen im Seniorenheim"]


def test_each_offer_links_to_its_page_and_its_application_on_our_site_in_a_new_window(offers):
    reading = offers["reading"]
    html = get("/widget/", {"q": "Seniorenheim"}).content.decode()
    assert f'href="http://testserver{reading.url}" target="_blank" rel="noopener"' in html
    assert f'href="http://testserver/bewerben/{reading.pk}/" target="_blank" rel="noopener"' in html
    assert "Die Links öffnen sich in einem neuen Fenster." in html
    assert 'href="http://testserver/suche/?q=Seniorenheim" target="_blank"' in html
    # Every link leaves the frame.
    assert all('target="_blank"' in link for link in re.findall(r"<a [^>]*>", html))


def test_size_limits_the_number_of_offers_and_the_link_names_them_all(offers):
    response = get("/widget/", {"organisation": offers["verein"].slug, "size": "1"})
    assert len(titles(response)) == 1
    assert "Alle 2 Angebote bei Engagement vernetzt Bretten" in response.content.decode()


def test_the_widget_wears_the_accent_colour_of_its_city(offers, bretten):
    bretten.accent_colour = "#7a1f3d"
    bretten.save_revision().publish()
    assert "--accent: #7a1f3d" in get("/widget/", {"organisation": offers["verein"].slug}).content.decode()
    assert "--accent: #0b5394" in get("/widget/", {"city": "ettlingen"}).content.decode()


def test_the_widget_speaks_english_under_en(offers):
    response = get("/en/widget/", {"organisation": offers["verein"].slug})
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Volunteering opportunities of Tafel Bretten e. V." in html
    assert "Take part" in html
    assert "Links open in a new window." in html


def test_no_offer_says_so(offers):
    response = get("/widget/", {"q": "Tiefseetauchen"})
    assert response.status_code == 200
    assert "Zurzeit gibt es hier keine offenen Angebote." in response.content.decode()


@pytest.mark.parametrize(
    "params, message",
    [
        ({"city": "atlantis"}, "Die Stadt „atlantis“ kennen wir nicht."),
        ({"organisation": "gibt-es-nicht"}, "Die Organisation „gibt-es-nicht“ kennen wir nicht."),
        ({"size": "500"}, "Das Widget zeigt höchstens 20 Angebote."),
        ({"size": "viele"}, "Bitte geben Sie die Anzahl der Angebote als ganze Zahl an."),
    ],
)
def test_a_wrong_setting_is_named_in_german_inside_the_frame(offers, params, message):
    response = get("/widget/", params)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "X-Frame-Options" not in response.headers


def test_the_query_count_does_not_grow_with_the_offers(offers, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        get("/widget/", {"organisation": offers["verein"].slug})
    for number in range(8):
        make_opportunity(organisation=offers["verein"], title=f"Noch ein Angebot {number}")
    with django_assert_max_num_queries(12):
        response = get("/widget/", {"organisation": offers["verein"].slug, "size": "10"})
    assert len(titles(response)) == 10


# --- No cookie, no tracking, framing --------------------------------------------------------------------


def test_the_widget_sets_no_cookie_for_a_first_visit_a_cached_visit_or_in_english(offers, settings):
    settings.PAGE_CACHE_SECONDS = 600
    for path in ("/widget/", "/widget/", "/en/widget/", "/widget/?city=atlantis", "/widget.js"):
        response = Client().get(path)
        assert response.cookies == {}, path
        assert "Set-Cookie" not in response.headers, path


def test_the_widget_loads_nothing_from_another_host(offers):
    html = get("/widget/", {"organisation": offers["verein"].slug}).content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources
    for source in sources:
        assert source.startswith(("/", "http://testserver/")), source


def test_only_the_widget_may_be_framed_by_other_sites(offers):
    widget = get("/widget/", {"city": "bretten"})
    assert "X-Frame-Options" not in widget.headers
    assert directives(widget)["frame-ancestors"] == ["'self'", "*"]
    assert directives(get("/en/widget/"))["frame-ancestors"] == ["'self'", "*"]
    for path in (
        "/",
        "/suche/",
        "/bretten/",
        offers["reading"].url,
        "/suche/feed/",
        "/mein-verein/anmelden/",
    ):
        response = Client().get(path)
        assert response.headers["X-Frame-Options"] == "DENY", path
        assert directives(response)["frame-ancestors"] == ["'none'"], path


def test_a_widget_from_the_page_cache_may_still_be_framed_and_other_pages_still_not(offers, settings):
    settings.PAGE_CACHE_SECONDS = 600
    for path in ("/widget/?city=bretten", "/bretten/"):
        Client().get(path)
        assert cached(path, {}), path
    hit = Client().get("/widget/?city=bretten")
    assert "X-Frame-Options" not in hit.headers
    assert directives(hit)["frame-ancestors"] == ["'self'", "*"]
    other = Client().get("/bretten/")
    assert other.headers["X-Frame-Options"] == "DENY"
    assert directives(other)["frame-ancestors"] == ["'none'"]


def test_the_framing_sites_can_be_limited(offers, settings):
    settings.WIDGET_FRAME_ANCESTORS = ["https://www.bretten.de", "https://tafel.example.org"]
    policy = directives(get("/widget/", {"city": "bretten"}))
    assert policy["frame-ancestors"] == ["'self'", "https://www.bretten.de", "https://tafel.example.org"]


def test_the_sizing_script_is_plain_javascript_that_checks_the_origin():
    response = get("/widget.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    script = response.content.decode()
    assert "event.origin !== origin" in script
    assert "frame.contentWindow === event.source" in script
    assert "http" not in script.replace("document.baseURI", "")  # no address of anyone


# --- Page cache -------------------------------------------------------------------------------------


def cached(path, params):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        Client().get(path, params)
    return len(queries) == 0


def test_the_widget_is_cached_until_an_offer_it_shows_is_published_or_unpublished(offers, settings):
    settings.PAGE_CACHE_SECONDS = 600
    tafel = {"organisation": offers["verein"].slug}
    city = {"city": "ettlingen"}
    get("/widget/", tafel), get("/widget/", city)
    assert cached("/widget/", tafel) and cached("/widget/", city)

    new = make_opportunity(organisation=offers["verein"], title="Kochen für die Tafel")
    assert "Kochen für die Tafel" in get("/widget/", tafel).content.decode()
    assert cached("/widget/", city)  # another city's widget stays

    with TestCase.captureOnCommitCallbacks(execute=True):
        lifecycle.end(page=new, user=None)
    assert "Kochen für die Tafel" not in get("/widget/", tafel).content.decode()


# --- Any query string -------------------------------------------------------------------------------

WIDGET_PARAMS = st.one_of(
    PARAMS,
    st.dictionaries(
        st.just("size"),
        st.lists(
            st.one_of(st.integers(-(10**6), 10**6).map(str), st.text(max_size=10)), min_size=1, max_size=2
        ),
        max_size=1,
    ),
)


@pytest.mark.parametrize("path", ["/widget/", "/en/widget/"])
def test_no_query_string_breaks_the_widget(client, offers, path):
    @hypothesis_settings(
        max_examples=30,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(params=WIDGET_PARAMS)
    @example(params={"size": ["0"]})
    @example(params={"size": ["9" * 40], "q": ['"']})
    @example(params={"near": ["76275"], "sort": ["distance"], "size": ["20"]})
    def check(params):
        response = client.get(path, params)
        assert response.status_code in (200, 400), (params, response.status_code)
        assert response.cookies == {}

    check()
