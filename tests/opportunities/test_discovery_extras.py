"""The opportunity page helps to decide and to go on: similar offers, the place on OpenStreetMap (a
link only), schema.org JobPosting for search engines; result cards mark new offers."""

import datetime as dt
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from engagement.opportunities import listings
from engagement.opportunities.listings import similar_to
from tests.factories import OrganisationFactory, make_city, make_opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _german_afterwards():
    """Requests under /en/ leave English active in this thread; the next test expects German."""
    yield
    from django.utils import translation

    translation.activate("de")


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def section(html, heading_id):
    return html.split(f'id="{heading_id}"')[1].split("</section>")[0]


# --- Similar opportunities ----------------------------------------------------------------------


def test_similar_offers_share_a_topic_and_are_in_the_same_city_or_nearby(verein_bretten, ettlingen):
    baden_baden = make_city("baden-baden")
    page = make_opportunity(organisation=verein_bretten, title="Gassigehen", categories=("tierschutz",))
    same_city = make_opportunity(organisation=verein_bretten, title="Katzen", categories=("tierschutz",))
    make_opportunity(organisation=verein_bretten, title="Anderes Thema", categories=("sport",))
    make_opportunity(organisation=verein_bretten, title="Entwurf", categories=("tierschutz",), publish=False)
    make_opportunity(city=baden_baden, title="Weit weg", categories=("tierschutz",), postcode="76530")
    # Ettlingen is about 25 km from Bretten: not nearby, but an offer there is similar to one in Ettlingen.
    in_ettlingen = make_opportunity(city=ettlingen, title="Tierheim Ettlingen", categories=("tierschutz",))
    assert [o.title for o in similar_to(page)] == [same_city.title]
    assert similar_to(in_ettlingen) == []


def test_nearby_offers_of_another_city_count_as_similar(bretten):
    other_city = make_city("ettlingen")
    page = make_opportunity(city=bretten, title="Hier", categories=("tierschutz",))
    nearby = make_opportunity(city=other_city, title="Nebenan", categories=("tierschutz",), postcode="76275")
    # Put the other offer next door: a few hundred metres from the first.
    type(nearby).objects.filter(pk=nearby.pk).update(latitude=page.latitude + 0.003, longitude=page.longitude)
    assert [o.title for o in similar_to(page)] == ["Nebenan"]


def test_more_shared_topics_rank_first_and_at_most_four_are_shown(client, verein_bretten):
    page = make_opportunity(
        organisation=verein_bretten, title="Ausgangspunkt", categories=("tierschutz", "soziales")
    )
    for number in range(5):
        make_opportunity(organisation=verein_bretten, title=f"Ein Thema {number}", categories=("soziales",))
    make_opportunity(organisation=verein_bretten, title="Beide Themen", categories=("tierschutz", "soziales"))
    titles = [o.title for o in similar_to(page)]
    assert titles[0] == "Beide Themen"
    assert len(titles) == 4
    html = client.get(page.url).content.decode()
    similar = section(html, "similar")
    assert "Ähnliche Angebote" in html
    assert similar.count('kern-card--interactive ev-card"') == 4
    assert "Ausgangspunkt" not in similar


def test_an_older_offer_sharing_every_topic_ranks_above_newer_ones_sharing_one(verein_bretten, monkeypatch):
    page = make_opportunity(
        organisation=verein_bretten, title="Ausgangspunkt", categories=("tierschutz", "soziales")
    )
    both = make_opportunity(
        organisation=verein_bretten, title="Beide Themen", categories=("tierschutz", "soziales")
    )
    for number in range(3):
        make_opportunity(organisation=verein_bretten, title=f"Neuer {number}", categories=("soziales",))
    # Fewer candidates than newer offers sharing one topic: the one sharing both is still found first.
    monkeypatch.setattr(listings, "SIMILAR_CANDIDATES", 2)
    titles = [o.title for o in similar_to(page)]
    assert titles == [both.title, "Neuer 2", "Neuer 1"]


def test_an_offer_without_topics_has_no_similar_offers(verein_bretten):
    page = make_opportunity(organisation=verein_bretten, title="Ohne Thema", categories=())
    make_opportunity(organisation=verein_bretten, title="Anderes", categories=("soziales",))
    assert similar_to(page) == []


def test_similar_offers_cost_the_same_queries_for_one_or_many(client, verein_bretten, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the rendering's queries, not the page cache's answer
    page = make_opportunity(organisation=verein_bretten, title="Ausgangspunkt", categories=("soziales",))
    make_opportunity(organisation=verein_bretten, title="Eins", categories=("soziales",))
    client.get(page.url)
    with CaptureQueriesContext(connection) as few:
        client.get(page.url)
    for number in range(3):
        make_opportunity(
            organisation=verein_bretten, title=f"Mehr {number}", categories=("soziales", "sport")
        )
    with CaptureQueriesContext(connection) as many:
        client.get(page.url)
    assert len(many) == len(few)


def test_no_similar_section_without_similar_offers(client, verein_bretten):
    page = make_opportunity(organisation=verein_bretten, title="Allein", categories=("rettung",))
    assert 'id="similar"' not in client.get(page.url).content.decode()


# --- OpenStreetMap link -------------------------------------------------------------------------


def test_map_link_opens_openstreetmap_at_the_address_and_loads_nothing_from_there(client, verein_bretten):
    page = make_opportunity(organisation=verein_bretten, street="Marktplatz 1")
    html = client.get(page.url).content.decode()
    link = re.search(
        r'<a class="kern-link ev-map-link" href="([^"]+)" rel="noreferrer">In OpenStreetMap öffnen', html
    )
    assert link
    lat, lon = f"{page.latitude:.5f}", f"{page.longitude:.5f}"
    assert link.group(1) == f"https://www.openstreetmap.org/?mlat={lat}&amp;mlon={lon}#map=17/{lat}/{lon}"
    assert not re.search(r"<(?:img|script|iframe|link)[^>]+openstreetmap", html)


def test_without_a_street_the_map_shows_the_area_without_a_pin(client, verein_bretten):
    page = make_opportunity(organisation=verein_bretten, street="")
    html = client.get(page.url).content.decode()
    link = re.search(r'href="(https://www\.openstreetmap\.org/[^"]+)"', html).group(1)
    assert "mlat" not in link
    assert link == f"https://www.openstreetmap.org/#map=14/{page.latitude:.3f}/{page.longitude:.3f}"


def test_remote_offers_have_no_map_link(client, verein_bretten):
    page = make_opportunity(organisation=verein_bretten, is_remote=True, street="", postcode="", place="")
    assert "openstreetmap.org" not in client.get(page.url).content.decode()


# --- schema.org JobPosting ----------------------------------------------------------------------


def test_job_posting_describes_the_volunteering_offer(client, verein_bretten):
    deadline = timezone.localdate() + dt.timedelta(days=30)
    page = make_opportunity(
        organisation=verein_bretten,
        title="Lesepatin gesucht",
        application_deadline=deadline,
        street="Marktplatz 1",
        hours_per_week=2.5,
        description="<p>Wir suchen Menschen, die gern vorlesen.</p><p>Einmal pro Woche.</p>",
    )
    data = json_ld(client.get(page.url).content.decode())
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "JobPosting"
    assert data["employmentType"] == "VOLUNTEER"
    assert data["title"] == "Lesepatin gesucht"
    assert "Wir suchen Menschen, die gern vorlesen.\n\nEinmal pro Woche." in data["description"]
    assert "<p>" not in data["description"]
    assert data["datePosted"] == page.first_published_at.date().isoformat()
    assert data["validThrough"] == deadline.isoformat()
    assert data["hiringOrganization"]["name"] == "Tafel Bretten e. V."
    assert data["hiringOrganization"]["url"].endswith(verein_bretten.get_absolute_url())
    assert data["jobLocation"]["address"] == {
        "@type": "PostalAddress",
        "addressCountry": "DE",
        "streetAddress": "Marktplatz 1",
        "postalCode": "75015",
        "addressLocality": "Bretten",
        "addressRegion": "Baden-Württemberg",
    }
    assert data["url"].endswith(page.url)
    assert data["workHours"] == "2.5 h/Woche"


def test_job_posting_of_a_remote_offer_is_telecommute_without_address(client, verein_bretten):
    page = make_opportunity(organisation=verein_bretten, is_remote=True, street="", postcode="", place="")
    data = json_ld(client.get(page.url).content.decode())
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert "jobLocation" not in data
    assert "validThrough" not in data  # no deadline, no end


def test_job_posting_leaves_out_a_street_the_organisation_did_not_give(client, verein_bretten):
    page = make_opportunity(organisation=verein_bretten, street="")
    data = json_ld(client.get(page.url).content.decode())
    assert "streetAddress" not in data["jobLocation"]["address"]


def test_a_title_cannot_break_out_of_the_json_ld(client, verein_bretten):
    evil = 'Hilfe</script><script>alert("x")</script><!--'
    page = make_opportunity(organisation=verein_bretten, title=evil, teaser="a & b <b>")
    html = client.get(page.url).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block and ">" not in block and "&" not in block
    assert "\\u003C/script\\u003E" in block
    assert 'alert("x")</script>' not in html  # neither in the head nor in the body
    assert json.loads(block)["title"] == evil  # the data stays intact for search engines


# --- "Neu" badge on result cards ----------------------------------------------------------------


def test_result_cards_mark_offers_of_the_last_fourteen_days_as_new(client, verein_bretten):
    fresh = make_opportunity(organisation=verein_bretten, title="Frisch")
    border = make_opportunity(organisation=verein_bretten, title="Dreizehn Tage")
    old = make_opportunity(organisation=verein_bretten, title="Alt")
    now = timezone.now()
    type(old).objects.filter(pk=old.pk).update(first_published_at=now - dt.timedelta(days=15))
    type(border).objects.filter(pk=border.pk).update(first_published_at=now - dt.timedelta(days=13))
    html = client.get("/suche/").content.decode()
    cards = {
        title: card
        for card in html.split('class="kern-card kern-card--interactive ev-card"')[1:]
        for title in ("Frisch", "Dreizehn Tage", "Alt")
        if f">{title}</a>" in card
    }
    assert '<span class="kern-label">Neu</span>' in cards["Frisch"]
    assert '<span class="kern-label">Neu</span>' in cards["Dreizehn Tage"]
    assert '<span class="kern-label">Neu</span>' not in cards["Alt"]
    assert fresh.title in html


def test_new_badge_is_translated(client, verein_bretten):
    make_opportunity(organisation=verein_bretten, title="Frisch")
    assert '<span class="kern-label">New</span>' in client.get("/en/suche/").content.decode()


def test_other_organisations_offers_do_not_leak_into_similar_offers_when_unverified(verein_bretten):
    from engagement.organisations.models import Organisation

    page = make_opportunity(organisation=verein_bretten, categories=("soziales",))
    pending = OrganisationFactory(
        home_city=verein_bretten.home_city, verification_state=Organisation.VerificationState.PENDING
    )
    make_opportunity(organisation=pending, title="Ungeprüft", categories=("soziales",))
    assert similar_to(page) == []
