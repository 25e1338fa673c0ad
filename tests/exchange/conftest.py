import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from engagement.taxonomy.models import Activity, Suitability, TargetGroup
from tests.factories import OrganisationFactory, in_days, make_opportunity


@pytest.fixture
def full_offer(bretten):
    """An offer with every field the exchange carries filled in, and a contact person that must not leave."""
    organisation = OrganisationFactory(
        name="Tafel Bretten e. V.",
        home_city=bretten,
        website="https://tafel-bretten.example.org",
        postcode="75015",
        place="Bretten",
        email="vorstand@tafel-bretten.example.org",
        phone="07252 111111",
    )
    page = make_opportunity(
        organisation=organisation,
        title="Lebensmittel ausgeben",
        teaser="Samstags Lebensmittel an Bedürftige ausgeben.",
        description="<h2>Was Sie tun</h2><p>Sie geben <b>Lebensmittel</b> aus.</p>"
        "<ul><li>Kisten packen</li><li>Ausgeben</li></ul>",
        categories=("soziales", "nachbarschaftshilfe"),
        street="Melanchthonstraße 3",
        schedule_kind="regular",
        rhythm="samstags 9–12 Uhr",
        hours_per_week=Decimal("2.5"),
        start_date=timezone.localdate() - dt.timedelta(days=3),
        end_date=timezone.localdate() + dt.timedelta(days=200),
        application_deadline=timezone.localdate() + dt.timedelta(days=100),
        volunteers_needed=4,
        recruitment_status="few_places",
        waiting_list=True,
        minimum_age=16,
        minors_welcome=True,
        requires_extended_certificate=True,
        requires_driving_licence=False,
        language_requirements="Deutsch",
        other_requirements="Zuverlässigkeit",
        step_free_access=True,
        accessibility_note="Rampe am Hintereingang",
        offers_training=True,
        offers_insurance=True,
        offers_expense_allowance=False,
        offers_certificate=True,
        benefits_note="Kaffee und Kuchen",
        contact_name="Erika Mustermann",
        contact_phone="07252 999999",
        contact_email="erika.privat@example.org",
    )
    page.activities.set(Activity.objects.filter(slug__in=["kochen", "organisieren"]))
    page.target_groups.set(TargetGroup.objects.filter(slug="familien"))
    page.suitable_for.set(Suitability.objects.filter(slug="einsteiger"))
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def one_off_offer(ettlingen):
    return make_opportunity(
        city=ettlingen,
        title="Stadtputz am Samstag",
        schedule_kind="one_off",
        rhythm="",
        event_start=in_days(10, hour=9),
        event_end=in_days(10, hour=13),
        categories=("umwelt-natur",),
    )


@pytest.fixture
def remote_offer(bretten):
    return make_opportunity(
        city=bretten,
        title="Webseite betreuen",
        is_remote=True,
        street="",
        postcode="",
        place="",
        schedule_kind="flexible",
        rhythm="",
        categories=("bildung",),
    )
