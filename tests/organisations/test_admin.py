import pytest
from django.contrib.auth.models import Group

from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_administrators_manage_organisations_in_the_admin(client, superuser, bretten):
    OrganisationFactory(name="Sportverein Bretten", home_city=bretten)
    OrganisationFactory(name="Neuer Chor", home_city=bretten, verification_state="pending")
    client.force_login(superuser)
    html = client.get("/admin/organisations/", {"verification_state": "pending"}).content.decode()
    assert "Neuer Chor" in html
    assert "Sportverein Bretten" not in html


def test_taxonomy_is_maintained_by_administrators_only(client, superuser, bretten):
    client.force_login(superuser)
    assert "Tierschutz" in client.get("/admin/snippets/taxonomy/category/").content.decode()
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Redaktion Bretten"))
    client.force_login(editor)
    assert client.get("/admin/snippets/taxonomy/category/").status_code in (302, 403)


def test_organisations_get_readable_unique_slugs(bretten):
    first = OrganisationFactory(name="Förderverein Grundschule Bretten", home_city=bretten)
    second = OrganisationFactory(name="Förderverein Grundschule Bretten", home_city=bretten)
    assert first.slug == "foerderverein-grundschule-bretten"
    assert second.slug == "foerderverein-grundschule-bretten-2"
