"""The widget's code in "Mein Verein": only a member of the organisation sees it (anonymous visitors
log in, members of another Verein get a 404), with its preview and the options language and size."""

import html

import pytest
from django.test import Client

from tests.factories import MembershipFactory, OrganisationFactory, UserFactory, make_opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(verein_bretten):
    return MembershipFactory(
        organisation=verein_bretten, user=UserFactory(username="tafel"), role="member"
    ).user


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def url(organisation):
    return f"/mein-verein/organisation/{organisation.pk}/widget/"


def test_an_anonymous_visitor_is_sent_to_the_login(verein_bretten):
    response = Client().get(url(verein_bretten))
    assert response.status_code == 302
    assert response["Location"].startswith("/mein-verein/anmelden/")


def test_a_member_of_another_verein_gets_not_found(verein_bretten, ettlingen):
    other = OrganisationFactory(name="Gartenfreunde Ettlingen", home_city=ettlingen)
    outsider = MembershipFactory(organisation=other, user=UserFactory(username="garten"), role="owner").user
    response = signed_in(outsider).get(url(verein_bretten))
    assert response.status_code == 404
    assert verein_bretten.slug not in response.content.decode()


def test_a_member_sees_the_code_for_the_organisations_offers_with_a_preview(member, verein_bretten):
    make_opportunity(organisation=verein_bretten, title="Vorlesen im Seniorenheim")
    response = signed_in(member).get(url(verein_bretten))
    assert response.status_code == 200
    page = response.content.decode()
    code = html.unescape(page.split('id="widget-code"')[1].split(">", 1)[1].split("</textarea>")[0])
    widget = f"http://testserver/widget/?organisation={verein_bretten.slug}"
    assert f'<iframe src="{widget}" title="Engagement-Angebote von Tafel Bretten e. V."' in code
    assert '<script src="http://testserver/widget.js" async></script>' in code
    assert f'class="ev-widget-preview" src="{widget}"' in page
    assert 'data-copy-target="widget-code"' in page
    # What the code shows is what the preview shows: the organisation's offer.
    assert "Vorlesen im Seniorenheim" in Client().get(widget).content.decode()


def test_language_and_size_change_the_code_and_a_wrong_size_keeps_the_default(member, verein_bretten):
    client = signed_in(member)
    page = client.get(url(verein_bretten), {"language": "en", "size": "3"}).content.decode()
    assert f"http://testserver/en/widget/?organisation={verein_bretten.slug}&amp;amp;size=3" in page
    page = client.get(url(verein_bretten), {"size": "500"}).content.decode()
    assert f"http://testserver/widget/?organisation={verein_bretten.slug}&quot;" in page
    assert "Das Widget zeigt höchstens 20 Angebote." in page


def test_the_overview_links_to_the_code_of_a_verified_organisation_only(member, verein_bretten, bretten):
    pending = OrganisationFactory(name="Neu im Ort", home_city=bretten, verification_state="pending")
    MembershipFactory(organisation=pending, user=member, role="owner")
    page = signed_in(member).get("/mein-verein/").content.decode()
    assert url(verein_bretten) in page
    assert url(pending) not in page
    pending_page = signed_in(member).get(url(pending)).content.decode()
    assert "Das Widget zeigt Ihre Angebote, sobald die Stadt Ihre Organisation geprüft hat." in pending_page
    assert "widget-code" not in pending_page
