import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from engagement.organisations.models import Organisation
from engagement.organisations.services import change_verification_state
from tests.factories import OrganisationFactory, UserFactory, make_opportunity

pytestmark = pytest.mark.django_db
State = Organisation.VerificationState


@pytest.fixture
def editor(bretten):
    user = UserFactory(username="redaktion-bretten")
    user.groups.add(Group.objects.get(name="Redaktion Bretten"))
    return user


def test_verifying_records_who_and_when_and_logs_it(bretten, editor):
    organisation = OrganisationFactory(home_city=bretten, verification_state=State.PENDING)
    change_verification_state(organisation, State.VERIFIED, by=editor)
    organisation.refresh_from_db()
    assert organisation.is_verified
    assert organisation.verified_by == editor and organisation.verified_at is not None
    assert ModelLogEntry.objects.filter(action="organisations.verify", user=editor).exists()


def test_a_verified_organisation_cannot_become_pending_again(bretten, editor):
    organisation = OrganisationFactory(home_city=bretten)
    with pytest.raises(ValidationError, match="kein erlaubter Wechsel"):
        change_verification_state(organisation, State.PENDING, by=editor)


def test_suspension_takes_opportunities_offline_and_reactivation_brings_them_back(client, bretten, editor):
    organisation = OrganisationFactory(home_city=bretten, name="Turnverein Bretten")
    page = make_opportunity(organisation=organisation, title="Kinderturnen leiten")
    assert client.get(page.url).status_code == 200

    change_verification_state(organisation, State.SUSPENDED, by=editor)
    assert client.get(page.url).status_code == 404
    assert "Kinderturnen leiten" not in client.get("/bretten/").content.decode()

    change_verification_state(organisation, State.VERIFIED, by=editor)
    assert client.get(page.url).status_code == 200


def test_pending_organisations_opportunities_are_not_served(client, bretten):
    organisation = OrganisationFactory(home_city=bretten, verification_state=State.PENDING)
    page = make_opportunity(organisation=organisation)
    assert client.get(page.url).status_code == 404


def test_editor_verifies_through_the_admin_form(client, bretten, editor):
    organisation = OrganisationFactory(home_city=bretten, name="Neuer Chor", verification_state=State.PENDING)
    client.force_login(editor)
    data = {"name": "Neuer Chor", "kind": "verein", "home_city": bretten.pk, "verification_state": "verified"}
    response = client.post(f"/admin/organisations/edit/{organisation.pk}/", data)
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.is_verified and organisation.verified_by == editor


def test_admin_form_refuses_back_to_pending_with_a_german_message(client, bretten, editor):
    organisation = OrganisationFactory(home_city=bretten, name="Alter Chor")
    client.force_login(editor)
    data = {"name": "Alter Chor", "kind": "verein", "home_city": bretten.pk, "verification_state": "pending"}
    response = client.post(f"/admin/organisations/edit/{organisation.pk}/", data)
    assert response.status_code == 200
    assert "nicht wieder „wartend“" in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.is_verified
