"""Copying an opportunity in the admin stays within its city: elsewhere its postcode and organisation
would not fit, and Wagtail's copy failed with a server error."""

import pytest
from django.urls import reverse

from engagement.opportunities.models import OpportunityPage
from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db


def copy(client, page, parent, slug):
    return client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {"new_title": "Kopie", "new_slug": slug, "new_parent_page": parent.pk, "publish_copies": "y"},
    )


def test_an_opportunity_is_copied_within_its_city_only(client, superuser, verein_bretten, ettlingen):
    page = make_opportunity(organisation=verein_bretten, title="Tafel")
    client.force_login(superuser)

    response = copy(client, page, ettlingen, "kopie-ettlingen")
    assert response.status_code == 200
    assert "nur in seiner Stadt kopieren" in response.content.decode()
    assert not OpportunityPage.objects.filter(slug="kopie-ettlingen").exists()

    response = copy(client, page, verein_bretten.home_city, "kopie-bretten")
    assert response.status_code == 302
    copied = OpportunityPage.objects.get(slug="kopie-bretten")
    assert copied.get_parent().pk == verein_bretten.home_city.pk and copied.title == "Kopie"
