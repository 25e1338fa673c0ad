"""The compound-word search reads one column (`search_text`: title, teaser, category names). Citizens
must find what is online now: the column follows every way title, teaser and categories change."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from engagement.opportunities.lifecycle import update_draft
from engagement.opportunities.models import OpportunityPage
from engagement.taxonomy.models import Category
from tests.factories import MembershipFactory, make_opportunity

pytestmark = pytest.mark.django_db


def search(client, words):
    response = client.get("/suche/", {"q": words})
    assert response.status_code == 200
    return response.content.decode()


def live_text(page):
    return OpportunityPage.objects.get(pk=page.pk).search_text


def test_new_opportunity_is_found_by_parts_of_title_teaser_and_category(client, verein_bretten):
    page = make_opportunity(
        organisation=verein_bretten,
        title="Hundebetreuung im Tierheim",
        teaser="Gassigehen mit Seniorenbegleitung.",
        categories=("tierschutz",),
    )
    assert live_text(page) == "hundebetreuung im tierheim\ngassigehen mit seniorenbegleitung.\ntierschutz"
    assert "Hundebetreuung im Tierheim" in search(client, "Betreuung")
    assert "Hundebetreuung im Tierheim" in search(client, "begleitung")
    assert "Hundebetreuung im Tierheim" in search(client, "schutz")
    assert "Hundebetreuung im Tierheim" not in search(client, "Garten")


def test_draft_changes_stay_out_of_search_until_published(client, verein_bretten):
    page = make_opportunity(
        organisation=verein_bretten, title="Vorlesen im Seniorenheim", categories=("soziales",)
    )
    draft = page.get_latest_revision_as_object()
    draft.title = "Hundebetreuung im Tierheim"
    draft.teaser = "Gassigehen mit Tierheimhunden."
    draft.categories = list(Category.objects.filter(slug="tierschutz"))
    revision = draft.save_revision()

    assert "Hundebetreuung" not in live_text(page)
    assert "Vorlesen im Seniorenheim" in search(client, "Seniorenheim")
    assert "Hundebetreuung im Tierheim" not in search(client, "betreuung")

    revision.publish()

    text = live_text(page)
    assert "hundebetreuung" in text and "tierheimhunden" in text and "tierschutz" in text
    assert "vorlesen" not in text and "soziales" not in text
    assert "Hundebetreuung im Tierheim" in search(client, "betreuung")
    assert "Hundebetreuung im Tierheim" in search(client, "heimhunde")
    assert "Hundebetreuung im Tierheim" not in search(client, "Seniorenheim")


def test_member_edit_in_the_dashboard_reaches_search_when_published(client, verein_bretten):
    page = make_opportunity(organisation=verein_bretten, title="Vorlesen", categories=("soziales",))
    member = MembershipFactory(organisation=verein_bretten).user
    latest = update_draft(
        page=page,
        user=member,
        data={
            "teaser": "Wir suchen Lesepaten für Grundschulkinder.",
            "categories": Category.objects.filter(slug="tierschutz"),
        },
    )
    assert "Vorlesen" not in search(client, "schulkinder")

    latest.get_latest_revision().publish()

    assert "lesepaten für grundschulkinder" in live_text(page)
    assert "Vorlesen" in search(client, "schulkinder")
    assert "Vorlesen" in search(client, "Tierschutz")
    assert "soziales" not in live_text(page)


def test_category_changes_outside_the_page_reach_search(client, verein_bretten):
    page = make_opportunity(organisation=verein_bretten, title="Vorlesen", categories=("soziales",))
    tierschutz = Category.objects.get(slug="tierschutz")

    tierschutz.opportunities.add(page)
    assert "Vorlesen" in search(client, "schutz")

    tierschutz.name = "Tier- und Artenschutz"
    tierschutz.save()
    assert "tier- und artenschutz" in live_text(page)
    assert "Vorlesen" in search(client, "Artenschutz")

    tierschutz.opportunities.remove(page)
    assert "Vorlesen" not in search(client, "Artenschutz")

    Category.objects.get(slug="soziales").delete()
    assert live_text(page) == "vorlesen\nlesen sie einmal pro woche älteren menschen vor."


def test_umlauts_match_whatever_the_case(client, verein_bretten):
    make_opportunity(organisation=verein_bretten, title="ÄLTERE Menschen begleiten")
    assert "ÄLTERE Menschen begleiten" in search(client, "älter")


def test_admin_publish_reaches_search_and_the_form_has_no_search_text(client, superuser, verein_bretten):
    city = verein_bretten.home_city
    client.force_login(superuser)
    add_url = reverse("wagtailadmin_pages:add", args=("opportunities", "opportunitypage", city.pk))
    assert 'name="search_text"' not in client.get(add_url).content.decode()

    def form(title, teaser, category):
        data = nested_form_data(
            {
                "title": title,
                "slug": "hunde",
                "teaser": teaser,
                "description": rich_text("<p>Mit Hunden spazieren gehen.</p>"),
                "organisation": verein_bretten.pk,
                "schedule_kind": "regular",
                "rhythm": "wöchentlich",
                "postcode": "75015",
                "place": "Bretten",
                "volunteers_needed": 2,
                "recruitment_status": "open",
                "comments": inline_formset([]),
            }
        )
        data["categories"] = [Category.objects.get(slug=category).pk]
        return {**data, "action-publish": "publish"}

    response = client.post(add_url, form("Hundebetreuung", "Gassigehen am Wochenende.", "tierschutz"))
    assert response.status_code == 302
    page = OpportunityPage.objects.get(slug="hunde")
    assert "Hundebetreuung" in search(client, "betreuung")
    assert "Hundebetreuung" in search(client, "schutz")

    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    response = client.post(edit_url, form("Katzenpflege", "Katzen füttern im Tierheim.", "soziales"))
    assert response.status_code == 302
    assert live_text(page) == "katzenpflege\nkatzen füttern im tierheim.\nsoziales"
    assert "Katzenpflege" in search(client, "pflege")
    assert "Katzenpflege" not in search(client, "schutz")


def full_text(words):
    """The ids the full-text index (Wagtail's search backend, as the API and the editors use it) finds."""
    return {page.pk for page in OpportunityPage.objects.search(words)}


def test_a_freshly_published_offer_is_found_in_the_index_by_its_category_name(verein_bretten):
    other = make_opportunity(organisation=verein_bretten, title="Vorlesen", categories=("soziales",))
    page = make_opportunity(organisation=verein_bretten, title="Gassigehen", categories=("tierschutz",))

    assert page.pk in full_text("Tierschutz")
    assert other.pk not in full_text("Tierschutz")
    assert page.pk not in full_text("Soziales")


def test_a_republished_offer_is_found_by_its_new_category_only(verein_bretten):
    page = make_opportunity(organisation=verein_bretten, title="Gassigehen", categories=("soziales",))
    member = MembershipFactory(organisation=verein_bretten).user
    latest = update_draft(
        page=page, user=member, data={"categories": Category.objects.filter(slug="tierschutz")}
    )
    assert page.pk not in full_text("Tierschutz")  # a draft stays out of the index

    latest.get_latest_revision().publish()

    assert page.pk in full_text("Tierschutz")
    assert page.pk not in full_text("Soziales")
