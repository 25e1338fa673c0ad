"""Documents: a city's own collection is for its editors; its public collection for everyone."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.models import Collection

from engagement.provisioning.services import public_collection_name
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _files_on_disk(settings, tmp_path):
    """Wagtail serves a document from its file on disk, as in production."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }


def document_in(collection, title="Protokoll"):
    document = get_document_model()(title=title, collection=collection)
    document.file.save("protokoll.pdf", ContentFile(b"%PDF-1.4 intern"), save=True)
    return document


def editor_of(city_name):
    user = UserFactory(username=f"redaktion-{city_name.lower()}")
    user.groups.add(Group.objects.get(name=f"Redaktion {city_name}"))
    client = Client()
    client.force_login(user)
    return client


def test_an_anonymous_visitor_cannot_read_a_document_of_a_city_collection(bretten):
    document = document_in(bretten.collection)
    response = Client().get(document.url)
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_another_citys_editor_cannot_read_it(bretten, ettlingen):
    document = document_in(bretten.collection)
    assert editor_of("Ettlingen").get(document.url).status_code in (302, 403)


def test_a_verein_member_cannot_read_it(bretten, verein_bretten):
    document = document_in(bretten.collection)
    member = UserFactory(username="verein-bretten")
    client = Client()
    client.force_login(member)
    assert client.get(document.url).status_code in (302, 403)


def test_the_citys_editors_and_administrators_read_it(bretten, superuser):
    document = document_in(bretten.collection)
    assert editor_of("Bretten").get(document.url).status_code == 200
    admin = Client()
    admin.force_login(superuser)
    assert admin.get(document.url).status_code == 200


def test_a_document_of_the_citys_public_collection_is_for_everyone(bretten):
    public = Collection.objects.get(name=public_collection_name("Bretten"))
    document = document_in(public, title="Datenschutzhinweise")
    response = Client().get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 intern"
    assert response.headers["Content-Security-Policy"] == "default-src 'none'"


def test_the_citys_editors_may_upload_into_the_public_collection(bretten):
    public = Collection.objects.get(name=public_collection_name("Bretten"))
    group = Group.objects.get(name="Redaktion Bretten")
    permissions = group.collection_permissions.filter(collection=public)
    assert permissions.filter(permission__codename="add_document").exists()


def test_an_editor_without_a_second_factor_reads_no_restricted_document(settings, bretten):
    settings.DEMO_MODE = False
    document = document_in(bretten.collection)
    response = editor_of("Bretten").get(document.url)
    assert response.status_code == 302
    assert response.url.startswith("/admin/zwei-faktor/")
