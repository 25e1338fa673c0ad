"""Content pages carry an optional English version on the same page; without it, German with a note."""

import pytest
from django.contrib.auth.models import Group
from django.utils import translation

from engagement.legal.models import LegalPage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _german_urls():
    """page.url follows the active language, and a request under /en/ leaves English active."""
    with translation.override("de"):
        yield


NOTE = "This content is only available in German."


def impressum(city):
    return LegalPage.objects.child_of(city).get(kind=LegalPage.Kind.IMPRESSUM)


def translate(page, title, body):
    page.title_en, page.body_en = title, body
    page.save_revision().publish()


def test_english_visitors_read_the_english_version_when_there_is_one(client, bretten):
    page = impressum(bretten)
    translate(page, "Legal notice of Bretten", "<p>Published by the town of Bretten.</p>")
    url = page.url
    english = client.get(f"/en{url}").content.decode()
    assert "<h1" in english and "Legal notice of Bretten" in english
    assert "Published by the town of Bretten." in english
    assert NOTE not in english and 'lang="de"' not in english.split("<main", 1)[1].split("</main>")[0]
    german = client.get(url).content.decode()
    assert "Published by the town" not in german and page.body[:20] in german


def test_without_an_english_version_the_german_text_shows_marked_as_german(client, bretten):
    page = impressum(bretten)
    english = client.get(f"/en{page.url}").content.decode()
    assert NOTE in english
    assert '<div class="ev-richtext ev-legal" lang="de">' in english


def test_the_english_version_is_edited_with_the_page_so_only_that_citys_editors_may(
    client, bretten, ettlingen
):
    page = impressum(bretten)
    outsider = UserFactory(username="redaktion-ettlingen")
    outsider.groups.add(Group.objects.get(name="Redaktion Ettlingen"))
    client.force_login(outsider)
    response = client.post(
        f"/admin/pages/{page.pk}/edit/", {"title": page.title, "slug": page.slug, "title_en": "Hacked"}
    )
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert page.title_en == "" and page.get_latest_revision_as_object().title_en == ""
    editor = UserFactory(username="redaktion-bretten")
    editor.groups.add(Group.objects.get(name="Redaktion Bretten"))
    client.force_login(editor)
    form = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'name="title_en"' in form and 'name="body_en"' in form
