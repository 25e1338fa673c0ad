"""The Verein says what its offer promises about access, inclusion and young volunteers in its own form
(and in the admin), each with a plain explanation; contradictions get a German message and save nothing."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engagement.opportunities import inclusion
from engagement.opportunities.models import OpportunityPage
from tests.dashboard.test_dashboard import form_data
from tests.factories import MembershipFactory, UserFactory, make_opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(verein_bretten):
    return MembershipFactory(organisation=verein_bretten, user=UserFactory(username="verein-bretten")).user


def test_the_form_explains_every_feature_and_saves_what_was_ticked(client, member, verein_bretten):
    page = make_opportunity(organisation=verein_bretten, title="Vorlesen")
    client.force_login(member)
    html = client.get(f"/mein-verein/angebote/{page.pk}/bearbeiten/").content.decode()
    assert "Barrierefreiheit und Inklusion" in html and "Junge Freiwillige" in html
    for feature in inclusion.FEATURES:
        assert f'name="{feature.field}"' in html
        assert (
            str(feature.help_text).replace("„", "&bdquo;")[:40] in html or str(feature.help_text)[:40] in html
        )
    response = client.post(
        f"/mein-verein/angebote/{page.pk}/bearbeiten/",
        form_data(
            step_free_access="on",
            quiet_place="on",
            no_german_needed="on",
            minors_welcome="on",
            minimum_age=14,
            minors_supervised="on",
        ),
    )
    assert response.status_code == 302
    draft = OpportunityPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert [feature.slug for feature in draft.inclusion_features] == [
        "step_free",
        "quiet_place",
        "no_german_needed",
    ]
    assert (draft.minors_welcome, draft.minimum_age, draft.minors_supervised, draft.minors_insured) == (
        True,
        14,
        True,
        False,
    )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"minors_welcome": "on"}, "Ab welchem Alter sind Jugendliche willkommen?"),
        ({"minors_welcome": "on", "minimum_age": 18}, "Ein Mindestalter ab 18 passt nicht"),
        ({"minimum_age": 16}, "Sie nennen ein Mindestalter unter 18."),
        ({"minors_insured": "on"}, "gelten nur, wenn Jugendliche willkommen sind"),
    ],
)
def test_contradictions_about_young_people_are_refused_in_german(
    client, member, verein_bretten, fields, message
):
    page = make_opportunity(organisation=verein_bretten, title="Vorlesen")
    before = page.latest_revision_id
    client.force_login(member)
    response = client.post(f"/mein-verein/angebote/{page.pk}/bearbeiten/", form_data(**fields))
    assert response.status_code in (200, 400)
    assert message in response.content.decode()
    assert OpportunityPage.objects.get(pk=page.pk).latest_revision_id == before


def test_the_admin_edits_the_same_fields_under_their_own_headings(client, superuser, verein_bretten):
    page = make_opportunity(organisation=verein_bretten, title="Vorlesen")
    client.force_login(superuser)
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Barrierefreiheit und Inklusion" in html and "Junge Freiwillige" in html
    assert 'name="step_free_access"' in html and 'name="minors_welcome"' in html
    assert "Man kommt ohne Stufen an den Ort" in html


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    welcome=st.booleans(),
    age=st.one_of(st.none(), st.integers(min_value=6, max_value=99)),
    supervised=st.booleans(),
    insured=st.booleans(),
    features=st.sets(st.sampled_from([feature.field for feature in inclusion.FEATURES])),
)
def test_an_offer_is_consistent_about_young_people_or_says_why_not(
    welcome, age, supervised, insured, features
):
    page = OpportunityPage(
        title="T",
        minors_welcome=welcome,
        minimum_age=age,
        minors_supervised=supervised,
        minors_insured=insured,
        **dict.fromkeys(features, True),
    )
    errors = page.youth_errors()
    young = age is not None and age < 18
    consistent = (welcome and young) or (not welcome and not young and not supervised and not insured)
    assert (errors == {}) == consistent
    assert {feature.field for feature in page.inclusion_features} == features
