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
    assert "76275 gehört nicht zu Bretten" in message
    assert "75015" in message


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
    with pytest.raises(ValidationError, match="gehört nicht zu Bretten"):
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
