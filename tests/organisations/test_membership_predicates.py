"""Who belongs to an organisation, asked in one way everywhere: the predicates on the models.

A persona × question table: an anonymous visitor, an outsider, a member and an owner of another
organisation, a plain member and an owner, each asked about one organisation.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from engagement.opportunities.models import OpportunityPage
from engagement.organisations.models import Membership, Organisation
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory, make_opportunity

pytestmark = pytest.mark.django_db

# persona: (has_member, has_owner)
EXPECTED = {
    "anonymous": (False, False),
    "outsider": (False, False),
    "member_elsewhere": (False, False),
    "owner_elsewhere": (False, False),
    "member": (True, False),
    "owner": (True, True),
}


@pytest.fixture
def cast(verein_bretten):
    other = OrganisationFactory(home_city=verein_bretten.home_city, name="Anderer Verein")
    return {
        "anonymous": AnonymousUser(),
        "outsider": UserFactory(),
        "member_elsewhere": MembershipFactory(organisation=other, role=Membership.Role.MEMBER).user,
        "owner_elsewhere": MembershipFactory(organisation=other).user,
        "member": MembershipFactory(organisation=verein_bretten, role=Membership.Role.MEMBER).user,
        "owner": MembershipFactory(organisation=verein_bretten).user,
    }


def test_each_persona_gets_the_answer_of_the_table(cast, verein_bretten):
    answers = {
        persona: (verein_bretten.has_member(user), verein_bretten.has_owner(user))
        for persona, user in cast.items()
    }
    assert answers == EXPECTED


def test_the_querysets_agree_with_the_methods(cast, verein_bretten):
    for persona, user in cast.items():
        is_member, is_owner = EXPECTED[persona]
        assert (verein_bretten in Organisation.objects.of_member(user)) is is_member, persona
        assert (verein_bretten in Organisation.objects.owned_by(user)) is is_owner, persona


def test_a_member_of_two_organisations_sees_each_once(verein_bretten):
    user = MembershipFactory(organisation=verein_bretten).user
    second = MembershipFactory(user=user).organisation
    make_opportunity(organisation=verein_bretten, title="Erstes")
    make_opportunity(organisation=verein_bretten, title="Zweites", publish=False)
    make_opportunity(organisation=second, title="Drittes")
    make_opportunity(title="Fremdes")
    assert sorted(Organisation.objects.of_member(user).values_list("pk", flat=True)) == sorted(
        [verein_bretten.pk, second.pk]
    )
    titles = sorted(OpportunityPage.objects.of_member(user).values_list("title", flat=True))
    assert titles == ["Drittes", "Erstes", "Zweites"]  # drafts included, nobody else's
