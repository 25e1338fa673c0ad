"""A Verein adds a picture to its opportunity from the dashboard; it is moderated with the page."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from engagement.opportunities.models import OpportunityPage
from tests.dashboard.test_dashboard import form_data
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory, make_opportunity

pytestmark = pytest.mark.django_db
Image = get_image_model()


def picture(name="foto.png", fmt="PNG", size=(40, 30)):
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, (200, 120, 40)).save(buffer, fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")


@pytest.fixture
def member(verein_bretten):
    return MembershipFactory(organisation=verein_bretten, user=UserFactory(username="verein-bretten")).user


def create(client, organisation, **fields):
    return client.post(f"/mein-verein/organisation/{organisation.pk}/neu/", form_data(**fields))


def test_the_picture_goes_into_the_citys_collection_and_shows_with_its_description(
    client, member, verein_bretten, bretten
):
    client.force_login(member)
    response = create(
        client, verein_bretten, image_file=picture(), image_alt="Zwei Kinder lesen mit einer Frau ein Buch."
    )
    assert response.status_code == 302
    page = OpportunityPage.objects.get()
    draft = page.get_latest_revision_as_object()
    image = Image.objects.get()
    assert draft.image == image and image.collection == bretten.collection
    assert image.uploaded_by_user == member
    preview = client.get(f"/mein-verein/angebote/{page.pk}/vorschau/").content.decode()
    assert 'alt="Zwei Kinder lesen mit einer Frau ein Buch."' in preview


def test_the_form_is_multipart_and_offers_the_picture_as_a_step(client, member, verein_bretten):
    client.force_login(member)
    html = client.get(f"/mein-verein/organisation/{verein_bretten.pk}/neu/").content.decode()
    assert 'enctype="multipart/form-data"' in html and "data-steps" in html
    assert "2. Bild" in html and 'accept="image/jpeg,image/png,image/webp"' in html
    assert "Bild entfernen" not in html  # nothing to remove yet


@pytest.mark.parametrize(
    "upload, message",
    [
        (
            SimpleUploadedFile("rechnung.png", b"%PDF-1.4 not a picture", content_type="image/png"),
            "Diese Datei ist kein Bild, das wir lesen können.",
        ),
        (picture("animation.gif", fmt="GIF"), "Bitte laden Sie ein Bild als JPG, PNG oder WebP hoch."),
    ],
)
def test_a_file_that_is_no_usable_picture_gets_a_german_message_and_saves_nothing(
    client, member, verein_bretten, upload, message
):
    client.force_login(member)
    response = create(client, verein_bretten, image_file=upload)
    assert response.status_code == 400
    content = response.content.decode()
    assert message in content
    assert "Lesepat:in für Grundschulkinder" in content  # what was typed is still there
    assert not OpportunityPage.objects.exists() and not Image.objects.exists()


def test_too_large_pictures_are_refused(client, member, verein_bretten, monkeypatch):
    from engagement.dashboard import forms

    monkeypatch.setattr(forms, "MAX_IMAGE_BYTES", 100)
    client.force_login(member)
    response = create(client, verein_bretten, image_file=picture())
    assert "Das Bild ist größer als 5 MB." in response.content.decode()
    monkeypatch.setattr(forms, "MAX_IMAGE_BYTES", 10**7)
    monkeypatch.setattr(forms, "MAX_IMAGE_PIXELS", 1000)
    response = create(client, verein_bretten, image_file=picture(size=(50, 50)))
    assert "Das Bild hat zu viele Bildpunkte." in response.content.decode()
    assert not Image.objects.exists()


def test_replacing_and_removing_the_picture_of_a_live_opportunity_waits_for_moderation(
    client, member, verein_bretten
):
    page = make_opportunity(organisation=verein_bretten, title="Lesepat:in für Grundschulkinder")
    client.force_login(member)
    edit = f"/mein-verein/angebote/{page.pk}/bearbeiten/"
    client.post(edit, form_data(image_file=picture(), image_alt="Ein Buch"))
    page.refresh_from_db()
    assert page.image is None  # the live version keeps its (missing) picture until approved
    assert page.get_latest_revision_as_object().image is not None
    html = client.get(edit).content.decode()
    assert "Das aktuelle Bild." in html and "Bild entfernen" in html
    client.post(edit, form_data(remove_image="on", image_alt="Ein Buch"))
    page.refresh_from_db()
    draft = page.get_latest_revision_as_object()
    assert draft.image is None and draft.image_alt == ""


def test_another_vereins_member_cannot_put_a_picture_on_the_opportunity(client, verein_bretten, ettlingen):
    page = make_opportunity(organisation=verein_bretten)
    stranger = MembershipFactory(organisation=OrganisationFactory(home_city=ettlingen)).user
    client.force_login(stranger)
    response = client.post(f"/mein-verein/angebote/{page.pk}/bearbeiten/", form_data(image_file=picture()))
    assert response.status_code == 403
    assert not Image.objects.exists()
