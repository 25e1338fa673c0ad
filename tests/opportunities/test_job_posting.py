"""The JobPosting each offer's page carries, read as a search engine reads it (extruct): every kind of
offer in the demo, with the fields Google recommends where the offer has them."""

import datetime as dt

import extruct
import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.images.tests.utils import get_test_image_file

from engagement.opportunities.models import OpportunityPage
from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db

ONE_OFF = OpportunityPage.ScheduleKind.ONE_OFF


def job_postings(client, page):
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    data = extruct.extract(
        response.content.decode(), base_url=f"http://testserver{page.url}", syntaxes=["json-ld"], uniform=True
    )
    return [item for item in data["json-ld"] if item.get("@type") == "JobPosting"]


def kind_of(page):
    """What makes an offer's JobPosting different from another's."""
    return (
        page.schedule_kind,
        page.is_remote,
        bool(page.street),
        bool(page.application_deadline or page.end_date),
        page.takes_applications,
    )


@pytest.fixture
def demo(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", verbosity=0)


def test_every_kind_of_demo_offer_carries_a_complete_job_posting(demo, settings):
    settings.PAGE_CACHE_SECONDS = 0
    examples = {}
    for page in OpportunityPage.objects.listed().select_related("organisation").order_by("pk"):
        examples.setdefault(kind_of(page), page)
    schedules = {kind[0] for kind in examples}
    assert schedules == set(OpportunityPage.ScheduleKind.values)
    assert {kind[1] for kind in examples} == {True, False}
    assert {kind[4] for kind in examples} == {True, False}

    client = Client()
    for page in examples.values():
        [posting] = job_postings(client, page)
        assert posting["employmentType"] == "VOLUNTEER"
        assert posting["title"] == page.title
        assert posting["description"]
        assert posting["datePosted"] == page.first_published_at.date().isoformat()
        assert posting["url"] == f"http://testserver{page.url}"
        assert posting["hiringOrganization"]["@type"] == "Organization"
        assert posting["hiringOrganization"]["name"] == page.organisation.name
        assert posting["directApply"] is page.takes_applications
        assert posting["identifier"]["value"] == str(page.pk)
        if page.is_remote:
            assert posting["jobLocationType"] == "TELECOMMUTE"
            assert posting["applicantLocationRequirements"]["name"] == "Deutschland"
            assert "jobLocation" not in posting
        else:
            address = posting["jobLocation"]["address"]
            assert address["addressRegion"] == "Baden-Württemberg"
            assert address["addressCountry"] == "DE"
            assert address["postalCode"] == page.postcode
            assert address["addressLocality"] == page.place
        if page.application_deadline or page.end_date:
            assert posting["validThrough"] == (page.application_deadline or page.end_date).isoformat()
        if page.schedule_kind == ONE_OFF:
            assert dt.datetime.fromisoformat(posting["jobStartDate"]) == page.event_start
            assert posting["validThrough"]  # the deadline, else the end of the date
        if "validThrough" in posting:
            assert posting["validThrough"][:10] >= posting["datePosted"]
        if page.categories.exists():
            assert posting["occupationalCategory"]


def test_the_organisations_logo_and_what_the_offer_asks_and_gives(verein_bretten):
    from wagtail.images.models import Image

    verein_bretten.logo = Image.objects.create(title="Logo", file=get_test_image_file())
    verein_bretten.website = "https://tafel.example.org"
    verein_bretten.save()
    page = make_opportunity(
        organisation=verein_bretten,
        minimum_age=16,
        minors_welcome=True,
        offers_insurance=True,
        offers_training=True,
        start_date=dt.date.today() + dt.timedelta(days=7),
    )
    [posting] = job_postings(Client(), page)
    organisation = posting["hiringOrganization"]
    assert organisation["logo"].startswith("http://testserver/")
    assert organisation["logo"].endswith(".png")
    assert organisation["sameAs"] == "https://tafel.example.org"
    assert posting["qualifications"] == "Mindestens 16 Jahre alt"
    assert posting["jobBenefits"] == "Einarbeitung oder Schulung; Versicherungsschutz"
    assert posting["jobStartDate"] == page.start_date.isoformat()
    assert posting["occupationalCategory"] == "Soziales"


def test_an_offer_that_takes_no_applications_is_no_direct_apply(verein_bretten):
    page = make_opportunity(organisation=verein_bretten, recruitment_status="closed")
    [posting] = job_postings(Client(), page)
    assert posting["directApply"] is False
