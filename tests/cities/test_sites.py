"""Each city's own stage under its own host name; the regional portal at the main host shows all."""

import re

import pytest
from django.core.cache import cache
from wagtail.models import Site

from tests.factories import make_city, make_opportunity

pytestmark = pytest.mark.django_db

BRETTEN = "engagement.bretten.localhost"
ETTLINGEN = "engagement.ettlingen.localhost"


@pytest.fixture
def hosts(settings):
    settings.CITY_HOSTS = {"bretten": BRETTEN, "ettlingen": ETTLINGEN}
    cache.clear()  # Wagtail caches the site root paths
    bretten, ettlingen = make_city("bretten"), make_city("ettlingen")
    yield bretten, ettlingen
    cache.clear()


@pytest.fixture
def offers(hosts):
    bretten, ettlingen = hosts
    return (
        make_opportunity(city=bretten, title="Tafel-Ausgabe in Bretten"),
        make_opportunity(city=ettlingen, title="Gartenpflege in Ettlingen"),
    )


def get(client, host, path, **params):
    return client.get(path, params, HTTP_HOST=host)


def test_setup_city_creates_one_site_per_city_host_and_running_it_again_changes_nothing(hosts):
    bretten, _ = hosts
    site = Site.objects.get(hostname=BRETTEN)
    assert site.root_page.specific == bretten and site.site_name == "Engagement vernetzt Bretten"
    assert not site.is_default_site
    make_city("bretten")
    assert Site.objects.filter(hostname=BRETTEN).count() == 1
    portal = Site.objects.get(is_default_site=True)
    assert (portal.hostname, portal.port) == ("testserver", 80)  # from WAGTAILADMIN_BASE_URL


def test_without_city_hosts_there_is_only_the_portal(bretten):
    assert list(Site.objects.values_list("is_default_site", flat=True)) == [True]


def test_the_city_host_shows_the_city_section_as_its_start_page(client, offers):
    bretten_offer, ettlingen_offer = offers
    home = get(client, BRETTEN, "/")
    assert home.status_code == 200
    content = home.content.decode()
    assert "Engagement vernetzt Bretten" in content and "Tafel-Ausgabe in Bretten" in content
    assert get(client, BRETTEN, f"/{bretten_offer.slug}/").status_code == 200
    assert get(client, BRETTEN, f"/{ettlingen_offer.slug}/").status_code == 404  # not in this stage


def test_the_portal_keeps_every_city_section_under_its_slug(client, offers):
    assert client.get("/bretten/").status_code == 200
    assert client.get("/ettlingen/").status_code == 200
    assert "Gartenpflege in Ettlingen" in client.get("/ettlingen/").content.decode()


def test_links_to_another_citys_pages_use_that_citys_host(client, offers):
    bretten_offer, ettlingen_offer = offers
    results = get(client, BRETTEN, "/suche/", region="1").content.decode()
    assert f'href="/{bretten_offer.slug}/"' in results
    assert f'href="http://{ETTLINGEN}/{ettlingen_offer.slug}/"' in results
    on_portal = client.get("/suche/").content.decode()
    assert f'href="/ettlingen/{ettlingen_offer.slug}/"' in on_portal


def test_search_on_a_city_host_starts_in_that_city_and_offers_the_whole_region(client, offers):
    page = get(client, BRETTEN, "/suche/").content.decode()
    assert "Tafel-Ausgabe in Bretten" in page and "Gartenpflege in Ettlingen" not in page
    assert "Sie suchen in Bretten." in page and 'href="?region=1"' in page
    assert "Engagement vernetzt Bretten" in page  # the city's stage themes the search page too
    region = get(client, BRETTEN, "/suche/", region="1").content.decode()
    assert "Tafel-Ausgabe in Bretten" in region and "Gartenpflege in Ettlingen" in region
    chosen = get(client, BRETTEN, "/suche/", city="ettlingen", region="1").content.decode()
    assert "Gartenpflege in Ettlingen" in chosen and "Tafel-Ausgabe in Bretten" not in chosen
    portal = client.get("/suche/").content.decode()
    assert "Tafel-Ausgabe in Bretten" in portal and "Gartenpflege in Ettlingen" in portal
    assert "Sie suchen in" not in portal


def test_mails_about_a_citys_opportunity_link_to_the_citys_host(client, offers, mailoutbox):
    bretten_offer, _ = offers
    from tests.applications.conftest import DATA, post

    post(client, f"/bewerben/{bretten_offer.pk}/", DATA, HTTP_HOST=BRETTEN)
    [confirmation] = mailoutbox
    links = re.findall(r"https?://\S+", confirmation.body)
    assert links and all(link.startswith(f"http://{BRETTEN}/") for link in links)
    assert get(client, BRETTEN, links[0].removeprefix(f"http://{BRETTEN}")).status_code == 200
