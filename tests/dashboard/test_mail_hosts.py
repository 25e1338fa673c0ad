"""With city hosts, mails to organisations link public pages on the offer's city host and "Mein Verein"
on the main host, where the members' sessions live (README, "Eigene Hosts der Städte")."""

import datetime as dt
import re

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import timezone
from freezegun import freeze_time
from wagtail.models import WorkflowState

from engagement.opportunities import freshness
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory, make_city, make_opportunity

pytestmark = pytest.mark.django_db

BRETTEN = "engagement.bretten.localhost"
ETTLINGEN = "engagement.ettlingen.localhost"
MAIN = "http://testserver"  # WAGTAILADMIN_BASE_URL of the test settings


@pytest.fixture
def hosts(settings):
    settings.CITY_HOSTS = {"bretten": BRETTEN, "ettlingen": ETTLINGEN}
    cache.clear()  # Wagtail caches the site root paths; the mails' sent markers live there too
    yield make_city("bretten"), make_city("ettlingen")
    cache.clear()


@pytest.fixture
def member(hosts):
    bretten, _ = hosts
    organisation = OrganisationFactory(name="Tafel Bretten e. V.", home_city=bretten)
    return MembershipFactory(organisation=organisation, user=UserFactory(username="verein-bretten")).user


@pytest.fixture
def editor(hosts):
    user = UserFactory(username="redaktion-bretten")
    user.groups.add(Group.objects.get(name="Redaktion Bretten"))
    return user


def links_in(body):
    return re.findall(r"https?://\S+", body)


def decide(page, member, editor, action, capture, **kwargs):
    page.get_workflow().start(page, member)
    state = WorkflowState.objects.get(object_id=str(page.pk))
    with capture(execute=True):
        state.current_task_state.task.specific.on_action(state.current_task_state, editor, action, **kwargs)


def test_the_approval_mail_links_the_live_offer_on_its_citys_host(
    client, hosts, member, editor, mailoutbox, django_capture_on_commit_callbacks
):
    organisation = member.memberships.get().organisation
    page = make_opportunity(organisation=organisation, title="Lebensmittel ausgeben", publish=False)
    decide(page, member, editor, "approve", django_capture_on_commit_callbacks)

    [mail] = [mail for mail in mailoutbox if mail.subject == "Freigegeben: Lebensmittel ausgeben"]
    public = f"http://{BRETTEN}/{page.slug}/"
    assert f"Zum Angebot: {public}" in mail.body
    assert f"{MAIN}/mein-verein/" in links_in(mail.body)  # the dashboard stays on the main host
    response = client.get(f"/{page.slug}/", HTTP_HOST=BRETTEN)
    assert response.status_code == 200 and "Lebensmittel ausgeben" in response.content.decode()


def test_a_request_for_changes_links_no_public_page(
    hosts, member, editor, mailoutbox, django_capture_on_commit_callbacks
):
    organisation = member.memberships.get().organisation
    page = make_opportunity(organisation=organisation, title="Fahrdienst", publish=False)
    decide(
        page, member, editor, "reject", django_capture_on_commit_callbacks, comment="Bitte Zeiten angeben."
    )

    [mail] = [mail for mail in mailoutbox if mail.subject == "Bitte überarbeiten: Fahrdienst"]
    assert links_in(mail.body) == [f"{MAIN}/mein-verein/"]


def test_the_freshness_reminder_links_the_offer_on_its_citys_host_and_confirms_on_the_main_host(
    client, hosts, mailoutbox
):
    _, ettlingen = hosts
    organisation = OrganisationFactory(name="Ettlinger Nachbarschaftshilfe", home_city=ettlingen)
    MembershipFactory(organisation=organisation, user=UserFactory(username="nachbarn"))
    page = make_opportunity(organisation=organisation, title="Einkaufshilfe")

    with freeze_time(timezone.now() + dt.timedelta(days=91)):
        assert freshness.sweep_freshness()["reminders"] == 1
    [mail] = mailoutbox
    public, confirm, dashboard = links_in(mail.body)
    assert public == f"http://{ETTLINGEN}/{page.slug}/"
    assert confirm.startswith(f"{MAIN}/mein-verein/aktuell/")
    assert dashboard == f"{MAIN}/mein-verein/"
    assert client.get(f"/{page.slug}/", HTTP_HOST=ETTLINGEN).status_code == 200
    assert client.get(confirm.removeprefix(MAIN)).status_code == 200


def test_invitations_open_on_the_main_host_where_the_account_is_made(
    client, hosts, member, mailoutbox, django_capture_on_commit_callbacks
):
    organisation = member.memberships.get().organisation
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/mein-verein/organisation/{organisation.pk}/mitglieder/",
            {"action": "invite", "email": "neu@example.org"},
        )
    [link] = links_in(mailoutbox[0].body)
    assert link.startswith(f"{MAIN}/mein-verein/")
