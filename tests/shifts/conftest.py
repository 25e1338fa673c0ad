import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import timezone

from engagement.opportunities.models import OpportunityPage
from engagement.shifts.models import Shift
from tests.applications.conftest import links, post, status_links  # noqa: F401  (shared helpers)
from tests.factories import MembershipFactory, UserFactory, make_opportunity

SIGNUP = {"name": "Mia Kraus", "email": "mia@example.org", "consent": "on", "party_size": "1"}


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def member(verein_bretten):
    return MembershipFactory(organisation=verein_bretten, user=UserFactory(username="verein-bretten")).user


@pytest.fixture
def other_member(ettlingen):
    """A member of another Verein (in another city)."""
    return MembershipFactory(
        organisation__home_city=ettlingen,
        organisation__name="Turnverein Ettlingen",
        user=UserFactory(username="tv-ettlingen"),
    ).user


@pytest.fixture
def fest(verein_bretten):
    return make_opportunity(
        organisation=verein_bretten,
        title="Helfer:innen für das Peter-und-Paul-Fest",
        schedule_kind=OpportunityPage.ScheduleKind.ONE_OFF,
        event_start=at(10, 8),
        event_end=at(10, 22),
        volunteers_needed=20,
    )


def at(days, hour, minute=0):
    """A local moment `days` from today at `hour`."""
    day = timezone.localdate() + dt.timedelta(days=days)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def make_shift(page, role="Aufbau", days=10, start=8, end=11, capacity=6, **fields):
    return Shift.objects.create(
        opportunity=page,
        role=role,
        starts_at=at(days, start),
        ends_at=at(days, end),
        capacity=capacity,
        **fields,
    )


def sign_up(client, page, shifts, remote_addr="127.0.0.1", **overrides):
    data = {**SIGNUP, "shifts": [shift.pk for shift in shifts], **overrides}
    return post(client, f"/schichten/{page.pk}/anmelden/", data, REMOTE_ADDR=remote_addr)


def confirm_last(client, mailoutbox):
    """Click the newest confirmation link (POST, as the confirmation page's button does)."""
    path = links(mailoutbox, "/bewerbung/bestaetigen/")[-1]
    return post(client, path)


def signed_up(client, mailoutbox, page, shifts, email="mia@example.org", **overrides):
    """Sign up and confirm; returns the private status link."""
    mailoutbox.clear()
    sign_up(client, page, shifts, email=email, **overrides)
    confirm_last(client, mailoutbox)
    return [path for path in status_links(mailoutbox) if "/schichten/" not in path][-1]
