import pytest
from wagtail.models import Page

from engagement.cities.models import CityPage
from engagement.legal.models import LegalPage
from engagement.needs.models import NeedPage
from engagement.opportunities.models import OpportunityPage
from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_the_tree_is_portal_then_cities_then_opportunities():
    assert HomePage.allowed_parent_page_models() == [Page]
    assert CityPage.allowed_parent_page_models() == [HomePage]
    assert OpportunityPage.allowed_parent_page_models() == [CityPage]
    assert LegalPage.allowed_parent_page_models() == [HomePage, CityPage]
    assert HomePage.allowed_subpage_models() == [CityPage, LegalPage]
    assert CityPage.allowed_subpage_models() == [OpportunityPage, NeedPage, LegalPage]
    assert OpportunityPage.allowed_subpage_models() == []
    assert LegalPage.allowed_subpage_models() == []


def test_migrations_leave_one_portal_as_the_site_root(client):
    home = HomePage.objects.get()
    assert home.get_site().root_page.specific == home
    assert not Page.objects.filter(depth=2).exclude(pk=home.pk).exists()  # Wagtail's welcome page is gone
    assert not HomePage.can_create_at(Page.get_first_root_node())  # there is only one portal
    assert client.get("/").status_code == 200
