"""The city panel's "about to expire" list: offers that leave the public listing within 14 days, with
the day they leave it (the earliest of end, application deadline and a one-off event's date)."""

import re

import pytest
from django.contrib.auth.models import Group
from django.utils import translation
from django.utils.formats import date_format

from engagement.opportunities.models import OpportunityPage
from tests.factories import UserFactory, in_days, make_opportunity

pytestmark = pytest.mark.django_db

ONE_OFF = OpportunityPage.ScheduleKind.ONE_OFF


@pytest.fixture
def editor(bretten, ettlingen):
    user = UserFactory(username="redaktion-bretten")
    user.groups.add(Group.objects.get(name="Redaktion Bretten"))
    return user


def expiring_in_panel(client):
    """{title: shown date} of the panel's list, in the order shown."""
    html = client.get("/admin/").content.decode()
    section = html.split("Laufen in den nächsten 14 Tagen ab:", 1)[1].split("</li>\n    </ul>", 1)[0]
    items = re.findall(r'<a href="/admin/pages/\d+/edit/">([^<]+)</a>\s*\(([^)]*)\)', section)
    return dict(items)


def shown(day):
    with translation.override("de"):
        return date_format(day.date() if hasattr(day, "date") else day, "j. F Y")


def test_one_off_events_and_early_deadlines_count_with_the_day_the_offer_leaves_the_listing(
    client, editor, bretten, ettlingen
):
    event = in_days(3)
    make_opportunity(city=bretten, title="Stadtfest-Helfer", schedule_kind=ONE_OFF, event_start=event)
    deadline, end = in_days(5).date(), in_days(10).date()
    make_opportunity(city=bretten, title="Hausaufgabenhilfe", application_deadline=deadline, end_date=end)
    make_opportunity(city=bretten, title="Läuft noch lange", end_date=in_days(40).date())
    make_opportunity(
        city=bretten,
        title="Herbstmarkt",
        schedule_kind=ONE_OFF,
        event_start=in_days(30),
        event_end=in_days(31),
    )
    make_opportunity(city=bretten, title="Ohne Ende")
    make_opportunity(city=ettlingen, title="Ettlinger Aktion", end_date=in_days(2).date())

    client.force_login(editor)
    expiring = expiring_in_panel(client)
    assert expiring == {"Stadtfest-Helfer": shown(event), "Hausaufgabenhilfe": shown(deadline)}
    assert list(expiring) == ["Stadtfest-Helfer", "Hausaufgabenhilfe"]  # soonest first


def test_a_one_off_event_counts_by_its_end(client, editor, bretten):
    start, end = in_days(20), in_days(2)  # e.g. a clean-up running over days: the end decides
    make_opportunity(
        city=bretten, title="Müllsammelwoche", schedule_kind=ONE_OFF, event_start=in_days(-1), event_end=end
    )
    make_opportunity(city=bretten, title="Sommerfest", schedule_kind=ONE_OFF, event_start=start)
    client.force_login(editor)
    assert expiring_in_panel(client) == {"Müllsammelwoche": shown(end)}
