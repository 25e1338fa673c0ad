import datetime as dt

import pytest
from django.utils import timezone

from engagement.opportunities import listings
from engagement.organisations.models import Organisation
from tests.factories import OrganisationFactory, in_days, make_opportunity

pytestmark = pytest.mark.django_db


def test_opportunity_page_shows_what_a_volunteer_needs_to_know(client, verein_bretten):
    page = make_opportunity(
        organisation=verein_bretten,
        title="Kinderbetreuung beim Elterncafé",
        minimum_age=18,
        requires_extended_certificate=True,
        offers_insurance=True,
        contact_name="Petra Sommer",
        contact_email="geheim@tafel.example.org",
        step_free_access=True,
    )
    html = client.get(page.url).content.decode()
    assert "Kinderbetreuung beim Elterncafé" in html
    assert "Tafel Bretten e. V." in html
    assert "Mindestens 18 Jahre alt" in html
    assert "Führungszeugnis" in html
    assert "Versicherungsschutz" in html
    assert "Petra Sommer" in html
    assert "geheim@tafel.example.org" not in html  # the contact address stays private


def test_filled_opportunity_says_that_nobody_is_needed(client, verein_bretten):
    page = make_opportunity(organisation=verein_bretten, recruitment_status="filled")
    html = client.get(page.url).content.decode()
    assert "Alle Plätze vergeben" in html
    assert "keine Freiwilligen gesucht" in html


def test_draft_opportunity_is_not_public(client, verein_bretten):
    page = make_opportunity(organisation=verein_bretten, publish=False)
    assert client.get(f"/bretten/{page.slug}/").status_code == 404


def test_city_page_lists_its_current_opportunities_only(client, verein_bretten, ettlingen):
    make_opportunity(organisation=verein_bretten, title="Gassigehen mit Tierheimhunden")
    make_opportunity(city=ettlingen, title="Streuobstwiese pflegen")
    make_opportunity(
        organisation=verein_bretten,
        title="Vergangenes Stadtfest",
        end_date=timezone.localdate() - dt.timedelta(days=1),
    )
    make_opportunity(
        organisation=verein_bretten,
        title="Abgelaufener Termin",
        schedule_kind="one_off",
        event_start=in_days(-3),
        event_end=in_days(-3, hour=12),
    )
    make_opportunity(
        organisation=OrganisationFactory(
            home_city=verein_bretten.home_city, verification_state=Organisation.VerificationState.PENDING
        ),
        title="Angebot eines ungeprüften Vereins",
    )
    html = client.get("/bretten/").content.decode()
    assert "Engagement vernetzt Bretten" in html
    assert "Gassigehen mit Tierheimhunden" in html
    for hidden in (
        "Streuobstwiese pflegen",
        "Vergangenes Stadtfest",
        "Abgelaufener Termin",
        "Angebot eines ungeprüften Vereins",
    ):
        assert hidden not in html


def test_city_page_queries_do_not_grow_with_its_opportunities(
    client, verein_bretten, django_assert_max_num_queries
):
    make_opportunity(organisation=verein_bretten, title="Erstes Angebot")
    client.get("/bretten/")  # warm caches (site root, content types)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get("/bretten/")
    for number in range(8):
        make_opportunity(
            organisation=verein_bretten, title=f"Weiteres Angebot {number}", slug=f"weiteres-{number}"
        )
    client.get("/bretten/")  # publishing dropped the cached topic counts: counted once, then cached
    with CaptureQueriesContext(connection) as many:
        response = client.get("/bretten/")
    assert response.content.decode().count("Weiteres Angebot") == 8
    assert len(many) == len(few)


def test_city_page_shows_the_volunteering_contact(client, bretten):
    bretten.contact_name = "Miriam Keller"
    bretten.contact_phone = "07252 000000"
    bretten.save_revision().publish()
    html = client.get("/bretten/").content.decode()
    assert "Miriam Keller" in html
    assert "07252 000000" in html


def test_home_page_links_all_cities_and_shows_new_opportunities(client, verein_bretten, ettlingen):
    make_opportunity(organisation=verein_bretten, title="Vorlesen in der Stadtbücherei")
    html = client.get("/").content.decode()
    assert 'href="/bretten/"' in html
    assert 'href="/ettlingen/"' in html
    assert "Vorlesen in der Stadtbücherei" in html
    assert 'lang="de"' in html


def test_organisation_profile_lists_its_live_opportunities(client, verein_bretten):
    make_opportunity(organisation=verein_bretten, title="Lebensmittel ausgeben")
    make_opportunity(organisation=verein_bretten, title="Noch ein Entwurf", publish=False)
    html = client.get(verein_bretten.get_absolute_url()).content.decode()
    assert "Tafel Bretten e. V." in html
    assert "Lebensmittel ausgeben" in html
    assert "Noch ein Entwurf" not in html


@pytest.mark.parametrize(
    "state", [Organisation.VerificationState.PENDING, Organisation.VerificationState.SUSPENDED]
)
def test_unverified_organisations_have_no_public_profile(client, bretten, state):
    organisation = OrganisationFactory(home_city=bretten, verification_state=state)
    assert client.get(organisation.get_absolute_url()).status_code == 404


def test_pages_load_nothing_from_other_hosts(client, verein_bretten):
    import re

    page = make_opportunity(organisation=verein_bretten)
    for url in ("/", "/bretten/", page.url, "/suche/?q=Vorlesen", verein_bretten.get_absolute_url()):
        html = client.get(url).content.decode()
        # Loaded resources only: the canonical and language links name addresses, they load nothing.
        loaded = r'<(?:link(?![^>]*rel="(?:canonical|alternate)")|script|img|iframe|source)'
        external = re.findall(loaded + r'[^>]+(?:src|href)="(https?:)?//', html)
        assert external == [], url


def test_home_page_counts_follow_publishing(client, verein_bretten, django_capture_on_commit_callbacks):
    from django.core.cache import cache

    cache.clear()
    make_opportunity(organisation=verein_bretten, title="Erstes", categories=("tierschutz",))
    assert client.get("/").context["categories"][9].opportunity_count == 1  # Tierschutz, cached now
    second = make_opportunity(organisation=verein_bretten, title="Zweites", categories=("tierschutz",))
    cities = {city.slug: city.opportunity_count for city in client.get("/").context["cities"]}
    assert cities["bretten"] == 2  # publishing dropped the cached counts
    second.unpublish()
    cities = {city.slug: city.opportunity_count for city in client.get("/").context["cities"]}
    assert cities["bretten"] == 1


def test_a_city_with_more_offers_than_the_cap_says_more_than(client, verein_bretten, monkeypatch, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the same address rendered again with another cap
    for number in range(3):
        make_opportunity(organisation=verein_bretten, title=f"Angebot {number}", slug=f"angebot-{number}")
    html = client.get("/bretten/").content.decode()
    assert "3 Angebote, die neuesten zuerst" in html and "Mehr als" not in html
    monkeypatch.setattr(listings, "CITY_COUNT_CAP", 2)
    html = client.get("/bretten/").content.decode()
    assert "Mehr als 2 Angebote, die neuesten zuerst" in html
    assert "3 Angebote, die neuesten zuerst" not in html
    english = client.get("/en/bretten/").content.decode()
    assert "More than 2 opportunities" in english


def test_the_portals_and_city_pages_counts_are_one_query(verein_bretten, ettlingen):
    """Every count of the home page and the city pages from one scan of the listed offers (three
    aggregates before, about 200 ms together at 100 000 offers after every publish)."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from engagement.opportunities.stats import category_counts, listed_counts
    from engagement.taxonomy.models import Category

    make_opportunity(organisation=verein_bretten, title="A", categories=("tierschutz", "soziales"))
    make_opportunity(organisation=verein_bretten, title="B", categories=("tierschutz",))
    make_opportunity(city=ettlingen, title="C", categories=("soziales",))
    make_opportunity(organisation=verein_bretten, title="Entwurf", publish=False, categories=("soziales",))
    cache.clear()
    topics = dict(Category.objects.values_list("slug", "pk"))
    bretten = verein_bretten.home_city
    with CaptureQueriesContext(connection) as queries:
        counts = listed_counts()
        in_bretten = category_counts(city=bretten)
        everywhere = category_counts()
    # One scan of the offers (besides Wagtail's look-up of view restrictions).
    assert sum("opportunities_opportunitypage" in query["sql"] for query in queries) == 1
    assert counts["cities"] == {bretten.pk: 2, ettlingen.pk: 1}
    assert counts["categories"] == everywhere == {topics["tierschutz"]: 2, topics["soziales"]: 2}
    assert in_bretten == {topics["tierschutz"]: 2, topics["soziales"]: 1}
