"""Loading the demo content (engagement/demo/content/): three cities, organisations, opportunities and
the demo accounts.

Idempotent: a second run finds everything in place and creates nothing new. Dates in the content are
relative to the day of loading, so a demo loaded today looks current.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from engagement.needs.models import Loan, NeedPage
from engagement.opportunities.models import OpportunityPage
from engagement.organisations.models import Membership, Organisation
from engagement.provisioning.services import setup_city
from engagement.slugs import german_slugify
from engagement.taxonomy.models import Activity, Category, Suitability, TargetGroup

from . import content
from .points import demo_point

DEMO_PASSWORD = "demo"


class DemoModeRequired(Exception):
    pass


@dataclass
class DemoResult:
    accounts: list[tuple[str, str]] = field(default_factory=list)
    organisations_created: int = 0
    opportunities_created: int = 0
    needs_created: int = 0


def load_demo(progress=lambda iterable, **kwargs: iterable) -> DemoResult:
    if not settings.DEMO_MODE:
        raise DemoModeRequired(
            "Demo-Daten und Demo-Zugänge gibt es nur im Demo-Modus (DEMO_MODE=true), nie in Produktion."
        )
    result = DemoResult()
    with transaction.atomic():
        cities = {spec["slug"]: _city(spec) for spec in content.cities()}
        organisations = {spec["key"]: _organisation(spec, cities, result) for spec in content.organisations()}
        _accounts(cities, organisations, result)
    vocabularies = _vocabularies()
    for spec in progress(content.opportunities(), desc="Angebote", unit="Angebot"):
        with transaction.atomic():
            _opportunity(spec, organisations, vocabularies, result)
    for spec in content.needs():
        with transaction.atomic():
            _need(spec, organisations, result)
    return result


def _city(spec):
    return setup_city(
        name=spec["name"],
        slug=spec["slug"],
        postcodes=spec["postcodes"],
        intro=f"<p>{spec['intro']}</p>",
        contact_name=spec["contact_name"],
        contact_role=spec["contact_role"],
        contact_phone=spec["contact_phone"],
        contact_email=spec["contact_email"],
        accent_colour=spec["accent_colour"],
    ).page


def _organisation(spec, cities, result):
    fields = {
        key: spec[key]
        for key in (
            "name",
            "kind",
            "description",
            "website",
            "email",
            "phone",
            "street",
            "postcode",
            "place",
            "verification_state",
        )
    }
    organisation, created = Organisation.objects.get_or_create(
        slug=german_slugify(spec["name"]), defaults={**fields, "home_city": cities[spec["city"]]}
    )
    if created:
        result.organisations_created += 1
        if organisation.is_verified:
            Organisation.objects.filter(pk=organisation.pk).update(verified_at=timezone.now())
    return organisation


def _accounts(cities, organisations, result):
    User = get_user_model()
    admin, created = User.objects.get_or_create(
        username="admin",
        defaults={
            "email": "admin@example.org",
            "is_staff": True,
            "is_superuser": True,
            "first_name": "Admin",
        },
    )
    if created:
        admin.set_password(DEMO_PASSWORD)
        admin.save()
    result.accounts.append(("admin", "Administration aller Städte"))
    for slug, city in cities.items():
        editor, created = User.objects.get_or_create(
            username=f"redaktion-{slug}",
            defaults={
                "email": f"redaktion-{slug}@example.org",
                "first_name": "Redaktion",
                "last_name": city.title,
            },
        )
        if created:
            editor.set_password(DEMO_PASSWORD)
            editor.save()
        editor.groups.add(city.editor_group)
        result.accounts.append((editor.username, f"Redaktion {city.title} (nur diese Stadt)"))

        verein, created = User.objects.get_or_create(
            username=f"verein-{slug}",
            defaults={"email": f"verein-{slug}@example.org", "first_name": "Verein", "last_name": city.title},
        )
        if created:
            verein.set_password(DEMO_PASSWORD)
            verein.save()
        home_organisation = next(
            org for org in organisations.values() if org.home_city_id == city.pk and org.is_verified
        )
        Membership.objects.get_or_create(
            organisation=home_organisation, user=verein, defaults={"role": Membership.Role.OWNER}
        )
        result.accounts.append((verein.username, f"Mitglied von „{home_organisation.name}“"))


def _vocabularies():
    return {
        name: {term.slug: term for term in model.objects.all()}
        for name, model in (
            ("categories", Category),
            ("activities", Activity),
            ("target_groups", TargetGroup),
            ("suitable_for", Suitability),
        )
    }


PLAIN_FIELDS = (
    "title",
    "teaser",
    "rhythm",
    "hours_per_week",
    "street",
    "postcode",
    "place",
    "volunteers_needed",
    "recruitment_status",
    "minimum_age",
    "requires_extended_certificate",
    "requires_driving_licence",
    "language_requirements",
    "other_requirements",
    "step_free_access",
    "accessible_toilet",
    "public_transport",
    "quiet_place",
    "easy_language",
    "no_experience_needed",
    "minors_supervised",
    "minors_insured",
    "accessibility_note",
    "offers_training",
    "offers_insurance",
    "offers_expense_allowance",
    "offers_certificate",
    "benefits_note",
    "contact_name",
    "contact_phone",
    "contact_email",
)


def _opportunity(spec, organisations, vocabularies, result):
    organisation = organisations[spec["organisation"]]
    city = organisation.home_city
    slug = german_slugify(spec["title"])[:80]
    if OpportunityPage.objects.child_of(city).filter(slug=slug).exists():
        return
    today = timezone.localdate()
    page = OpportunityPage(
        slug=slug,
        organisation=organisation,
        description="".join(f"<p>{paragraph}</p>" for paragraph in spec["description"]),
        schedule_kind=spec["schedule"],
        is_remote=spec["remote"],
        start_date=_day(today, spec["starts_in_days"]),
        end_date=_day(today, spec["ends_in_days"]),
        application_deadline=_day(today, spec["deadline_in_days"]),
        **{name: spec[name] for name in PLAIN_FIELDS},
        waiting_list=spec["waiting_list"],
        minors_welcome=spec["minimum_age"] is not None and spec["minimum_age"] < 18,
    )
    if spec["schedule"] == OpportunityPage.ScheduleKind.ONE_OFF:
        page.event_start = _event_start(today, spec["event_in_days"], spec["event_start"])
        page.event_end = page.event_start + dt.timedelta(hours=spec["event_hours"] or 2)
    city.add_child(instance=page)
    for name, terms in vocabularies.items():
        getattr(page, name).set([terms[slug] for slug in spec[name]])
    page.save_revision().publish()
    _place_at_street(page)
    result.opportunities_created += 1


def _need(spec, organisations, result):
    """A need, a thing to lend or to give, published as the city's editors would; its loans ahead."""
    organisation = organisations[spec["organisation"]]
    city = organisation.home_city
    slug = german_slugify(spec["title"])[:80]
    if NeedPage.objects.child_of(city).filter(slug=slug).exists():
        return
    today = timezone.localdate()
    page = NeedPage(
        slug=slug,
        title=spec["title"],
        organisation=organisation,
        kind=spec["kind"],
        resource=spec["resource"],
        description=spec["description"],
        handover=spec["handover"],
        postcode=organisation.postcode,
        place=organisation.place,
        available_until=_day(today, spec["until_in_days"]),
        fee=spec["fee"],
        deposit=spec["deposit"],
        fee_note=spec["fee_note"],
    )
    city.add_child(instance=page)
    page.save_revision().publish()
    for starts_in, days in spec["loans"]:
        start = today + dt.timedelta(days=starts_in)
        Loan.objects.create(need=page, starts_on=start, ends_on=start + dt.timedelta(days=days - 1))
    result.needs_created += 1


def _place_at_street(page):
    """Give an offer with a street its approximate demo point (points.py), marked as street-level and
    as geocoded, so that the geocoding after the commit leaves it alone."""
    point = None if page.is_remote else demo_point(page.street, page.postcode, page.place)
    if point is not None:
        OpportunityPage.objects.filter(pk=page.pk).update(
            latitude=point[0],
            longitude=point[1],
            located_at_street=True,
            geocoded_location=page.location_query,
        )


def _day(today, offset):
    return None if offset is None else today + dt.timedelta(days=offset)


def _event_start(today, in_days, clock):
    hour, minute = (int(part) for part in clock.split(":"))
    day = today + dt.timedelta(days=in_days)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))
