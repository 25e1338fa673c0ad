import datetime as dt

import pytest
from django.utils import timezone

from engagement.applications.models import Application
from engagement.hours.models import Certificate
from tests.applications import conftest as applications
from tests.applications.conftest import post
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory, make_opportunity

# The applications' fixtures, shared: a Verein member, applying and confirming through the real forms.
member = applications.member
confirmed = applications.confirmed
_fresh_rate_limits = applications._fresh_rate_limits

LAST_WEEK = timezone.localdate() - dt.timedelta(days=7)


@pytest.fixture
def page(verein_bretten):
    return make_opportunity(organisation=verein_bretten, title="Helfen beim Stadtfest", volunteers_needed=10)


@pytest.fixture
def accepted(client, member, page, confirmed):
    """Apply, confirm and be accepted through the real forms; returns (application, status link path)."""

    def make(opportunity=None, **overrides):
        application, link = confirmed(opportunity, **overrides)
        client.force_login(member)
        response = post(client, f"/mein-verein/bewerbungen/{application.pk}/", {"status": "accepted"})
        assert response.status_code == 302
        client.logout()
        application.refresh_from_db()
        assert application.status == Application.Status.ACCEPTED
        return application, link

    return make


@pytest.fixture
def helpers(accepted):
    """Two accepted applicants of the Verein's offer: Mia and Jonas."""
    mia = accepted(name="Mia Kraus", email="mia@example.org")
    jonas = accepted(name="Jonas Weber", email="jonas@example.org")
    return {"mia": mia, "jonas": jonas}


@pytest.fixture
def other_verein(bretten):
    organisation = OrganisationFactory(name="Kanuclub Bretten", home_city=bretten)
    user = MembershipFactory(organisation=organisation, user=UserFactory(username="kanuclub")).user
    return {
        "organisation": organisation,
        "owner": user,
        "page": make_opportunity(organisation=organisation, title="Paddeln"),
    }


@pytest.fixture
def plain_member(verein_bretten):
    """A member of the Verein who is not responsible for it (no owner)."""
    return MembershipFactory(
        organisation=verein_bretten, user=UserFactory(username="kassenwart"), role="member"
    ).user


def attendance_data(
    applications, day=LAST_WEEK, hours="3", label="Aufbau Stadtfest", absent=(), own_hours=None
):
    data = {"period": "day", "date": day.isoformat(), "hours": hours, "label": label}
    for application in applications:
        if application not in absent:
            data[f"came_{application.pk}"] = "on"
    for application, value in (own_hours or {}).items():
        data[f"hours_{application.pk}"] = value
    return data


ISSUE = {"signer_name": "Petra Vorstand", "signer_role": "Vorsitzende", "tasks": "Aufbau Stadtfest\nKasse"}


@pytest.fixture
def with_hours(client, member, page, helpers):
    mia, jonas = helpers["mia"][0], helpers["jonas"][0]
    client.force_login(member)
    post(client, f"/mein-verein/stunden/angebot/{page.pk}/", attendance_data([mia, jonas], absent=[jonas]))
    client.logout()
    return helpers


@pytest.fixture
def issued(client, member, with_hours):
    """Mia asks through her link, the Verein's responsible person issues it; returns (certificate, link)."""
    mia, link = with_hours["mia"]
    post(client, f"{link}stunden/", {"action": "request"})
    client.force_login(member)
    response = post(client, f"/mein-verein/stunden/nachweise/ausstellen/{mia.pk}/", ISSUE)
    assert response.status_code == 302
    client.logout()
    return Certificate.objects.get(application=mia), link
