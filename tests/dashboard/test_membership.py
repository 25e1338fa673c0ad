import re

import pytest

from engagement.organisations.models import Invitation, Membership, MembershipRequest, Organisation
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(verein_bretten):
    return MembershipFactory(organisation=verein_bretten, user=UserFactory(username="owner")).user


def test_a_new_organisation_waits_for_its_city_and_its_founder_owns_it(client, bretten):
    founder = UserFactory()
    client.force_login(founder)
    response = client.post(
        "/mein-verein/organisation/anlegen/",
        {"name": "Repair-Café Bretten", "kind": "initiative", "home_city": bretten.pk, "postcode": "75015"},
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Repair-Café Bretten")
    assert response["Location"] == f"/mein-verein/organisation/{organisation.pk}/neu/"  # the first offer next
    assert organisation.verification_state == "pending"
    assert organisation.memberships.get().user == founder
    html = client.get("/mein-verein/").content.decode()
    assert "Repair-Café Bretten" in html and "Ihre Organisation wird noch geprüft." in html


def test_founding_without_a_city_gets_a_german_message(client):
    client.force_login(UserFactory())
    response = client.post("/mein-verein/organisation/anlegen/", {"name": "Ohne Stadt", "kind": "verein"})
    assert response.status_code == 400
    assert "Stadt: Dieses Feld muss ausgefüllt werden." in response.content.decode()
    assert not Organisation.objects.filter(name="Ohne Stadt").exists()


def test_joining_takes_an_owners_approval(client, owner, verein_bretten):
    applicant = UserFactory(first_name="Kim", last_name="Lang")
    client.force_login(applicant)
    client.post(
        "/mein-verein/organisation/beitreten/", {"organisation": verein_bretten.pk, "message": "Hallo!"}
    )
    client.post("/mein-verein/organisation/beitreten/", {"organisation": verein_bretten.pk})  # no duplicate
    assert MembershipRequest.objects.filter(status="pending").count() == 1
    assert not verein_bretten.memberships.filter(user=applicant).exists()

    # The applicant cannot approve themselves.
    request = MembershipRequest.objects.get()
    members_url = f"/mein-verein/organisation/{verein_bretten.pk}/mitglieder/"
    assert client.post(members_url, {"action": "approve", "request_id": request.pk}).status_code == 403

    client.force_login(owner)
    assert "Kim Lang" in client.get(members_url).content.decode()
    client.post(members_url, {"action": "approve", "request_id": request.pk})
    assert verein_bretten.memberships.filter(user=applicant, role="member").exists()


def test_owners_invite_by_mail_and_the_invitation_works_once(
    client, owner, verein_bretten, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(owner)
    members_url = f"/mein-verein/organisation/{verein_bretten.pk}/mitglieder/"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(members_url, {"action": "invite", "email": "Neu@Example.org"})
    assert Invitation.objects.get().email == "neu@example.org"
    link = re.search(r"http://testserver(/\S+)", mailoutbox[0].body).group(1)

    invited = UserFactory(username="neu")
    client.force_login(invited)
    client.post(link)
    assert verein_bretten.memberships.filter(user=invited).exists()
    someone_else = UserFactory()
    client.force_login(someone_else)
    assert client.post(link).status_code == 400  # used up
    assert not verein_bretten.memberships.filter(user=someone_else).exists()


def test_invalid_invitation_address_gets_a_german_message(client, owner, verein_bretten):
    client.force_login(owner)
    response = client.post(
        f"/mein-verein/organisation/{verein_bretten.pk}/mitglieder/", {"action": "invite", "email": "kaputt"}
    )
    assert response.status_code == 400
    assert "Bitte geben Sie eine E-Mail-Adresse ein" in response.content.decode()
    assert not Invitation.objects.exists()


def test_owners_remove_members_but_not_the_last_owner(client, owner, verein_bretten):
    member = MembershipFactory(organisation=verein_bretten, role=Membership.Role.MEMBER)
    members_url = f"/mein-verein/organisation/{verein_bretten.pk}/mitglieder/"
    client.force_login(owner)
    client.post(members_url, {"action": "remove", "membership_id": member.pk})
    assert not Membership.objects.filter(pk=member.pk).exists()
    own = verein_bretten.memberships.get(user=owner)
    client.post(members_url, {"action": "remove", "membership_id": own.pk})
    assert Membership.objects.filter(pk=own.pk).exists()


@pytest.mark.parametrize("persona", ["plain_member", "other_verein", "anonymous"])
def test_only_owners_manage_members(client, owner, verein_bretten, ettlingen, persona):
    victim = MembershipFactory(organisation=verein_bretten, role=Membership.Role.MEMBER)
    if persona == "plain_member":
        client.force_login(MembershipFactory(organisation=verein_bretten, role=Membership.Role.MEMBER).user)
    elif persona == "other_verein":
        client.force_login(MembershipFactory(organisation=OrganisationFactory(home_city=ettlingen)).user)
    members_url = f"/mein-verein/organisation/{verein_bretten.pk}/mitglieder/"
    get = client.get(members_url)
    post = client.post(members_url, {"action": "remove", "membership_id": victim.pk})
    if persona == "anonymous":
        assert get.status_code == 302 and post.status_code == 302
    else:
        assert get.status_code == 403 and post.status_code == 403
    assert Membership.objects.filter(pk=victim.pk).exists()


def test_founding_with_a_logo_puts_it_into_the_citys_collection(client, bretten):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images.tests.utils import get_test_image_file

    client.force_login(UserFactory())
    image = get_test_image_file()
    upload = SimpleUploadedFile("logo.png", image.file.getvalue(), content_type="image/png")
    client.post(
        "/mein-verein/organisation/anlegen/",
        {"name": "Chor mit Logo", "kind": "verein", "home_city": bretten.pk, "logo_file": upload},
    )
    organisation = Organisation.objects.get(name="Chor mit Logo")
    assert organisation.logo.collection == bretten.collection


def test_a_file_that_is_no_image_is_refused(client, bretten):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(UserFactory())
    upload = SimpleUploadedFile("logo.png", b"kein bild", content_type="image/png")
    response = client.post(
        "/mein-verein/organisation/anlegen/",
        {"name": "Chor", "kind": "verein", "home_city": bretten.pk, "logo_file": upload},
    )
    assert response.status_code == 400
    assert not Organisation.objects.filter(name="Chor").exists()
