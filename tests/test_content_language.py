"""Under /en/ the interface is English and the content stays German: a note says so, and `lang="de"`
marks the German content so screen readers read it with a German voice."""

import pytest
from django.conf import settings
from django.utils import translation

from tests.factories import OrganisationFactory, make_opportunity

pytestmark = pytest.mark.django_db

NOTE = "This content is only available in German."


@pytest.fixture(autouse=True)
def _german_afterwards():
    yield
    translation.activate(settings.LANGUAGE_CODE)


def test_english_opportunity_page_marks_the_german_content(client, bretten):
    page = make_opportunity(
        city=bretten,
        title="Vorlesen im Seniorenheim",
        offers_insurance=True,
        benefits_note="Kaffee und Kuchen",
    )
    html = client.get(f"/en{page.url}").content.decode()
    assert NOTE in html
    assert '<h1 class="kern-heading-x-large" lang="de">Vorlesen im Seniorenheim</h1>' in html
    assert '<div class="ev-richtext" lang="de"><p>Wir suchen Menschen' in html
    assert '<li lang="de">wöchentlich, mittwochs 15–16 Uhr</li>' in html
    assert '<li lang="de">Kaffee und Kuchen</li>' in html
    assert "<li>Insurance cover</li>" in html  # a translated label is English, without lang="de"
    assert '<html lang="en"' in html
    assert ">Get involved<" in html  # the interface around it is English


def test_german_opportunity_page_has_no_note_and_no_extra_lang(client, bretten):
    page = make_opportunity(city=bretten, title="Vorlesen im Seniorenheim")
    html = client.get(page.url).content.decode()
    assert NOTE not in html
    assert "Dieser Inhalt ist nur auf Deutsch verfügbar." not in html
    assert 'lang="de">Vorlesen' not in html
    assert '<h1 class="kern-heading-x-large">Vorlesen im Seniorenheim</h1>' in html


def test_english_city_page_marks_the_german_intro_and_cards(client, bretten):
    bretten.intro = "<p>Willkommen in Bretten</p>"
    bretten.save_revision().publish()
    make_opportunity(city=bretten, title="Tafel Bretten")
    html = client.get("/en/bretten/").content.decode()
    assert NOTE in html
    assert '<div class="ev-richtext" lang="de"><p>Willkommen in Bretten</p></div>' in html
    assert 'lang="de">Tafel Bretten</a>' in html


def test_english_organisation_profile_marks_the_german_description(client, bretten):
    organisation = OrganisationFactory(home_city=bretten, description="Wir helfen Menschen in Not.")
    html = client.get(f"/en{organisation.get_absolute_url()}").content.decode()
    assert NOTE in html
    assert '<div class="ev-richtext" lang="de"><p>Wir helfen Menschen in Not.</p></div>' in html


def test_english_legal_page_marks_the_german_text(client, bretten):
    html = client.get("/en/bretten/datenschutz/").content.decode()
    assert NOTE in html
    assert '<div class="ev-richtext ev-legal" lang="de">' in html
    german = client.get("/bretten/datenschutz/").content.decode()
    assert NOTE not in german and '<div class="ev-richtext ev-legal">' in german


def test_no_translation_views_are_routed_while_content_is_german_only(client, superuser, bretten):
    """Wagtail's copy-for-translation views were an advisory family; they stay off until they are
    scoped per city (README, "Sprachen")."""
    client.force_login(superuser)
    assert client.get(f"/admin/translation/submit/page/{bretten.pk}/").status_code == 404
    assert client.get("/admin/locales/").status_code == 404
