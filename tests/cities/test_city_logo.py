"""The city's logo brands its stage: on its own host and on its section page, as a rendition from our host."""

import io
import re

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from tests.factories import make_city, make_opportunity

pytestmark = pytest.mark.django_db

BRETTEN = "engagement.bretten.localhost"
ETTLINGEN = "engagement.ettlingen.localhost"


@pytest.fixture
def hosts(settings):
    settings.CITY_HOSTS = {"bretten": BRETTEN, "ettlingen": ETTLINGEN}
    cache.clear()  # Wagtail caches the site root paths
    yield make_city("bretten"), make_city("ettlingen")
    cache.clear()


def logo_image(title="Logo Bretten"):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (600, 200), (11, 83, 148)).save(buffer, "PNG")
    return get_image_model().objects.create(
        title=title, file=SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")
    )


def publish_logo(city, image):
    city.logo = image
    city.save_revision().publish()
    city.refresh_from_db()
    return city


def logo_imgs(html, image):
    """The <img> tags showing a rendition of `image` (Wagtail names renditions after the original)."""
    stem = image.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return [tag for tag in re.findall(r"<img\b[^>]*>", html) if f"/media/images/{stem}." in tag]


def test_the_logo_shows_on_the_city_host_and_on_the_city_page(client, hosts):
    bretten, ettlingen = hosts
    image = logo_image()
    publish_logo(bretten, image)
    offer = make_opportunity(city=bretten, title="Tafel-Ausgabe in Bretten")

    for html in (
        client.get("/", HTTP_HOST=BRETTEN).content.decode(),  # the city host's start page
        client.get(f"/{offer.slug}/", HTTP_HOST=BRETTEN).content.decode(),  # any page of the stage
        client.get("/bretten/").content.decode(),  # the city page on the portal
    ):
        [tag] = logo_imgs(html, image)
        # The stage name is printed beside it: the logo adds nothing for a screen reader.
        assert 'alt=""' in tag and "Engagement vernetzt Bretten" in html
        src = re.search(r'src="([^"]+)"', tag).group(1)
        assert src.startswith("/media/images/")  # from our own host
        assert src != image.file.url  # a rendition, not the 600 px original

    # Neither the portal's start page nor another city's stage shows Bretten's logo.
    assert not logo_imgs(client.get("/").content.decode(), image)
    assert not logo_imgs(client.get("/", HTTP_HOST=ETTLINGEN).content.decode(), image)


def test_without_a_logo_the_stage_shows_its_name(client, hosts):
    response = client.get("/", HTTP_HOST=BRETTEN)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Engagement vernetzt Bretten" in html
    assert "/media/images/" not in html
    assert client.get("/bretten/").status_code == 200


def test_imprint_and_contact_of_the_city_appear_on_the_city_host(client, hosts):
    bretten, _ = hosts
    bretten.contact_name, bretten.contact_email = "Eva Ehrenamt", "ehrenamt@bretten.example"
    bretten.save_revision().publish()

    home = client.get("/", HTTP_HOST=BRETTEN).content.decode()
    assert "Eva Ehrenamt" in home and 'href="mailto:ehrenamt@bretten.example"' in home
    assert 'href="/impressum/"' in home  # the city's own imprint, on its host
    imprint = client.get("/impressum/", HTTP_HOST=BRETTEN)
    assert imprint.status_code == 200 and "Bretten" in imprint.content.decode()
