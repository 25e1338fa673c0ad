"""Images, documents, reports, workflows and the dashboard: nothing of another city reaches an editor."""

import pytest
from django.contrib.auth.models import Group
from wagtail.documents.models import Document
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

from tests.factories import UserFactory, make_opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(bretten, ettlingen):
    user = UserFactory(username="redaktion-bretten")
    user.groups.add(Group.objects.get(name="Redaktion Bretten"))
    return user


def image_in(city_name, title):
    from wagtail.images.models import Image

    return Image.objects.create(
        title=title, file=get_test_image_file(), collection=Collection.objects.get(name=city_name)
    )


def document_in(city_name, title):
    from django.core.files.base import ContentFile

    document = Document(title=title, collection=Collection.objects.get(name=city_name))
    document.file.save("flyer.txt", ContentFile(b"Flyer"), save=True)
    return document


def test_images_of_another_city_are_not_listed_chosen_or_editable(client, editor):
    own, foreign = image_in("Bretten", "Foto Bretten"), image_in("Ettlingen", "Foto Ettlingen")
    client.force_login(editor)
    for url in ("/admin/images/", "/admin/images/chooser/", "/admin/api/main/images/"):
        html = client.get(url).content.decode()
        assert own.title in html, url
        assert foreign.title not in html, url
    assert client.get(f"/admin/images/{own.pk}/").status_code == 200
    assert client.get(f"/admin/images/{foreign.pk}/").status_code in (302, 403, 404)
    assert client.get(f"/admin/images/{foreign.pk}/delete/").status_code in (302, 403, 404)


def test_documents_of_another_city_are_not_listed_chosen_or_editable(client, editor):
    own, foreign = document_in("Bretten", "Flyer Bretten"), document_in("Ettlingen", "Flyer Ettlingen")
    client.force_login(editor)
    for url in ("/admin/documents/", "/admin/documents/chooser/", "/admin/api/main/documents/"):
        html = client.get(url).content.decode()
        assert own.title in html, url
        assert foreign.title not in html, url
    assert client.get(f"/admin/documents/edit/{own.pk}/").status_code == 200
    assert client.get(f"/admin/documents/edit/{foreign.pk}/").status_code in (302, 403, 404)


def test_upload_form_offers_no_other_citys_collection(client, editor):
    client.force_login(editor)
    response = client.get("/admin/images/multiple/add/")
    assert response.status_code == 200
    assert "Ettlingen" not in response.content.decode()  # one collection: Wagtail uses it without asking


@pytest.mark.parametrize(
    "report",
    [
        "/admin/reports/locked/",
        "/admin/reports/aging-pages/",
        "/admin/reports/site-history/",
        "/admin/reports/page-types-usage/",
    ],
)
def test_reports_do_not_show_another_citys_pages(client, editor, ettlingen, superuser, report):
    foreign = make_opportunity(city=ettlingen, title="Geheimer Bericht Ettlingen", publish=False)
    foreign.save_revision(user=superuser, log_action=True)
    foreign.locked, foreign.locked_by = True, superuser
    foreign.save()
    client.force_login(editor)
    response = client.get(report)
    assert "Geheimer Bericht Ettlingen" not in response.content.decode()


def test_workflows_are_not_managed_by_city_editors(client, editor):
    client.force_login(editor)
    assert client.get("/admin/workflows/list/").status_code in (302, 403)
    assert client.get("/admin/workflows/tasks/index/").status_code in (302, 403)


def test_dashboard_shows_only_own_citys_moderation_tasks(client, editor, bretten, ettlingen, superuser):
    own = make_opportunity(city=bretten, title="Zur Prüfung Bretten", publish=False)
    foreign = make_opportunity(city=ettlingen, title="Zur Prüfung Ettlingen", publish=False)
    for page in (own, foreign):
        page.get_workflow().start(page, superuser)
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "Zur Prüfung Bretten" in html
    assert "Zur Prüfung Ettlingen" not in html


def test_administrators_keep_the_page_types_report(client, superuser):
    client.force_login(superuser)
    assert client.get("/admin/reports/page-types-usage/").status_code == 200
