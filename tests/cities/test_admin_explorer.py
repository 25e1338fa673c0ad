"""The admin explorer is ours (engagement.cities.admin_explorer): same pages, same access, a capped count
and no permission subquery per row inside a section the editor may explore whole."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.permissions import policy_registry

from engagement.cities import admin_explorer
from engagement.cities.admin_explorer import SectionExplorerView
from tests.factories import UserFactory, make_opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture
def bretten_editor(bretten, ettlingen):
    make_opportunity(city=bretten, title="Vorlesen Bretten")
    make_opportunity(city=bretten, title="Entwurf Bretten", publish=False)
    make_opportunity(city=ettlingen, title="Streuobst Ettlingen")
    editor = UserFactory(username="redaktion-bretten")
    editor.groups.add(bretten.editor_group)
    return editor


def listed_titles(response):
    return sorted(page.title for page in response.context["object_list"])


def test_an_editor_cannot_explore_another_citys_section(client, bretten, bretten_editor, ettlingen):
    client.force_login(bretten_editor)
    for page in (ettlingen, ettlingen.get_parent()):  # as in Wagtail: sent to the own section
        response = client.get(f"/admin/pages/{page.pk}/")
        assert response.status_code == 302 and response.url == f"/admin/pages/{bretten.pk}/"
    policy = policy_registry.get_by_type(Page)
    assert not policy.explores_whole_subtree(bretten_editor, ettlingen)
    assert not policy.explores_whole_subtree(bretten_editor, ettlingen.get_parent())


def test_people_without_admin_access_get_no_explorer(client, bretten, bretten_editor):
    assert client.get(f"/admin/pages/{bretten.pk}/").status_code == 302  # to the login
    client.force_login(UserFactory(username="buerger"))
    assert client.get(f"/admin/pages/{bretten.pk}/").status_code in (302, 403)


def test_both_addresses_of_the_explorer_are_served_by_our_view(client, bretten, bretten_editor):
    client.force_login(bretten_editor)
    for path in (f"/admin/pages/{bretten.pk}/", f"/admin/pages/{bretten.pk}/results/"):
        assert isinstance(client.get(path).context["view"], SectionExplorerView)


def test_the_explorer_lists_the_pages_wagtails_permissions_allow(client, bretten, bretten_editor, superuser):
    policy = policy_registry.get_by_type(Page)
    assert policy.explores_whole_subtree(bretten_editor, bretten)
    assert policy.explores_whole_subtree(superuser, bretten.get_parent())
    client.force_login(bretten_editor)
    explorable = bretten.get_children().filter(pk__in=policy.explorable_instances(bretten_editor))
    titles = listed_titles(client.get(f"/admin/pages/{bretten.pk}/"))
    assert titles == sorted(explorable.values_list("title", flat=True))
    assert "Vorlesen Bretten" in titles and "Entwurf Bretten" in titles
    assert "Streuobst Ettlingen" not in titles


def test_a_long_section_says_more_than_the_cap(client, bretten, bretten_editor, monkeypatch):
    client.force_login(bretten_editor)
    html = client.get(f"/admin/pages/{bretten.pk}/").content.decode()
    assert "Mehr als" not in html
    monkeypatch.setattr(admin_explorer, "EXPLORER_COUNT_CAP", 2)
    response = client.get(f"/admin/pages/{bretten.pk}/")
    assert "Mehr als 2 Seiten" in response.content.decode()
    assert response.context["paginator"].capped


def test_explorer_queries_do_not_grow_with_the_children(client, bretten, bretten_editor):
    client.force_login(bretten_editor)
    client.get(f"/admin/pages/{bretten.pk}/")
    with CaptureQueriesContext(connection) as few:
        client.get(f"/admin/pages/{bretten.pk}/")
    for number in range(4):
        make_opportunity(city=bretten, title=f"Weiteres Angebot {number}", slug=f"weiteres-{number}")
    client.get(f"/admin/pages/{bretten.pk}/")
    with CaptureQueriesContext(connection) as many:
        response = client.get(f"/admin/pages/{bretten.pk}/")
    assert response.content.decode().count("Weiteres Angebot") >= 4
    assert len(many) == len(few)


def test_the_explorer_shows_twenty_children_a_page_and_the_rest_on_the_next(client, bretten, bretten_editor):
    for number in range(22):
        make_opportunity(city=bretten, title=f"Angebot Nr. {number:02d}", slug=f"angebot-{number}")
    client.force_login(bretten_editor)
    first = client.get(f"/admin/pages/{bretten.pk}/?ordering=title")
    second = client.get(f"/admin/pages/{bretten.pk}/?ordering=title&p=2")
    shown = listed_titles(first) + listed_titles(second)
    assert len(listed_titles(first)) == 20
    children = bretten.get_children().values_list("title", flat=True)
    assert sorted(shown) == sorted(children)  # every child once, none lost between the pages


def test_the_rows_read_the_site_root_paths_once_not_once_a_row(client, bretten, bretten_editor, monkeypatch):
    """Each row links to its live page; without this, Wagtail asks the cache for the sites per row."""
    from wagtail.models import Site

    for number in range(5):
        make_opportunity(city=bretten, title=f"Weiteres Angebot {number}", slug=f"weiteres-{number}")
    reads = []
    read = Site.get_site_root_paths
    monkeypatch.setattr(Site, "get_site_root_paths", staticmethod(lambda: reads.append(1) or read()))
    client.force_login(bretten_editor)
    response = client.get(f"/admin/pages/{bretten.pk}/")
    live_links = [page.url for page in response.context["object_list"] if page.live]
    assert len(live_links) >= 5 and all(live_links)
    assert len(reads) <= 3  # the request's own, the view's and the breadcrumbs', whatever the rows
