"""The admin's widget page: a city's editors get the code for their own city's offers; another city's
editor, a Verein member and anonymous visitors get nothing of it."""

import html

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from tests.factories import MembershipFactory, UserFactory, make_opportunity

pytestmark = pytest.mark.django_db

URL = "/admin/widget/"


@pytest.fixture
def editors(bretten, ettlingen):
    def editor(city):
        user = UserFactory(username=f"redaktion-{city}")
        user.groups.add(Group.objects.get(name=f"Redaktion {city.title()}"))
        return user

    return {"bretten": editor("bretten"), "ettlingen": editor("ettlingen")}


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def code_in(page):
    return html.unescape(page.split('id="widget-code"')[1].split(">", 1)[1].split("</textarea>")[0])


def test_anonymous_visitors_go_to_the_admin_login():
    response = Client().get(URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_a_verein_member_without_a_city_is_refused(verein_bretten):
    member = MembershipFactory(organisation=verein_bretten, user=UserFactory(username="tafel")).user
    response = signed_in(member).get(URL)
    assert response.status_code in (302, 403)
    assert "widget-code" not in response.content.decode()


def test_another_citys_editor_gets_the_code_of_their_own_city_only(editors, bretten):
    response = signed_in(editors["ettlingen"]).get(URL, {"city": bretten.pk})
    assert response.status_code == 200
    code = code_in(response.content.decode())
    assert "city=ettlingen" in code
    assert "bretten" not in code
    assert "Bretten" not in response.content.decode().split('name="city"')[1].split("</select>")[0]


def test_the_citys_editor_gets_the_code_of_their_city_and_of_one_topic_with_a_preview(editors, bretten):
    make_opportunity(city=bretten, title="Vorlesen im Seniorenheim")
    client = signed_in(editors["bretten"])
    page = client.get(URL).content.decode()
    code = code_in(page)
    assert (
        '<iframe src="http://testserver/widget/?city=bretten" title="Engagement-Angebote in Bretten"' in code
    )
    assert '<script src="http://testserver/widget.js" async></script>' in code
    assert 'class="ev-widget-preview" src="http://testserver/widget/?city=bretten"' in page
    assert "Widget für Ihre Website" in page

    code = code_in(client.get(URL, {"category": "umwelt-natur", "language": "en"}).content.decode())
    assert "http://testserver/en/widget/?city=bretten&amp;category=umwelt-natur" in code


def test_the_menu_shows_the_page_to_city_editors(editors):
    assert "/admin/widget/" in signed_in(editors["bretten"]).get("/admin/").content.decode()
