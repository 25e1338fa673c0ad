"""Three demo cities with something of every kind an editor could leak, built once per test module.

Each city (as `setup_city` makes it) gets its editor (`redaktion-<slug>`), a verified and a pending
organisation, a draft opportunity with two revisions that waits in the city's workflow, a live one
with an application and a report, a live one with a pending (unpublished) change of its title, an
image, a document and an accessibility report; the city page, too, has an unpublished title. Every text that
must stay inside the city carries the city's name in a distinctive phrase (see `secrets_of`).
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from engagement.applications.models import Application
from engagement.cities.models import CityPage
from engagement.legal.models import AccessibilityFeedback, LegalPage
from engagement.moderation.models import ContentReport
from engagement.organisations.models import Membership, Organisation
from tests.factories import OrganisationFactory, UserFactory, make_city, make_opportunity

CITY_SLUGS = ("baden-baden", "bretten", "ettlingen")


@dataclass
class CityWorld:
    city: CityPage
    editor: object
    organisation: Organisation
    pending_organisation: Organisation
    draft: object
    live: object
    application: Application
    report: ContentReport
    image: Image
    document: Document
    feedback: AccessibilityFeedback
    pending_change: object = None  # live, with an unpublished revision titled `pending_change.draft_title`
    city_draft_title: str = ""  # the city page's unpublished title
    workflow_state: object = None
    task_state: object = None
    revisions: list = field(default_factory=list)


@dataclass
class World:
    cities: dict  # slug -> CityWorld
    verein_member: object
    superuser: object


def secrets_of(city_world: CityWorld) -> list[str]:
    """What no editor of another city may ever see: draft, organisations, reports, media, people."""
    return [
        city_world.draft.title,
        city_world.draft.teaser,
        city_world.organisation.name,
        city_world.pending_organisation.name,
        city_world.report.message,
        city_world.image.title,
        city_world.document.title,
        city_world.feedback.name,
        city_world.application.name,  # applicants: not even the own city's editors
        city_world.pending_change.draft_title,  # unpublished changes of live pages
        city_world.city_draft_title,
    ]


def build_world() -> World:
    superuser = get_user_model().objects.create_superuser("root", "root@example.org", "secret")
    cities = {slug: _city_world(slug, superuser) for slug in CITY_SLUGS}
    verein_member = UserFactory(username="verein-bretten")
    Membership.objects.create(
        organisation=cities["bretten"].organisation, user=verein_member, role=Membership.Role.OWNER
    )
    return World(cities=cities, verein_member=verein_member, superuser=superuser)


def _city_world(slug, superuser) -> CityWorld:
    city = make_city(slug)
    name = city.title
    editor = UserFactory(username=f"redaktion-{slug}")
    editor.groups.add(city.editor_group)
    organisation = OrganisationFactory(name=f"Vereinsname {name} Zqx", home_city=city)
    pending = OrganisationFactory(
        name=f"Wartender Verein {name} Zqx",
        home_city=city,
        verification_state=Organisation.VerificationState.PENDING,
    )
    draft = make_opportunity(
        city=city, organisation=organisation, title=f"Geheimer Entwurf {name}", publish=False
    )
    draft.teaser = f"Zweite Fassung {name} Zqx"
    draft.save_revision()
    workflow_state = draft.get_workflow().start(draft, superuser)
    live = make_opportunity(city=city, organisation=organisation, title=f"Öffentliches Angebot {name}")
    pending_change = make_opportunity(
        city=city, organisation=organisation, title=f"Öffentliches Angebot mit Änderung {name}"
    )
    pending_change.title = f"Unveröffentlichter Titel {name} Zqx"
    pending_change.save_revision()
    city_draft_title = f"Unveröffentlichter Stadttitel {name} Zqx"
    city.title = city_draft_title
    city.save_revision()
    city.refresh_from_db()
    application = Application.objects.create(
        opportunity=live,
        name=f"Bewerberin {name} Zqx",
        email=f"bewerberin-{slug}@example.org",
        message="Ich helfe gern.",
        consent_version="1",
        consent_given_at=timezone.now(),
        confirmed_at=timezone.now(),
    )
    report = ContentReport.objects.create(
        opportunity=live, city=city, reason="wrong", message=f"Meldung aus {name} Zqx"
    )
    image = Image.objects.create(
        title=f"Bild aus {name} Zqx", file=get_test_image_file(), collection=city.collection
    )
    document = Document(title=f"Flyer aus {name} Zqx", collection=city.collection)
    document.file.save("flyer.txt", ContentFile(b"Flyer"), save=True)
    statement = LegalPage.objects.descendant_of(city).filter(kind=LegalPage.Kind.ACCESSIBILITY).first()
    feedback = AccessibilityFeedback.objects.create(
        page=statement, city=city, name=f"Barriere-Melderin {name} Zqx", message="Knopf fehlt."
    )
    return CityWorld(
        city=city,
        editor=editor,
        organisation=organisation,
        pending_organisation=pending,
        draft=draft,
        live=live,
        application=application,
        report=report,
        image=image,
        document=document,
        feedback=feedback,
        pending_change=type(pending_change).objects.get(pk=pending_change.pk),
        city_draft_title=city_draft_title,
        workflow_state=workflow_state,
        task_state=workflow_state.current_task_state,
        revisions=list(draft.revisions.order_by("pk").values_list("pk", flat=True)),
    )
