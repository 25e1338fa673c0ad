"""The membership services refuse everyone but the organisation's owners, whoever calls them: the
Verein dashboard checks too, but a rule that lives only in a view is one forgotten check away."""

import pytest
from django.core.exceptions import PermissionDenied

from engagement.organisations import membership
from engagement.organisations.models import Membership, MembershipRequest
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def not_owners(verein_bretten, ettlingen):
    other_owner = MembershipFactory(organisation=OrganisationFactory(home_city=ettlingen)).user
    return {
        "plain member": MembershipFactory(organisation=verein_bretten, role=Membership.Role.MEMBER).user,
        "owner of another organisation": other_owner,
        "account without a membership": UserFactory(),
        "superuser who is no member": UserFactory(is_superuser=True, is_staff=True),
    }


def test_only_an_owner_decides_a_membership_request(verein_bretten, not_owners):
    applicant = UserFactory()
    request = MembershipRequest.objects.create(organisation=verein_bretten, user=applicant)
    for who, user in not_owners.items():
        with pytest.raises(PermissionDenied):
            membership.decide_request(membership_request=request, by=user, approve=True)
        request.refresh_from_db()
        assert request.status == MembershipRequest.Status.PENDING, who
    assert not Membership.objects.filter(user=applicant).exists()

    owner = MembershipFactory(organisation=verein_bretten).user
    membership.decide_request(membership_request=request, by=owner, approve=True)
    assert Membership.objects.filter(organisation=verein_bretten, user=applicant).exists()


def test_only_an_owner_removes_a_member(verein_bretten, not_owners):
    MembershipFactory(organisation=verein_bretten)  # the owner
    colleague = MembershipFactory(organisation=verein_bretten, role=Membership.Role.MEMBER)
    for who, user in not_owners.items():
        with pytest.raises(PermissionDenied):
            membership.remove_member(membership=colleague, by=user)
        assert Membership.objects.filter(pk=colleague.pk).exists(), who
