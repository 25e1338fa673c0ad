"""The portal's entry to finding: search box with place and radius, topic tiles with counts,
"Dringend gesucht" and "Neue Angebote" built from the opportunity cards."""

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from engagement.organisations.models import Organisation
from tests.factories import OrganisationFactory, in_days, make_opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def test_search_box_asks_what_where_and_how_far_and_submits_to_the_search(client, bretten):
    html = client.get("/").content.decode()
    form = re.search(
        r'<form class="ev-search-form" action="/suche/" method="get".*?</form>', html, re.S
    ).group(0)
    assert 'name="q"' in form
    assert re.search(r'<label class="kern-label" for="home-search-near">Ort oder PLZ</label>', form)
    assert re.findall(r'<option value="(\d+)"', form) == ["5", "10", "25", "50"]
    assert '<option value="10" selected>' in form
    # "Meinen Standort verwenden" needs JavaScript: hidden until the script shows it.
    assert re.search(r'<div class="ev-locate" data-locate="home-search-near" hidden', form)


def test_the_home_search_box_finds_by_postcode_and_radius(client, verein_bretten, ettlingen):
    make_opportunity(organisation=verein_bretten, title="Tafel in Bretten", postcode="75015")
    make_opportunity(city=ettlingen, title="Streuobst in Ettlingen", postcode="76275")
    response = client.get("/suche/", {"q": "", "near": "75015", "radius": "5"})
    assert [card.title for card in response.context["page_obj"].object_list] == ["Tafel in Bretten"]


def test_topic_tiles_show_live_counts_and_link_to_the_search(client, verein_bretten, ettlingen):
    make_opportunity(organisation=verein_bretten, title="Gassigehen", categories=("tierschutz",))
    make_opportunity(city=ettlingen, title="Katzen füttern", categories=("tierschutz", "soziales"))
    make_opportunity(organisation=verein_bretten, title="Entwurf", categories=("tierschutz",), publish=False)
    html = client.get("/").content.decode()
    tile = re.search(r'<a class="ev-tile" href="/suche/\?category=tierschutz">(.*?)</a>', html, re.S)
    assert tile and "Tierschutz" in tile.group(1) and "2 Angebote" in tile.group(1)
    assert re.search(r'href="/suche/\?category=soziales">.*?1 Angebot<', html, re.S)
    assert 'href="/suche/?category=sport"' not in html  # no tile for a topic without offers


def test_newest_list_shows_the_latest_with_the_new_badge(client, verein_bretten):
    old = make_opportunity(organisation=verein_bretten, title="Schon lange dabei")
    old.first_published_at = timezone.now() - dt.timedelta(days=40)
    old.save(update_fields=["first_published_at"])
    make_opportunity(organisation=verein_bretten, title="Ganz frisch")
    html = client.get("/").content.decode()
    latest = html.split('id="home-latest"')[1].split("</section>")[0]
    assert latest.index("Ganz frisch") < latest.index("Schon lange dabei")
    cards = latest.split('class="kern-card kern-card--interactive ev-card"')[1:]
    fresh, older = cards
    assert '<span class="kern-label">Neu</span>' in fresh
    assert '<span class="kern-label">Neu</span>' not in older


def test_urgently_needed_lists_soon_deadlines_and_dates_soonest_first(client, verein_bretten):
    today = timezone.localdate()
    make_opportunity(
        organisation=verein_bretten,
        title="Anmeldung bis übermorgen",
        application_deadline=today + dt.timedelta(days=2),
    )
    make_opportunity(
        organisation=verein_bretten,
        title="Termin nächste Woche",
        schedule_kind="one_off",
        rhythm="",
        event_start=in_days(7),
    )
    make_opportunity(
        organisation=verein_bretten,
        title="Anmeldung in zwei Monaten",
        application_deadline=today + dt.timedelta(days=60),
    )
    make_opportunity(
        organisation=verein_bretten,
        title="Schon voll",
        application_deadline=today + dt.timedelta(days=1),
        recruitment_status="filled",
    )
    make_opportunity(organisation=verein_bretten, title="Ohne Frist")
    html = client.get("/").content.decode()
    urgent = html.split('id="home-urgent"')[1].split("</section>")[0]
    assert "Dringend gesucht" in html
    assert urgent.index("Anmeldung bis übermorgen") < urgent.index("Termin nächste Woche")
    for not_urgent in ("Anmeldung in zwei Monaten", "Schon voll", "Ohne Frist"):
        assert not_urgent not in urgent


def test_without_urgent_offers_there_is_no_empty_urgent_section(client, verein_bretten):
    make_opportunity(organisation=verein_bretten, title="Ohne Frist")
    assert 'id="home-urgent"' not in client.get("/").content.decode()


def test_home_page_queries_do_not_grow_with_its_opportunities(client, verein_bretten):
    today = timezone.localdate()
    make_opportunity(organisation=verein_bretten, title="Erstes", application_deadline=today)
    client.get("/")  # warm caches: site root, counts
    with CaptureQueriesContext(connection) as few:
        client.get("/")
    for number in range(6):
        make_opportunity(
            organisation=verein_bretten,
            title=f"Weiteres {number}",
            categories=("soziales", "tierschutz"),
            application_deadline=today + dt.timedelta(days=number),
        )
    client.get("/")  # publishing dropped the cached counts; count them once
    with CaptureQueriesContext(connection) as many:
        html = client.get("/").content.decode()
    assert html.count("Weiteres") >= 6
    assert len(many) == len(few)


def test_the_home_lists_follow_publishing_and_drop_what_is_no_longer_listed_at_once(
    client, verein_bretten, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # the lists below the page cache (its own tests cover the page)
    first = make_opportunity(organisation=verein_bretten, title="Erstes Angebot")
    other = OrganisationFactory(home_city=verein_bretten.home_city)
    make_opportunity(organisation=other, title="Angebot des anderen Vereins")

    def latest():
        html = client.get("/").content.decode()
        return html.split('id="home-latest"')[1].split("</section>")[0]

    assert "Erstes Angebot" in latest() and "Angebot des anderen Vereins" in latest()
    make_opportunity(organisation=verein_bretten, title="Gerade veröffentlicht")  # the lists are cached
    assert "Gerade veröffentlicht" in latest()
    first.unpublish()
    assert "Erstes Angebot" not in latest()
    # Even a change that sends no signal (here a bare UPDATE) takes an offer off the list at once.
    Organisation.objects.filter(pk=other.pk).update(
        verification_state=Organisation.VerificationState.SUSPENDED
    )
    assert "Angebot des anderen Vereins" not in latest()
