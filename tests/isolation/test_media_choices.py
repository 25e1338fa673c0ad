"""Image fields in the admin accept only images the editor may choose: their own city's collection.

The chooser modal only lists those, but the form field behind it took any id: Bretten's editor could
post the id of an image in Ettlingen's collection as an organisation's logo, an opportunity's picture
or the stage logo, and see Ettlingen's image. Now another city's id is a form error and nothing is
saved; the own city's image is saved as before, and a picture already set stays when the form is saved
unchanged.
"""

import pytest
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from engagement.cities.models import CityPage
from engagement.opportunities.models import OpportunityPage
from engagement.organisations.models import Organisation

from .form_data import opportunity_form

pytestmark = pytest.mark.django_db

REFUSED = "Bitte wählen Sie ein Bild aus der Sammlung Ihrer Stadt."


def organisation_form(organisation, **changes):
    data = {
        "name": organisation.name,
        "kind": organisation.kind,
        "description": organisation.description,
        "logo": organisation.logo_id or "",
        "website": organisation.website,
        "email": organisation.email,
        "phone": organisation.phone,
        "street": organisation.street,
        "postcode": organisation.postcode,
        "place": organisation.place,
        "home_city": organisation.home_city_id,
        "verification_state": organisation.verification_state,
    }
    return {**data, **changes}


def city_form(city, **changes):
    data = nested_form_data(
        {
            "title": city.title,
            "slug": city.slug,
            "stage_name": city.stage_name,
            "logo": city.logo_id or "",
            "intro": rich_text(city.intro or "<p></p>"),
            "contact_role": city.contact_role,
            "postcodes": city.postcodes,
            "area_postcodes": city.area_postcodes,
            "review_days": city.review_days,
            "reply_promise_days": city.reply_promise_days,
            "accent_colour": city.accent_colour,
            "comments": inline_formset([]),
            "recognition_thresholds": inline_formset([]),
        }
    )
    return {**data, **changes}


def edit_organisation(client, organisation, **changes):
    url = reverse("organisations:edit", args=[organisation.pk])
    return client.post(url, organisation_form(organisation, **changes))


def edit_page(client, page, form):
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), form)


def refused(response, foreign_image):
    html = response.content.decode()
    return response.status_code in (200, 400) and REFUSED in html and foreign_image.title not in html


def test_organisation_logo_from_another_city_is_refused(client, world):
    own, foreign = world.cities["bretten"], world.cities["ettlingen"]
    client.force_login(own.editor)
    response = edit_organisation(client, own.organisation, logo=foreign.image.pk)
    assert refused(response, foreign.image)
    assert Organisation.objects.get(pk=own.organisation.pk).logo_id is None
    # The edit form and the organisation's pages do not show Ettlingen's picture afterwards either.
    html = client.get(reverse("organisations:edit", args=[own.organisation.pk])).content.decode()
    assert foreign.image.title not in html


def test_organisation_logo_from_the_own_city_is_saved(client, world):
    own = world.cities["bretten"]
    client.force_login(own.editor)
    response = edit_organisation(client, own.organisation, logo=own.image.pk)
    assert response.status_code == 302
    assert Organisation.objects.get(pk=own.organisation.pk).logo_id == own.image.pk


def test_opportunity_image_from_another_city_is_refused(client, world):
    own, foreign = world.cities["bretten"], world.cities["ettlingen"]
    page = own.live
    revisions_before = page.revisions.count()
    client.force_login(own.editor)
    response = edit_page(client, page, opportunity_form(page, image=foreign.image.pk))
    assert refused(response, foreign.image)
    assert page.revisions.count() == revisions_before
    assert OpportunityPage.objects.get(pk=page.pk).image_id is None
    publish = {**opportunity_form(page, image=foreign.image.pk), "action-publish": "1"}
    response = edit_page(client, page, publish)
    assert refused(response, foreign.image)
    assert OpportunityPage.objects.get(pk=page.pk).image_id is None


def test_opportunity_image_from_the_own_city_is_saved(client, world):
    own = world.cities["bretten"]
    page = own.live
    client.force_login(own.editor)
    response = edit_page(client, page, {**opportunity_form(page, image=own.image.pk), "action-publish": "1"})
    assert response.status_code == 302
    assert OpportunityPage.objects.get(pk=page.pk).image_id == own.image.pk


def test_stage_logo_from_another_city_is_refused(client, world):
    own, foreign = world.cities["bretten"], world.cities["ettlingen"]
    city = own.city
    revisions_before = city.revisions.count()
    client.force_login(own.editor)
    response = edit_page(client, city, city_form(city, logo=foreign.image.pk))
    assert refused(response, foreign.image)
    assert city.revisions.count() == revisions_before
    assert CityPage.objects.get(pk=city.pk).logo_id is None


def test_stage_logo_from_the_own_city_is_saved(client, world):
    own = world.cities["bretten"]
    city = own.city
    client.force_login(own.editor)
    response = edit_page(client, city, {**city_form(city, logo=own.image.pk), "action-publish": "1"})
    assert response.status_code == 302
    assert CityPage.objects.get(pk=city.pk).logo_id == own.image.pk


def test_a_picture_an_administrator_set_from_elsewhere_stays_when_the_editor_saves(client, world):
    own = world.cities["bretten"]
    portal_image = Image.objects.create(
        title="Portalbild", file=get_test_image_file(), collection=Collection.get_first_root_node()
    )
    Organisation.objects.filter(pk=own.organisation.pk).update(logo=portal_image)
    organisation = Organisation.objects.get(pk=own.organisation.pk)
    client.force_login(own.editor)
    response = edit_organisation(client, organisation, description="Neu beschrieben.")
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.logo_id == portal_image.pk and organisation.description == "Neu beschrieben."
    # ...but the editor cannot pick it for another organisation of theirs.
    response = edit_organisation(client, own.pending_organisation, logo=portal_image.pk)
    assert response.status_code == 200 and REFUSED in response.content.decode()


def test_administrators_choose_from_every_collection(client, world):
    own, foreign = world.cities["bretten"], world.cities["ettlingen"]
    client.force_login(world.superuser)
    response = edit_organisation(client, own.organisation, logo=foreign.image.pk)
    assert response.status_code == 302
    assert Organisation.objects.get(pk=own.organisation.pk).logo_id == foreign.image.pk


def test_the_verein_dashboard_takes_uploads_only_never_an_image_id(client, world):
    own, foreign = world.cities["bretten"], world.cities["ettlingen"]
    page = own.live
    client.force_login(world.verein_member)
    data = {
        "title": page.title,
        "teaser": page.teaser,
        "description": "Wir suchen Menschen, die gern vorlesen.",
        "categories": [category.pk for category in page.categories.all()],
        "schedule_kind": page.schedule_kind,
        "rhythm": page.rhythm,
        "postcode": page.postcode,
        "place": page.place,
        "volunteers_needed": 3,
        "recruitment_status": "open",
        "image": foreign.image.pk,
    }
    response = client.post(f"/mein-verein/angebote/{page.pk}/bearbeiten/", data)
    assert response.status_code == 302  # saved as a new draft of the live page...
    stored = OpportunityPage.objects.get(pk=page.pk)
    assert stored.latest_revision_id != page.latest_revision_id
    assert stored.get_latest_revision_as_object().image_id is None  # ...without the posted image id
