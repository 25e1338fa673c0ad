"""What a search engine and a messenger read in a page's head: one canonical address (on the page's
own host), the same page in the other language, noindex where a page is private or a filter
combination, and an Open Graph card with the page's own title, text and picture."""

import re
from html import unescape

import pytest
from django.core.cache import cache

from tests.factories import OrganisationFactory, make_city, make_opportunity

pytestmark = pytest.mark.django_db

BRETTEN = "engagement.bretten.localhost"


def head(response):
    assert response.status_code == 200
    return response.content.decode().split("</head>", 1)[0]


def links(html, rel):
    return re.findall(rf'<link rel="{rel}"(?: hreflang="([^"]+)")? href="([^"]+)">', html)


def meta(html, key):
    found = re.findall(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)">', html)
    return [unescape(value) for value in found]


def test_an_offer_has_its_canonical_address_and_both_languages(client, bretten):
    offer = make_opportunity(city=bretten, title="Tafel-Ausgabe")
    html = head(client.get(f"/bretten/{offer.slug}/?utm_source=newsletter"))
    assert links(html, "canonical") == [("", f"http://testserver/bretten/{offer.slug}/")]
    assert links(html, "alternate") == [
        ("de", f"http://testserver/bretten/{offer.slug}/"),
        ("en", f"http://testserver/en/bretten/{offer.slug}/"),
        ("x-default", f"http://testserver/bretten/{offer.slug}/"),
    ]
    assert meta(html, "robots") == []
    english = head(client.get(f"/en/bretten/{offer.slug}/"))
    assert links(english, "canonical") == [("", f"http://testserver/en/bretten/{offer.slug}/")]
    assert meta(english, "og:locale") == ["en_GB"]


def test_the_link_preview_shows_the_offer_and_escapes_what_the_organisation_typed(client, bretten):
    offer = make_opportunity(
        city=bretten, title='Kasse & Kuchen "<Sommerfest>"', teaser="Wir <b>suchen</b> Hilfe & Kuchen."
    )
    html = head(client.get(f"/bretten/{offer.slug}/"))
    assert meta(html, "og:title") == ['Kasse & Kuchen "<Sommerfest>"']
    assert meta(html, "og:description") == ["Wir suchen Hilfe & Kuchen."]
    assert meta(html, "og:site_name") == ["Engagement vernetzt Bretten"]
    assert meta(html, "og:url") == [f"http://testserver/bretten/{offer.slug}/"]
    assert meta(html, "twitter:card") == ["summary"]  # no picture: no large card
    assert "<Sommerfest>" not in html and "<b>" not in html.split('og:description" content="')[1][:60]


def test_an_offer_on_the_portal_names_its_city_host_as_canonical(client, settings):
    settings.CITY_HOSTS = {"bretten": BRETTEN}
    cache.clear()
    bretten = make_city("bretten")
    offer = make_opportunity(city=bretten, title="Tafel-Ausgabe")
    on_city_host = head(client.get(f"/{offer.slug}/", HTTP_HOST=BRETTEN))
    assert links(on_city_host, "canonical") == [("", f"http://{BRETTEN}/{offer.slug}/")]
    assert ("en", f"http://{BRETTEN}/en/{offer.slug}/") in links(on_city_host, "alternate")
    cache.clear()


def test_a_further_page_of_a_listing_is_its_own_canonical_page(client, bretten):
    html = head(client.get("/bretten/?page=2&utm_campaign=x"))
    assert links(html, "canonical") == [("", "http://testserver/bretten/")]  # other parameters: the section
    assert links(head(client.get("/bretten/?page=2")), "canonical") == [
        ("", "http://testserver/bretten/?page=2")
    ]


def test_an_organisation_profile_is_indexed_with_its_name(client, bretten):
    organisation = OrganisationFactory(home_city=bretten, name="Tafel Bretten e.V.")
    html = head(client.get(f"/organisationen/{organisation.slug}/"))
    assert links(html, "canonical") == [("", f"http://testserver/organisationen/{organisation.slug}/")]
    assert meta(html, "og:title") == ["Tafel Bretten e.V."]


def test_the_bare_search_is_a_landing_page_and_a_filter_combination_is_not_indexed(client, bretten):
    bare = head(client.get("/suche/"))
    assert links(bare, "canonical") == [("", "http://testserver/suche/")]
    filtered = head(client.get("/suche/", {"q": "Tafel"}))
    assert links(filtered, "canonical") == [] and links(filtered, "alternate") == []
    assert meta(filtered, "robots") == ["noindex, follow"]


def test_private_and_missing_pages_are_never_indexed(client, bretten):
    assert meta(head(client.get("/mein-verein/anmelden/")), "robots") == ["noindex, follow"]
    missing = client.get("/bretten/gibt-es-nicht/")
    assert missing.status_code == 404
    html = missing.content.decode().split("</head>", 1)[0]
    assert meta(html, "robots") == ["noindex"] and links(html, "canonical") == []
