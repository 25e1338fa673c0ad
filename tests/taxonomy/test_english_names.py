"""The platform's own vocabulary has English names: under /en/ in filters, cards, the offer's page and
the feed (the API names terms in the active language, German until it answers in English); German stays
German; administrators edit them."""

import pytest
from django.utils import translation

from engagement.taxonomy.models import Activity, Category
from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture
def offer(verein_bretten):
    page = make_opportunity(
        organisation=verein_bretten, title="Vorlesen im Seniorenheim", categories=("soziales",)
    )
    page.activities.set([Activity.objects.get(slug="begleiten")])
    page.save_revision().publish()
    return page


def test_every_seed_term_has_an_english_name_and_a_term_without_one_keeps_its_german_name(db):
    assert not Category.objects.filter(name_en="").exists()
    assert not Activity.objects.filter(name_en="").exists()
    new = Category.objects.create(name="Brauchtum", slug="brauchtum")
    with translation.override("en"):
        assert str(new) == "Brauchtum"
        assert str(Category.objects.get(slug="soziales")) == "Social welfare"
    with translation.override("de"):
        assert str(Category.objects.get(slug="soziales")) == "Soziales"


def test_english_pages_feed_and_api_name_the_terms_in_english(client, offer):
    german = client.get(offer.url).content.decode()
    assert "Soziales" in german and "Social welfare" not in german
    page = client.get(f"/en{offer.url}").content.decode()
    assert "Social welfare" in page and "Accompanying &amp; visiting" in page
    search = client.get("/en/suche/", {"q": "Vorlesen"}).content.decode()
    assert search.count("Social welfare") >= 2  # the filter option and the card
    feed = client.get("/en/suche/feed/", {"q": "Vorlesen"}).content.decode()
    assert 'term="Social welfare"' in feed
    api = client.get("/api/v2/opportunities/").json()  # the API answers in German (no /en/ prefix)
    assert api["results"][0]["categories"] == [{"slug": "soziales", "name": "Soziales"}]


def test_administrators_edit_the_english_name(admin_client, db):
    term = Category.objects.get(slug="tierschutz")
    form = admin_client.get(f"/admin/snippets/taxonomy/category/edit/{term.pk}/").content.decode()
    assert 'name="name_en"' in form and 'value="Animal welfare"' in form
