"""Invitations are bound to the invited address, expire, work once, and their owner can revoke them."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from freezegun import freeze_time

from engagement.organisations import membership
from engagement.organisations.models import Invitation
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(verein_bretten):
    return MembershipFactory(organisation=verein_bretten, user=UserFactory(username="owner")).user


@pytest.fixture
def invitation(verein_bretten, owner):
    return membership.invite(organisation=verein_bretten, email="Neu@Example.org", by=owner)


def accept_as(user, invitation):
    client = Client()
    client.force_login(user)
    return client.post(f"/mein-verein/einladung/{membership.invitation_token(invitation)}/")


def test_a_forwarded_link_makes_no_other_account_a_member(verein_bretten, invitation, bretten):
    other_verein = OrganisationFactory(name="Anderer Verein", home_city=bretten)
    outsider = MembershipFactory(organisation=other_verein, user=UserFactory(username="fremd")).user
    response = accept_as(outsider, invitation)
    assert response.status_code == 403
    assert "Diese Einladung gilt für eine andere E-Mail-Adresse." in response.content.decode()
    assert not verein_bretten.memberships.filter(user=outsider).exists()
    assert Invitation.objects.get().accepted_at is None  # the invited person can still use it


def test_an_unconfirmed_account_with_the_address_cannot_accept(verein_bretten, invitation):
    unconfirmed = UserFactory(username="neu", email="neu@example.org", is_active=False)
    with pytest.raises(ValidationError, match="andere E-Mail-Adresse"):
        membership.accept_invitation(token=membership.invitation_token(invitation), user=unconfirmed)
    assert not verein_bretten.memberships.filter(user=unconfirmed).exists()


def test_an_expired_invitation_is_refused(verein_bretten, owner):
    with freeze_time("2026-03-01 10:00"):
        invitation = membership.invite(organisation=verein_bretten, email="neu@example.org", by=owner)
        token = membership.invitation_token(invitation)
    invited = UserFactory(username="neu", email="Neu@example.org")
    with freeze_time("2026-03-15 10:00:01"):
        assert membership.accept_invitation(token=token, user=invited) is None
        assert invitation not in membership.open_invitations(verein_bretten)
    with freeze_time("2026-03-15 09:59:59"):
        assert membership.accept_invitation(token=token, user=invited) == verein_bretten


def test_a_revoked_invitation_is_refused_and_listed_no_more(client, verein_bretten, owner, invitation):
    members_url = f"/mein-verein/organisation/{verein_bretten.pk}/mitglieder/"
    client.force_login(owner)
    assert "neu@example.org" in client.get(members_url).content.decode()
    client.post(members_url, {"action": "revoke", "invitation_id": invitation.pk})
    assert "neu@example.org" not in client.get(members_url).content.decode()
    invited = UserFactory(username="neu", email="neu@example.org")
    assert accept_as(invited, invitation).status_code == 400
    assert not verein_bretten.memberships.filter(user=invited).exists()


def test_only_an_owner_revokes(client, verein_bretten, invitation):
    member = MembershipFactory(organisation=verein_bretten, role="member").user
    client.force_login(member)
    response = client.post(
        f"/mein-verein/organisation/{verein_bretten.pk}/mitglieder/",
        {"action": "revoke", "invitation_id": invitation.pk},
    )
    assert response.status_code == 403
    assert Invitation.objects.get().revoked_at is None


def test_an_owner_cannot_revoke_another_organisations_invitation(client, bretten, invitation):
    other_owner = UserFactory(username="anderer")
    other = OrganisationFactory(name="Anderer Verein", home_city=bretten)
    MembershipFactory(organisation=other, user=other_owner)
    client.force_login(other_owner)
    response = client.post(
        f"/mein-verein/organisation/{other.pk}/mitglieder/",
        {"action": "revoke", "invitation_id": invitation.pk},
    )
    assert response.status_code == 404
    assert Invitation.objects.get().revoked_at is None


def test_the_invited_address_accepts_once(verein_bretten, invitation):
    invited = UserFactory(username="neu", email="NEU@example.org")
    assert accept_as(invited, invitation).status_code == 302
    assert verein_bretten.memberships.filter(user=invited).exists()
    assert accept_as(invited, invitation).status_code == 400
