"""The Atom feed of a search: the query string of /suche/, its filters and words, newest first."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.encoding import iri_to_uri

from engagement.opportunities.models import OpportunityPage
from tests.factories import make_city, make_opportunity

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def feed(client, host="testserver", **params):
    response = client.get("/suche/feed/", params, HTTP_HOST=host)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return root


def entries(root):
    return root.findall(f"{ATOM}entry")


def titles(root):
    return [entry.findtext(f"{ATOM}title") for entry in entries(root)]


def published_at(page, days_ago):
    """Pretend `page` went online `days_ago` days ago (creation order would otherwise decide)."""
    moment = timezone.now() - dt.timedelta(days=days_ago)
    OpportunityPage.objects.filter(pk=page.pk).update(first_published_at=moment, last_published_at=moment)
    page.refresh_from_db()
    return page


def test_filtered_feed_is_atom_with_exactly_the_matching_live_offers_newest_first(
    client, verein_bretten, ettlingen
):
    # Published in another order than created: the feed follows the publication date.
    published_at(
        make_opportunity(
            organisation=verein_bretten, title="Gassigehen mit Hunden", categories=("tierschutz",)
        ),
        days_ago=5,
    )
    newest = published_at(
        make_opportunity(
            organisation=verein_bretten, title="Katzen füttern", categories=("tierschutz", "soziales")
        ),
        days_ago=1,
    )
    published_at(
        make_opportunity(organisation=verein_bretten, title="Kleintiere pflegen", categories=("tierschutz",)),
        days_ago=3,
    )
    make_opportunity(organisation=verein_bretten, title="Seniorenbesuche", categories=("soziales",))
    make_opportunity(city=ettlingen, title="Tierheim Ettlingen", categories=("tierschutz",))
    make_opportunity(
        organisation=verein_bretten, title="Entwurf Tierschutz", categories=("tierschutz",), publish=False
    )
    make_opportunity(
        organisation=verein_bretten,
        title="Vergangener Tierschutztag",
        categories=("tierschutz",),
        end_date=timezone.localdate() - dt.timedelta(days=1),
    )

    root = feed(client, city="bretten", category="tierschutz")

    assert root.findtext(f"{ATOM}title") == "Engagement-Angebote in Bretten"
    assert titles(root) == ["Katzen füttern", "Kleintiere pflegen", "Gassigehen mit Hunden"]
    first = entries(root)[0]
    url = iri_to_uri(f"http://testserver/bretten/{newest.slug}/")
    assert first.find(f"{ATOM}link").get("href") == url
    assert first.findtext(f"{ATOM}id") == url
    assert dt.datetime.fromisoformat(first.findtext(f"{ATOM}published")) == newest.first_published_at
    assert dt.datetime.fromisoformat(first.findtext(f"{ATOM}updated")) == newest.last_published_at
    assert {category.get("term") for category in first.findall(f"{ATOM}category")} == {
        "Tierschutz",
        "Soziales",
    }
    assert first.findtext(f"{ATOM}author/{ATOM}name") == "Tafel Bretten e. V."
    assert "Tafel Bretten e. V." in first.findtext(f"{ATOM}summary")
    assert "Bretten" in first.findtext(f"{ATOM}summary")
    # The feed points back to the same search on the page.
    alternate = root.find(f"{ATOM}link[@rel='alternate']").get("href")
    assert alternate.startswith("http://testserver/suche/?") and "category=tierschutz" in alternate


def test_an_explicit_sort_is_honoured(client, verein_bretten):
    today = timezone.localdate()
    published_at(
        make_opportunity(
            organisation=verein_bretten,
            title="Frist später",
            application_deadline=today + dt.timedelta(days=9),
        ),
        days_ago=2,
    )
    published_at(
        make_opportunity(
            organisation=verein_bretten, title="Frist bald", application_deadline=today + dt.timedelta(days=2)
        ),
        days_ago=5,
    )
    assert titles(feed(client)) == ["Frist später", "Frist bald"]
    assert titles(feed(client, sort="deadline")) == ["Frist bald", "Frist später"]


def test_a_word_finds_compounds_as_on_the_page(client, verein_bretten):
    make_opportunity(organisation=verein_bretten, title="Hundebetreuung im Tierheim")
    make_opportunity(organisation=verein_bretten, title="Gartenarbeit am Rathaus")

    root = feed(client, q="Betreuung")

    assert titles(root) == ["Hundebetreuung im Tierheim"]
    assert root.findtext(f"{ATOM}title") == "Engagement-Angebote „Betreuung“"


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"radius": "0", "near": "75015"}, "Der Umkreis muss mindestens 1 km sein."),
        ({"city": "atlantis"}, "Die Stadt „atlantis“ kennen wir nicht."),
        ({"date_from": "morgen"}, "Bitte geben Sie ein Datum wie 2026-12-24 an."),
        ({"sort": "distance"}, "Zum Sortieren nach Entfernung geben Sie bitte einen Ort an."),
    ],
)
def test_invalid_input_answers_400_in_german_plain_text(client, bretten, params, message):
    response = client.get("/suche/feed/", params)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert text.startswith("Bitte prüfen Sie Ihre Auswahl.")
    assert message in text


def test_no_contact_data_and_editors_markup_is_escaped(client, verein_bretten):
    make_opportunity(
        organisation=verein_bretten,
        title="Vorlesen <b>fett</b>",
        teaser="Kinder & <script>alert(1)</script> Bücher",
        contact_name="Erika Mustermann",
        contact_email="erika.geheim@example.org",
        contact_phone="07252 123456",
    )
    response = client.get("/suche/feed/")
    body = response.content.decode()
    for private in ("erika.geheim@example.org", "07252 123456", "Erika Mustermann", verein_bretten.email):
        assert private not in body

    [entry] = entries(ET.fromstring(response.content))
    assert entry.findtext(f"{ATOM}title") == "Vorlesen <b>fett</b>"  # plain text, shown as typed
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    # The summary is HTML: the teaser arrives as text, never as a script.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in summary.text
    assert "<script>" not in summary.text and "Kinder &amp; " in summary.text


def test_the_number_of_queries_does_not_grow_with_the_number_of_offers(client, verein_bretten):
    make_opportunity(organisation=verein_bretten, title="Angebot 0", slug="angebot-0")
    feed(client, city="bretten")
    cache.clear()
    with CaptureQueriesContext(connection) as few:
        assert len(entries(feed(client, city="bretten"))) == 1
    for number in range(1, 8):
        make_opportunity(
            organisation=verein_bretten,
            title=f"Angebot {number}",
            slug=f"angebot-{number}",
            categories=("sport", "soziales"),
        )
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        assert len(entries(feed(client, city="bretten"))) == 8
    assert len(many) == len(few), [query["sql"] for query in many]


def test_at_most_the_newest_30_offers(client, verein_bretten):
    for number in range(32):
        make_opportunity(organisation=verein_bretten, title=f"Angebot {number}", slug=f"angebot-{number}")
    listed = titles(feed(client))
    assert len(listed) == 30
    assert listed[0] == "Angebot 31" and "Angebot 0" not in listed and "Angebot 1" not in listed


BRETTEN_HOST = "engagement.bretten.localhost"


@pytest.fixture
def city_hosts(settings):
    settings.CITY_HOSTS = {"bretten": BRETTEN_HOST}
    cache.clear()  # Wagtail caches the site root paths
    yield make_city("bretten"), make_city("ettlingen")
    cache.clear()


def test_on_a_city_host_the_feed_starts_in_that_city(client, city_hosts):
    bretten, ettlingen = city_hosts
    offer = make_opportunity(city=bretten, title="Tafel-Ausgabe in Bretten")
    make_opportunity(city=ettlingen, title="Gartenpflege in Ettlingen")

    root = feed(client, host=BRETTEN_HOST)
    assert titles(root) == ["Tafel-Ausgabe in Bretten"]
    assert root.findtext(f"{ATOM}title") == "Engagement-Angebote in Bretten"
    assert entries(root)[0].find(f"{ATOM}link").get("href") == f"http://{BRETTEN_HOST}/{offer.slug}/"

    region = feed(client, region="1", host=BRETTEN_HOST)
    assert sorted(titles(region)) == ["Gartenpflege in Ettlingen", "Tafel-Ausgabe in Bretten"]


def test_the_search_page_offers_its_own_feed(client, verein_bretten):
    make_opportunity(
        organisation=verein_bretten, title="Hundebetreuung im Tierheim", categories=("tierschutz",)
    )
    html = client.get("/suche/", {"q": "Betreuung", "category": "tierschutz", "page": "1"}).content.decode()
    feed_url = "/suche/feed/?q=Betreuung&amp;category=tierschutz"
    assert '<link rel="alternate" type="application/atom+xml"' in html and feed_url in html
    assert "als Feed abonnieren" in html
    feed = client.get(feed_url.replace("&amp;", "&"))
    assert feed.status_code == 200 and "Hundebetreuung im Tierheim" in feed.content.decode()
