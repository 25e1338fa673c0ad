"""What organisations type never reaches a page as markup: checked in the whole document (head and
body) of every public page that shows it, not only where one place happened to be checked."""

import re

import pytest

from tests.factories import OrganisationFactory, make_opportunity

pytestmark = pytest.mark.django_db

EVIL = '<script>alert("x")</script>'


@pytest.fixture
def evil_offer(bretten):
    organisation = OrganisationFactory(name=f"Verein {EVIL}", home_city=bretten)
    return make_opportunity(
        organisation=organisation,
        city=bretten,
        title=f"Hilfe {EVIL}",
        teaser=f"Kurz & {EVIL} knapp",
        place=f"Bretten {EVIL}",
        contact_name=f"Frau {EVIL}",
    )


def pages(offer):
    return {
        "offer": offer.url,
        "search": "/suche/?q=Hilfe",
        "home": "/",
        "city": offer.get_parent().url,
        "report form": f"/melden/{offer.pk}/",
    }


@pytest.mark.parametrize("name", ["offer", "search", "home", "city", "report form"])
def test_typed_markup_is_escaped_in_head_and_body(client, evil_offer, name):
    html = client.get(pages(evil_offer)[name]).content.decode()

    assert "Hilfe" in html, "the page shows the offer at all"
    head, _, body = html.partition("</head>")
    for part in (head, body):
        assert EVIL not in part
        assert "<script>alert" not in part
    assert "&lt;script&gt;alert(" in body


def test_the_offer_page_escapes_every_typed_field_in_the_body(client, evil_offer):
    body = client.get(evil_offer.url).content.decode().partition("</head>")[2]
    for shown in ("Hilfe ", "Kurz &amp; ", "Verein ", "Frau "):
        assert re.search(re.escape(shown) + r"&lt;script&gt;alert\(&quot;x&quot;\)&lt;/script&gt;", body), (
            shown
        )
