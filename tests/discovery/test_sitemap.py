"""Search engines find what citizens may find, on the host where it lives, in both languages, and
nothing private: sitemap.xml and robots.txt."""

import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache

from engagement.organisations.models import Organisation
from tests.factories import OrganisationFactory, in_days, make_city, make_opportunity

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
BRETTEN = "engagement.bretten.localhost"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()  # the sitemap is kept for an hour; Wagtail keeps the site root paths
    yield
    cache.clear()


def locations(client, path, host="testserver"):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return [element.text for element in ET.fromstring(response.content).iterfind(".//sm:loc", NS)]


def all_locations(client, host="testserver"):
    urls = []
    for section in locations(client, "/sitemap.xml", host):
        path = section.split(host, 1)[1]
        urls += locations(client, path, host)
    return urls


def test_the_sitemap_lists_every_findable_offer_in_both_languages_and_nothing_else(client, bretten):
    listed = make_opportunity(city=bretten, title="Tafel-Ausgabe")
    draft = make_opportunity(city=bretten, title="Entwurf", publish=False)
    over = make_opportunity(city=bretten, title="Vorbei", application_deadline=in_days(-1).date())
    suspended = make_opportunity(
        city=bretten,
        title="Gesperrt",
        organisation=OrganisationFactory(
            home_city=bretten, verification_state=Organisation.VerificationState.SUSPENDED
        ),
    )
    urls = all_locations(client)
    assert f"http://testserver/bretten/{listed.slug}/" in urls
    assert f"http://testserver/en/bretten/{listed.slug}/" in urls
    for hidden in (draft, over, suspended):
        assert not any(f"/{hidden.slug}/" in url for url in urls), hidden.title


def test_the_sitemap_lists_start_page_sections_legal_pages_and_verified_organisations(client, bretten):
    verified = OrganisationFactory(home_city=bretten, name="Tafel Bretten e.V.")
    pending = OrganisationFactory(
        home_city=bretten, name="Neu e.V.", verification_state=Organisation.VerificationState.PENDING
    )
    urls = all_locations(client)
    assert "http://testserver/" in urls and "http://testserver/en/" in urls
    assert "http://testserver/bretten/" in urls and "http://testserver/en/bretten/" in urls
    assert any(url.startswith("http://testserver/bretten/impressum") for url in urls)
    assert f"http://testserver/organisationen/{verified.slug}/" in urls
    assert f"http://testserver/en/organisationen/{verified.slug}/" in urls
    assert not any(pending.slug in url for url in urls)


def test_a_city_host_lists_its_own_section_and_the_portal_leaves_it_out(client, settings):
    settings.CITY_HOSTS = {"bretten": BRETTEN}
    bretten, ettlingen = make_city("bretten"), make_city("ettlingen")
    in_bretten = make_opportunity(city=bretten, title="Tafel-Ausgabe")
    in_ettlingen = make_opportunity(city=ettlingen, title="Gartenpflege")
    city_urls = all_locations(client, BRETTEN)
    assert f"http://{BRETTEN}/{in_bretten.slug}/" in city_urls
    assert not any(in_ettlingen.slug in url for url in city_urls)
    assert all(url.startswith(f"http://{BRETTEN}/") for url in city_urls)
    portal_urls = all_locations(client)
    assert f"http://testserver/ettlingen/{in_ettlingen.slug}/" in portal_urls
    assert not any(in_bretten.slug in url for url in portal_urls)


def test_the_sitemap_is_split_into_files_and_reads_the_same_number_of_queries_for_any_size(
    client, bretten, django_assert_max_num_queries, monkeypatch
):
    from engagement.discovery import sitemaps

    monkeypatch.setattr(sitemaps.HostSitemap, "limit", 2)
    offers = [make_opportunity(city=bretten, title=f"Angebot {number}") for number in range(5)]
    sections = locations(client, "/sitemap.xml")
    offer_files = [url for url in sections if "angebote-de" in url]
    assert len(offer_files) == 3  # 5 offers, 2 per file
    found = []
    for url in offer_files:
        cache.clear()
        with django_assert_max_num_queries(12):
            found += locations(client, url.split("testserver", 1)[1])
    assert sorted(found) == sorted(f"http://testserver/bretten/{offer.slug}/" for offer in offers)


def test_an_unknown_section_or_file_is_not_found(client, bretten):
    assert client.get("/sitemap-geheim.xml").status_code == 404
    assert client.get("/sitemap-angebote-de.xml?p=99").status_code == 404


def test_robots_txt_keeps_crawlers_out_of_private_areas_and_names_the_sitemap_of_its_host(client, settings):
    settings.CITY_HOSTS = {"bretten": BRETTEN}
    make_city("bretten")
    response = client.get("/robots.txt", HTTP_HOST=BRETTEN)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for private in (
        "/admin/",
        "/mein-verein/",
        "/en/mein-verein/",
        "/bewerbung/",
        "/en/bewerbung/",
        "/nachweis/",
        "/api/",
    ):
        assert f"Disallow: {private}" in lines
    assert "Disallow: /" not in lines  # the public pages stay open
    assert f"Sitemap: http://{BRETTEN}/sitemap.xml" in lines


def test_robots_and_sitemap_refuse_writes(client, bretten):
    assert client.post("/robots.txt").status_code == 405
    assert client.post("/sitemap.xml").status_code == 405
