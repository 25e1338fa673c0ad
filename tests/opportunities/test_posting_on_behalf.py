import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from engagement.opportunities.models import OpportunityPage
from engagement.taxonomy.models import Category
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory, make_opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(bretten, ettlingen):
    user = UserFactory(username="redaktion-bretten")
    user.groups.add(Group.objects.get(name="Redaktion Bretten"))
    return user


def form_data(organisation):
    data = nested_form_data(
        {
            "title": "Helfer:innen fürs Stadtfest",
            "slug": "stadtfest",
            "teaser": "Aufbauen, ausschenken, aufräumen.",
            "description": rich_text("<p>Wir brauchen Sie beim Stadtfest.</p>"),
            "organisation": organisation.pk,
            "schedule_kind": "flexible",
            "postcode": "75015",
            "place": "Bretten",
            "volunteers_needed": 10,
            "recruitment_status": "open",
            "comments": inline_formset([]),
        }
    )
    data["categories"] = [Category.objects.get(slug="kultur").pk]
    return data


def test_city_editor_posts_on_behalf_of_a_verein_of_the_city(client, editor, bretten):
    verein = OrganisationFactory(name="Heimatverein Bretten", home_city=bretten)
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=("opportunities", "opportunitypage", bretten.pk))
    response = client.post(url, form_data(verein))
    assert response.status_code == 302
    page = OpportunityPage.objects.get(slug="stadtfest")
    assert page.organisation == verein
    assert page.posted_on_behalf_by == editor


def test_organisation_choices_are_the_citys_own(client, editor, bretten, ettlingen):
    OrganisationFactory(name="Heimatverein Bretten", home_city=bretten)
    OrganisationFactory(name="Kanuclub Ettlingen", home_city=ettlingen)
    OrganisationFactory(name="Gesperrter Verein", home_city=bretten, verification_state="suspended")
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=("opportunities", "opportunitypage", bretten.pk))
    names = [o.name for o in client.get(url).context["form"].fields["organisation"].queryset]
    assert names == ["Heimatverein Bretten"]


def test_members_posting_for_their_own_organisation_are_not_marked(bretten, superuser):
    verein = OrganisationFactory(home_city=bretten)
    MembershipFactory(organisation=verein, user=superuser)
    page = make_opportunity(organisation=verein)
    assert page.posted_on_behalf_by is None


def test_an_organisation_of_another_city_is_refused(bretten, ettlingen):
    foreign = OrganisationFactory(home_city=ettlingen)
    page = make_opportunity(city=bretten, organisation=OrganisationFactory(home_city=bretten), publish=False)
    page.organisation = foreign
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "anderen Stadt" in " ".join(error.value.message_dict["organisation"])


def test_the_public_page_says_who_posted_on_whose_behalf(client, editor, bretten):
    verein = OrganisationFactory(name="Heimatverein Bretten", home_city=bretten)
    page = make_opportunity(organisation=verein, posted_on_behalf_by=editor)
    assert (
        "Eingestellt von der Stadt Bretten für Heimatverein Bretten" in client.get(page.url).content.decode()
    )


@pytest.mark.parametrize(
    "action",
    [
        {"action-publish": "action-publish"},
        {"action-workflow-action": "true", "workflow-action-name": "approve"},
    ],
    ids=["edited and published", "approved in the editor"],
)
def test_a_vereins_own_offer_edited_or_approved_by_the_city_is_not_labelled_as_posted_by_it(
    client, editor, bretten, action
):
    verein = OrganisationFactory(name="Heimatverein Bretten", home_city=bretten)
    member = MembershipFactory(organisation=verein).user
    page = make_opportunity(organisation=verein, title="Helfer:innen fürs Stadtfest", slug="stadtfest")
    page.teaser = "Aufbauen und aufräumen."
    page.save_revision(user=member)
    page.get_workflow().start(page, member)

    client.force_login(editor)
    response = client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), form_data(verein) | action)
    assert response.status_code == 302
    page = OpportunityPage.objects.get(pk=page.pk)
    assert page.live and page.teaser == "Aufbauen, ausschenken, aufräumen."
    assert page.posted_on_behalf_by is None
    assert "Eingestellt von der Stadt" not in client.get(page.url).content.decode()
