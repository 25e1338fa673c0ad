import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from engagement.opportunities.models import OpportunityPage
from engagement.taxonomy.models import Category
from tests.factories import in_days, make_opportunity

pytestmark = pytest.mark.django_db


def error_for(page, field):
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    return " ".join(error.value.message_dict[field])


def test_a_valid_opportunity_passes(verein_bretten):
    page = make_opportunity(organisation=verein_bretten, publish=False)
    page.full_clean()


def test_event_end_must_be_after_its_start(verein_bretten):
    page = make_opportunity(organisation=verein_bretten, publish=False)
    page.schedule_kind = OpportunityPage.ScheduleKind.ONE_OFF
    page.event_start, page.event_end = in_days(5, hour=14), in_days(5, hour=12)
    assert "Ende des Termins muss nach seinem Beginn" in error_for(page, "event_end")


def test_end_date_may_not_precede_start_date(verein_bretten):
    page = make_opportunity(organisation=verein_bretten, publish=False)
    page.start_date = timezone.localdate() + dt.timedelta(days=10)
    page.end_date = timezone.localdate() + dt.timedelta(days=2)
    assert "nicht vor dem Beginn" in error_for(page, "end_date")


def test_one_off_needs_a_date(verein_bretten):
    page = make_opportunity(organisation=verein_bretten, publish=False)
    page.schedule_kind = OpportunityPage.ScheduleKind.ONE_OFF
    assert "Datum und Uhrzeit" in error_for(page, "event_start")


def test_regular_needs_a_rhythm(verein_bretten):
    page = make_opportunity(organisation=verein_bretten, publish=False)
    page.rhythm = ""
    assert "wie oft und wann" in error_for(page, "rhythm")


def test_postcode_must_belong_to_the_city_section(verein_bretten):
    page = make_opportunity(organisation=verein_bretten, publish=False)
    page.postcode = "76275"  # Ettlingen
    message = error_for(page, "postcode")
    assert "Die Postleitzahl 76275 liegt nicht im Gebiet von Bretten" in message
    assert "75015" in message


def test_a_draft_is_checked_for_consistency_only_and_submission_for_completeness(verein_bretten):
    page = make_opportunity(organisation=verein_bretten, publish=False)
    page.teaser = page.rhythm = page.postcode = page.place = ""
    page.validating_draft = True
    page.full_clean()  # a draft may wait for all of these
    page.postcode = "76275"
    with pytest.raises(ValidationError, match="liegt nicht im Gebiet von Bretten"):
        page.full_clean()  # but what is filled in must fit
    page.postcode = ""
    page.categories = []
    with pytest.raises(ValidationError) as error:
        page.validate_for_submission()
    assert set(error.value.message_dict) == {"teaser", "rhythm", "postcode", "place", "categories"}


def test_a_city_takes_the_postcodes_of_its_area(verein_bretten):
    city = verein_bretten.home_city
    page = make_opportunity(organisation=verein_bretten, publish=False)
    page.postcode, page.place = "75053", "Gondelsheim"
    message = error_for(page, "postcode")
    assert "bitten Sie die Redaktion der Stadt" in message
    city.area_postcodes = "75053"
    city.save()
    page = OpportunityPage.objects.get(pk=page.pk)
    page.postcode, page.place = "75053", "Gondelsheim"
    page.full_clean()


def test_the_admin_saves_a_draft_without_teaser_and_rhythm_but_does_not_publish_it(
    client, superuser, verein_bretten
):
    city = verein_bretten.home_city
    client.force_login(superuser)
    data = nested_form_data(
        {
            "title": "Noch eine Idee",
            "slug": "noch-eine-idee",
            "teaser": "",
            "description": rich_text(""),
            "organisation": verein_bretten.pk,
            "schedule_kind": "regular",
            "rhythm": "",
            "postcode": "",
            "place": "",
            "volunteers_needed": 1,
            "recruitment_status": "open",
            "comments": inline_formset([]),
        }
    )
    data["categories"] = [Category.objects.get(slug="soziales").pk]
    add_url = reverse("wagtailadmin_pages:add", args=("opportunities", "opportunitypage", city.pk))
    response = client.post(add_url, {**data, "action-publish": "publish"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bitte geben Sie eine Kurzbeschreibung an." in html
    assert "Bitte beschreiben Sie, wie oft und wann das Engagement stattfindet." in html
    assert not OpportunityPage.objects.exists()

    response = client.post(add_url, data)
    assert response.status_code == 302, response.context["form"].errors
    assert not OpportunityPage.objects.get().live


def test_a_place_or_remote_is_required(verein_bretten):
    page = make_opportunity(organisation=verein_bretten, publish=False)
    page.postcode = page.place = ""
    assert "Ortsunabhängig" in error_for(page, "postcode")
    page.is_remote = True
    page.full_clean()


def test_adding_a_page_with_a_foreign_postcode_fails_before_it_exists(verein_bretten):
    page = OpportunityPage(
        title="Hilfe beim Stadtfest",
        teaser="Kurz",
        description="<p>x</p>",
        organisation=verein_bretten,
        rhythm="monatlich",
        postcode="76530",
        place="Baden-Baden",
    )
    with pytest.raises(ValidationError, match="liegt nicht im Gebiet von Bretten"):
        verein_bretten.home_city.add_child(instance=page)
    assert not OpportunityPage.objects.exists()


def test_deadline_in_the_past_is_refused_on_publish_in_the_admin(client, superuser, verein_bretten):
    city = verein_bretten.home_city
    client.force_login(superuser)
    soziales = Category.objects.get(slug="soziales")
    data = nested_form_data(
        {
            "title": "Bücherei-Hilfe",
            "slug": "buecherei-hilfe",
            "teaser": "Bücher sortieren und ausleihen.",
            "description": rich_text("<p>Sie helfen in der Bücherei.</p>"),
            "organisation": verein_bretten.pk,
            "schedule_kind": "regular",
            "rhythm": "wöchentlich",
            "postcode": "75015",
            "place": "Bretten",
            "volunteers_needed": 2,
            "recruitment_status": "open",
            "application_deadline": (timezone.localdate() - dt.timedelta(days=1)).isoformat(),
            "comments": inline_formset([]),
        }
    )
    data["categories"] = [soziales.pk]
    add_url = reverse("wagtailadmin_pages:add", args=("opportunities", "opportunitypage", city.pk))
    response = client.post(add_url, {**data, "action-publish": "publish"})
    assert response.status_code == 200
    assert "Der Bewerbungsschluss liegt in der Vergangenheit." in response.content.decode()
    assert not OpportunityPage.objects.exists()

    # Saving a draft with the same deadline is fine: the rule applies when publishing.
    response = client.post(add_url, data)
    assert response.status_code == 302, response.context["form"].errors
    draft = OpportunityPage.objects.get()
    assert not draft.live
    assert draft.city == city
