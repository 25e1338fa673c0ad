"""Factories that build the page tree the way the platform does: cities through `setup_city`,
opportunities as children of their city section, published through a revision."""

import datetime as dt

import factory
from django.contrib.auth import get_user_model
from django.test import TestCase
from django.utils import timezone

from engagement.opportunities.models import OpportunityPage
from engagement.organisations.models import Membership, Organisation
from engagement.provisioning.services import setup_city
from engagement.taxonomy.models import Category

CITY_POSTCODES = {
    "bretten": ("Bretten", ["75015"]),
    "ettlingen": ("Ettlingen", ["76275"]),
    "baden-baden": ("Baden-Baden", ["76530", "76532", "76534"]),
}


def make_city(slug="bretten"):
    name, postcodes = CITY_POSTCODES[slug]
    return setup_city(name=name, slug=slug, postcodes=postcodes).page


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")

    @factory.post_generation
    def password(user, create, extracted, **kwargs):
        user.set_password(extracted or "secret")
        if create:
            user.save(update_fields=["password"])


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Förderverein Nummer {n}")
    kind = Organisation.Kind.VEREIN
    description = "Wir helfen, wo wir können."
    email = "kontakt@verein.example.org"
    verification_state = Organisation.VerificationState.VERIFIED
    home_city = factory.LazyFunction(make_city)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    role = Membership.Role.OWNER


def make_opportunity(city=None, organisation=None, publish=True, categories=("soziales",), **fields):
    """An opportunity under `city` (default: the organisation's home city), published unless told not to."""
    if organisation is None:
        organisation = OrganisationFactory(home_city=city) if city else OrganisationFactory()
    city = city or organisation.home_city
    defaults = {
        "title": "Vorlesen im Seniorenheim",
        "teaser": "Lesen Sie einmal pro Woche älteren Menschen vor.",
        "description": "<p>Wir suchen Menschen, die gern vorlesen.</p>",
        "schedule_kind": OpportunityPage.ScheduleKind.REGULAR,
        "rhythm": "wöchentlich, mittwochs 15–16 Uhr",
        "postcode": city.postcode_list[0],
        "place": city.title,
        "street": "Marktplatz 1",
    }
    defaults.update(fields)
    page = OpportunityPage(organisation=organisation, live=publish, **defaults)
    city.add_child(instance=page)
    page.categories.set(Category.objects.filter(slug__in=categories))
    revision = page.save_revision()
    if publish:
        # What the platform enqueues after the commit (geocoding) runs as if the request had committed.
        with TestCase.captureOnCommitCallbacks(execute=True):
            revision.publish()
    page.refresh_from_db()
    return page


def in_days(days, hour=10):
    day = timezone.localdate() + dt.timedelta(days=days)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def make_need(organisation):
    """A thing to lend with two loans ahead, published as the city's editors would."""
    from engagement.needs import services

    user = MembershipFactory(organisation=organisation).user
    need = services.create_draft(
        organisation=organisation,
        user=user,
        data={
            "title": "Beamer mit Leinwand zu verleihen",
            "kind": "lend",
            "resource": "material",
            "description": "Lichtstarker Beamer mit Leinwand und Kabeln, für Vereinsabende.",
            "postcode": organisation.home_city.postcode_list[0],
            "place": organisation.home_city.title,
            "handover": "pickup",
            "fee": "10.00",
            "deposit": "50.00",
            "fee_note": "pro Wochenende",
        },
    )
    need.get_latest_revision().publish()
    need.refresh_from_db()
    today = timezone.localdate()
    services.add_loan(
        page=need, user=user, starts_on=today + dt.timedelta(days=3), ends_on=today + dt.timedelta(days=5)
    )
    services.add_loan(
        page=need, user=user, starts_on=today + dt.timedelta(days=20), ends_on=today + dt.timedelta(days=20)
    )
    return need
