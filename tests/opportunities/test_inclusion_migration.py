"""The single "barrier-free" checkbox becomes step-free access, on the live row and in every stored
draft; an age below 18 becomes the explicit welcome of young people. Applications that were confirmed
before parents could be asked count as confirmed by their applicant."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from engagement.applications.models import Application
from engagement.opportunities.models import OpportunityPage
from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("opportunities", "0013_source_id"), ("applications", "0009_reply_promise")]
AFTER = [
    ("opportunities", "0015_remove_barrier_free"),
    ("applications", "0010_parental_confirmation"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


@pytest.fixture(autouse=True)
def _back_to_the_latest_schema():
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_barrier_free_becomes_step_free_access_live_and_in_drafts(verein_bretten):
    ramp = make_opportunity(
        organisation=verein_bretten, title="Mit Rampe", minimum_age=14, minors_welcome=True
    )
    stairs = make_opportunity(organisation=verein_bretten, title="Mit Treppe", minimum_age=18)
    application = Application.objects.create(
        opportunity=stairs,
        name="Mia",
        email="mia@example.org",
        message="m",
        consent_version="1",
        consent_given_at=timezone.now(),
        confirmed_at=timezone.now(),
    )
    unconfirmed = Application.objects.create(
        opportunity=stairs,
        name="Max",
        email="max@example.org",
        message="m",
        consent_version="1",
        consent_given_at=timezone.now(),
    )

    old = migrate(BEFORE)
    OldPage = old.get_model("opportunities", "OpportunityPage")
    OldPage.objects.filter(pk=ramp.pk).update(barrier_free=True)
    OldPage.objects.filter(pk=stairs.pk).update(barrier_free=False)
    Revision = old.get_model("wagtailcore", "Revision")
    draft = Revision.objects.filter(object_id=str(stairs.pk)).latest("pk")
    draft.content = {**draft.content, "barrier_free": True, "minimum_age": 16}
    draft.content.pop("step_free_access", None)
    draft.content.pop("minors_welcome", None)
    draft.save()

    migrate(AFTER)
    ramp_now, stairs_now = (OpportunityPage.objects.get(pk=page.pk) for page in (ramp, stairs))
    assert (ramp_now.step_free_access, stairs_now.step_free_access) == (True, False)
    assert (ramp_now.minors_welcome, stairs_now.minors_welcome) == (True, False)
    # Publishing the older draft keeps what it said, in the new words.
    restored = stairs_now.revisions.get(pk=draft.pk).as_object()
    assert restored.step_free_access is True and restored.minors_welcome is True
    assert "barrier_free" not in stairs_now.revisions.get(pk=draft.pk).content
    application.refresh_from_db()
    unconfirmed.refresh_from_db()
    assert application.applicant_confirmed_at == application.confirmed_at
    assert unconfirmed.applicant_confirmed_at is None
