"""Needs beyond people: a Verein posts what it looks for or lends, the city moderates it, citizens and
other Vereine find it, write to the Verein, and the Verein marks it fulfilled or lent."""

import datetime as dt
import re

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import WorkflowState

from engagement.mail.models import OutgoingMail
from engagement.needs import services
from engagement.needs.models import FRESH_DAYS, ContactMessage, Loan, NeedPage
from engagement.organisations.models import Organisation
from engagement.retention import periods
from engagement.retention.tasks import delete_expired_records
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate limits count in the default cache, which outlives a test."""
    cache.clear()


@pytest.fixture
def member(verein_bretten):
    return MembershipFactory(organisation=verein_bretten, user=UserFactory(username="verein-bretten")).user


@pytest.fixture
def editor(bretten):
    user = UserFactory(username="redaktion-bretten")
    user.groups.add(Group.objects.get(name="Redaktion Bretten"))
    return user


def need_form(**overrides):
    data = {
        "title": "20 Bierbänke für das Sommerfest",
        "kind": "wanted",
        "resource": "material",
        "description": "Für unser Sommerfest am Marktplatz suchen wir Bierbänke und Tische.",
        "postcode": "75015",
        "place": "Bretten",
        "available_from": "",
        "available_until": "",
        "handover": "pickup",
        "deposit": "",
        "fee": "",
        "fee_note": "",
    }
    data.update(overrides)
    return data


def approve(page, editor):
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    state.current_task_state.task.specific.on_action(state.current_task_state, editor, "approve")
    page.refresh_from_db()
    return page


def publish_need(organisation, **fields):
    """A need as the platform publishes it: created by a member, approved through a revision."""
    user = MembershipFactory(organisation=organisation).user
    data = {
        "title": "Beamer zu verleihen",
        "kind": NeedPage.Kind.LEND,
        "resource": NeedPage.Resource.MATERIAL,
        "description": "Ein Beamer mit Leinwand, für Vereinsabende.",
        "postcode": organisation.home_city.postcode_list[0],
        "place": organisation.home_city.title,
        "handover": NeedPage.Handover.PICKUP,
    }
    data.update(fields)
    page = services.create_draft(organisation=organisation, user=user, data=data)
    page.get_latest_revision().publish()
    page.refresh_from_db()
    return page


# --- Who may do what (negative cases first) ------------------------------------------------------


@pytest.mark.parametrize("persona", ["other_verein", "other_city_editor", "anonymous"])
def test_nobody_else_edits_fulfils_or_lends_a_vereins_need(client, verein_bretten, ettlingen, persona):
    need = publish_need(verein_bretten)
    if persona == "other_verein":
        other = OrganisationFactory(home_city=verein_bretten.home_city)
        client.force_login(MembershipFactory(organisation=other).user)
    elif persona == "other_city_editor":
        user = UserFactory(username="redaktion-ettlingen")
        user.groups.add(Group.objects.get(name="Redaktion Ettlingen"))
        client.force_login(user)
    urls = [
        reverse("dashboard:need_edit", args=[need.pk]),
        reverse("dashboard:need_loans", args=[need.pk]),
    ]
    posts = [
        reverse("dashboard:need_action", args=[need.pk, "erledigt"]),
        reverse("dashboard:need_action", args=[need.pk, "beenden"]),
        reverse("dashboard:need_submit", args=[need.pk]),
        reverse("dashboard:need_loans", args=[need.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (302, 403), url
    for url in posts:
        response = client.post(url, {"starts_on": "2030-01-01", "ends_on": "2030-01-02"})
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert "/anmelden/" in response["Location"]
    need.refresh_from_db()
    assert need.live and need.state == NeedPage.State.OPEN and not need.loans.exists()


def test_another_citys_editor_cannot_edit_the_need_in_the_admin(client, verein_bretten, ettlingen):
    need = publish_need(verein_bretten)
    user = UserFactory(username="redaktion-ettlingen")
    user.groups.add(Group.objects.get(name="Redaktion Ettlingen"))
    client.force_login(user)
    response = client.get(f"/admin/pages/{need.pk}/edit/")
    assert response.status_code in (302, 403, 404)
    response = client.post(f"/admin/pages/{need.pk}/unpublish/")
    need.refresh_from_db()
    assert need.live


def test_the_citys_editor_edits_a_need_in_the_admin(client, verein_bretten, editor):
    need = publish_need(verein_bretten)
    client.force_login(editor)
    response = client.get(f"/admin/pages/{need.pk}/edit/")
    assert response.status_code == 200
    assert "Beamer zu verleihen" in response.content.decode()


def test_a_need_of_an_unverified_organisation_is_not_public(client, bretten):
    pending = OrganisationFactory(
        home_city=bretten, verification_state=Organisation.VerificationState.PENDING
    )
    need = publish_need(pending)
    assert client.get(need.url).status_code == 404
    assert client.get(reverse("need_contact", args=[need.pk])).status_code == 404
    assert need.title not in client.get(reverse("need_search")).content.decode()


# --- The flow ----------------------------------------------------------------------------------


def test_post_moderate_find_contact_and_fulfil(
    client, member, editor, verein_bretten, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(member)
    response = client.post(
        reverse("dashboard:need_create", args=[verein_bretten.pk]), {**need_form(), "submit": "1"}
    )
    assert response.status_code == 302, response.content.decode()
    need = NeedPage.objects.get()
    assert not need.live and need.city == verein_bretten.home_city
    assert need.workflow_in_progress  # in the city's moderation, not online
    client.logout()
    assert need.title not in client.get(reverse("need_search")).content.decode()

    approve(need, editor)
    assert need.live

    # Found on its own tab, by a word form and by its city, and not on the offers' tab.
    found = client.get(reverse("need_search"), {"q": "Bierbank", "city": "bretten"}).content.decode()
    assert "20 Bierbänke für das Sommerfest" in found
    assert "20 Bierbänke" not in client.get(reverse("search"), {"q": "Bierbank"}).content.decode()
    page = client.get(need.url).content.decode()
    assert "kontakt@verein.example.org" not in page and member.email not in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("need_contact", args=[need.pk]),
            {
                "name": "Erika Muster",
                "email": "erika@example.org",
                "message": "Wir haben 10 Bänke.",
                "consent": "on",
            },
        )
    assert response.status_code == 200
    assert "Nachricht gesendet" in response.content.decode()
    message = ContactMessage.objects.get()
    assert message.consent_version
    [mail] = [m for m in mailoutbox if m.to == [member.email]]
    assert "Wir haben 10 Bänke." in mail.body and mail.reply_to == ["erika@example.org"]
    assert "20 Bierbänke für das Sommerfest" in mail.subject

    client.force_login(member)
    client.post(reverse("dashboard:need_action", args=[need.pk, "erledigt"]))
    need.refresh_from_db()
    assert need.state == NeedPage.State.FULFILLED
    client.logout()
    assert "20 Bierbänke" not in client.get(reverse("need_search")).content.decode()
    page = client.get(need.url).content.decode()
    assert "Erledigt" in page and reverse("need_contact", args=[need.pk]) not in page
    assert client.get(reverse("need_contact", args=[need.pk])).status_code == 410


def test_a_draft_needs_only_its_title_and_submission_asks_for_the_description(client, member, verein_bretten):
    client.force_login(member)
    response = client.post(
        reverse("dashboard:need_create", args=[verein_bretten.pk]), need_form(description="", save="1")
    )
    assert response.status_code == 302
    need = NeedPage.objects.get()
    response = client.post(reverse("dashboard:need_submit", args=[need.pk]), follow=True)
    assert "Bitte beschreiben Sie, was Sie suchen oder anbieten." in response.content.decode()
    assert not need.workflow_in_progress


def test_bad_input_gets_german_messages_and_saves_nothing(client, member, verein_bretten):
    client.force_login(member)
    response = client.post(
        reverse("dashboard:need_create", args=[verein_bretten.pk]),
        need_form(
            title="", postcode="7501", available_from="2030-05-02", available_until="2030-05-01", fee="abc"
        ),
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "Bitte geben Sie einen Titel an." in text
    assert not NeedPage.objects.exists()
    response = client.post(
        reverse("dashboard:need_create", args=[verein_bretten.pk]),
        need_form(postcode="7501", available_from="2030-05-02", available_until="2030-05-01"),
    )
    text = response.content.decode()
    assert response.status_code == 400
    assert "Eine Postleitzahl hat fünf Ziffern." in text
    assert "Das Ende darf nicht vor dem Beginn liegen." in text
    response = client.post(reverse("dashboard:need_create", args=[verein_bretten.pk]), need_form(fee="5"))
    assert "Pfand und Gebühr gibt es nur bei Dingen, die Sie verleihen." in response.content.decode()
    assert not NeedPage.objects.exists()


def test_lending_calendar_shows_taken_days_but_not_the_vereins_notes(client, member, verein_bretten):
    need = publish_need(verein_bretten, fee="5.00", deposit="50.00", fee_note="pro Wochenende")
    client.force_login(member)
    start = timezone.localdate() + dt.timedelta(days=3)
    response = client.post(
        reverse("dashboard:need_loans", args=[need.pk]),
        {
            "starts_on": start.isoformat(),
            "ends_on": (start + dt.timedelta(days=1)).isoformat(),
            "note": "an den Turnverein",
        },
    )
    assert response.status_code == 302
    # An overlapping loan is refused with the dates it clashes with.
    response = client.post(
        reverse("dashboard:need_loans", args=[need.pk]),
        {
            "starts_on": (start + dt.timedelta(days=1)).isoformat(),
            "ends_on": (start + dt.timedelta(days=5)).isoformat(),
        },
    )
    assert response.status_code == 400
    assert "In dieser Zeit ist es schon verliehen" in response.content.decode()
    assert Loan.objects.count() == 1
    client.logout()
    page = client.get(need.url).content.decode()
    assert page.count("ev-day--taken") - page.count("ev-legend") == 2
    assert "an den Turnverein" not in page
    assert "Pfand: 50 €" in page and "Gebühr: 5 €" in page and "pro Wochenende" in page


def test_a_loan_is_only_for_things_lent(member, verein_bretten):
    need = publish_need(verein_bretten, kind=NeedPage.Kind.WANTED)
    with pytest.raises(Exception, match="Ausleihen gibt es nur"):
        services.add_loan(
            page=need, user=member, starts_on=timezone.localdate(), ends_on=timezone.localdate()
        )


def test_a_need_leaves_the_search_after_its_date_and_when_nobody_confirms_it(client, member, verein_bretten):
    need = publish_need(verein_bretten, available_until=timezone.localdate() + dt.timedelta(days=10))
    assert NeedPage.objects.listed().filter(pk=need.pk).exists()
    with freeze_time(timezone.now() + dt.timedelta(days=11)):
        assert not NeedPage.objects.listed().filter(pk=need.pk).exists()
    lasting = publish_need(verein_bretten, title="Raum für Proben gesucht", kind="wanted", resource="room")
    with freeze_time(timezone.now() + dt.timedelta(days=FRESH_DAYS + 1)):
        assert not NeedPage.objects.listed().filter(pk=lasting.pk).exists()
    with freeze_time(timezone.now() + dt.timedelta(days=FRESH_DAYS - 1)):
        client.force_login(member)
        response = client.post(reverse("dashboard:need_action", args=[lasting.pk, "noch-aktuell"]))
        assert response.status_code == 302 and "/anmelden/" not in response["Location"]
    with freeze_time(timezone.now() + dt.timedelta(days=FRESH_DAYS + 1)):
        assert NeedPage.objects.listed().filter(pk=lasting.pk).exists()


def test_filters_by_kind_resource_city_and_distance(client, verein_bretten, ettlingen):
    wanted = publish_need(
        verein_bretten, title="Steuerberaterin für eine Stunde gesucht", kind="wanted", resource="know_how"
    )
    lend = publish_need(verein_bretten, title="Anhänger zu verleihen")
    other = publish_need(
        OrganisationFactory(home_city=ettlingen), title="Vereinsraum zu verleihen", resource="room"
    )

    def titles(**params):
        text = client.get(reverse("need_search"), params).content.decode()
        return {page.title for page in (wanted, lend, other) if page.title in text}

    assert titles() == {wanted.title, lend.title, other.title}
    assert titles(kind="lend") == {lend.title, other.title}
    assert titles(resource="room") == {other.title}
    assert titles(city="ettlingen") == {other.title}
    assert titles(near="75015", radius="5") == {wanted.title, lend.title}
    assert client.get(reverse("city_need_search", args=["ettlingen"])).status_code == 200
    assert titles(q="Steuerberater") == {wanted.title}


def test_unknown_values_answer_400_in_german(client, bretten):
    response = client.get(reverse("need_search"), {"kind": "x", "city": "atlantis", "radius": "0"})
    assert response.status_code == 400
    text = response.content.decode()
    assert "„x“ ist keine Art von Eintrag." in text
    assert "Die Stadt „atlantis“ kennen wir nicht." in text


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    params=st.dictionaries(
        st.sampled_from(["q", "kind", "resource", "city", "near", "radius", "sort", "page", "organisation"]),
        st.text(max_size=40),
    )
)
def test_no_input_makes_the_needs_search_fail(client, params):
    cache.clear()
    response = client.get(reverse("need_search"), params)
    assert response.status_code in (200, 400)
    feed = client.get(reverse("need_feed"), params)
    assert feed.status_code in (200, 400)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(name=st.text(max_size=200), email=st.text(max_size=60), message=st.text(max_size=400))
def test_arbitrary_contact_input_never_fails(client, verein_bretten, name, email, message):
    cache.clear()
    need = NeedPage.objects.first() or publish_need(verein_bretten)
    response = client.post(
        reverse("need_contact", args=[need.pk]),
        {"name": name, "email": email, "message": message, "consent": "on"},
    )
    assert response.status_code in (200, 400)


def test_the_contact_form_is_rate_limited_and_keeps_a_honeypot(client, verein_bretten, mailoutbox):
    need = publish_need(verein_bretten)
    data = {"name": "Bot", "email": "bot@example.org", "message": "Hallo", "consent": "on", "website": "spam"}
    response = client.post(reverse("need_contact", args=[need.pk]), data)
    assert response.status_code == 200 and not ContactMessage.objects.exists()
    data.pop("website")
    statuses = [
        client.post(
            reverse("need_contact", args=[need.pk]), {**data, "email": f"p{n}@example.org"}
        ).status_code
        for n in range(11)
    ]
    assert statuses[-1] == 429
    assert (
        "Bitte versuchen Sie es später"
        in client.post(reverse("need_contact", args=[need.pk]), data).content.decode()
    )


def test_contact_messages_are_deleted_after_the_retention_period(client, verein_bretten):
    need = publish_need(verein_bretten)
    client.post(
        reverse("need_contact", args=[need.pk]),
        {"name": "A", "email": "a@example.org", "message": "Hallo", "consent": "on"},
    )
    assert ContactMessage.objects.count() == 1
    with freeze_time(timezone.now() + dt.timedelta(days=periods.NEED_CONTACT_DAYS + 1)):
        assert list(periods.expired_need_contacts()) == list(ContactMessage.objects.all())
        assert delete_expired_records()["need_contacts"] == 1
    assert not ContactMessage.objects.exists()
    assert not OutgoingMail.objects.filter(subject__contains="Beamer").exists()


def test_feed_and_page_cache_follow_a_fulfilled_need(client, member, verein_bretten, settings):
    settings.PAGE_CACHE_SECONDS = 300
    need = publish_need(verein_bretten, title="Zelt zu verleihen")
    assert "Zelt zu verleihen" in client.get(reverse("need_search")).content.decode()
    feed = client.get(reverse("need_feed")).content.decode()
    assert (
        "Zelt zu verleihen" in feed and "@" not in re.sub(r"<\?xml[^>]*>", "", feed).split("<entry>", 1)[-1]
    )
    services.mark_fulfilled(page=need, user=member)
    assert "Zelt zu verleihen" not in client.get(reverse("need_search")).content.decode()
    assert "Erledigt" in client.get(need.url).content.decode()


def test_overview_lists_the_needs_with_their_state(client, member, verein_bretten):
    publish_need(verein_bretten, title="Anhänger zu verleihen")
    client.force_login(member)
    text = client.get(reverse("dashboard:overview")).content.decode()
    assert "Anhänger zu verleihen" in text and "Veröffentlicht" in text
    assert reverse("dashboard:need_create", args=[verein_bretten.pk]) in text


def test_overview_queries_do_not_grow_with_needs(
    client, member, verein_bretten, django_assert_max_num_queries
):
    publish_need(verein_bretten, title="Eins")
    client.force_login(member)
    with django_assert_max_num_queries(40) as first:
        client.get(reverse("dashboard:overview"))
    for number in range(5):
        publish_need(verein_bretten, title=f"Mehr {number}")
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get(reverse("dashboard:overview"))


def test_english_search_tab(client, verein_bretten):
    publish_need(verein_bretten)
    response = client.get("/en/suche/bedarfe/")
    assert response.status_code == 200
    assert 'lang="en"' in response.content.decode()


# --- API ----------------------------------------------------------------------------------------


def test_the_api_lists_needs_without_personal_data(client, member, verein_bretten):
    need = publish_need(verein_bretten, title="Leinwand zu verleihen", fee="5.00")
    start = timezone.localdate() + dt.timedelta(days=2)
    services.add_loan(page=need, user=member, starts_on=start, ends_on=start, note="an Herrn Geheim")
    answer = client.get("/api/v2/needs/", {"kind": "lend", "near": "75015"}).json()
    assert answer["count"] == 1
    [item] = answer["results"]
    assert item["title"] == "Leinwand zu verleihen" and item["fee"] == 5.0
    assert item["loans"] == [{"starts_on": start.isoformat(), "ends_on": start.isoformat()}]
    assert item["distance_km"] is not None and item["distance_km"] < 2
    text = str(answer)
    assert "Geheim" not in text and "@" not in text
    assert client.get(f"/api/v2/needs/{need.pk}/").json()["id"] == need.pk
    assert client.get("/api/v2/needs/999999999999999/").status_code == 404
    assert client.get("/api/v2/needs/", {"kind": "nichts"}).json()["errors"]["kind"]


def test_the_openapi_description_names_the_needs(client):
    from openapi_spec_validator import validate

    spec = client.get("/api/v2/openapi.json").json()
    validate(spec)
    assert "/api/v2/needs/" in spec["paths"] and "/api/v2/opportunities/" in spec["paths"]
    names = {parameter["name"] for parameter in spec["paths"]["/api/v2/needs/"]["get"]["parameters"]}
    assert {"q", "kind", "resource", "city", "near", "radius", "sort", "page"} <= names


def test_city_page_and_profile_show_the_needs_and_refresh_when_one_is_fulfilled(
    client, member, verein_bretten, settings
):
    settings.PAGE_CACHE_SECONDS = 300
    need = publish_need(verein_bretten, title="Stehtische zu verschenken", kind="give")
    city_page = verein_bretten.home_city.url
    profile = verein_bretten.get_absolute_url()
    assert "Stehtische zu verschenken" in client.get(city_page).content.decode()
    assert "Stehtische zu verschenken" in client.get(profile).content.decode()
    services.mark_fulfilled(page=need, user=member)
    assert "Stehtische zu verschenken" not in client.get(city_page).content.decode()
    assert "Stehtische zu verschenken" not in client.get(profile).content.decode()


def test_the_demo_brings_needs_to_every_city_and_loads_them_once(settings):
    from engagement.demo.loader import load_demo

    settings.DEMO_MODE = True
    first = load_demo()
    assert first.needs_created == 6
    assert load_demo().needs_created == 0
    listed = NeedPage.objects.listed()
    assert {need.city.slug for need in listed} == {"baden-baden", "bretten", "ettlingen"}
    assert Loan.objects.filter(need__title="Anhänger zu verleihen").count() == 3


def test_the_sitemap_lists_listed_needs_only(client, bretten):
    listed = publish_need(
        OrganisationFactory(home_city=bretten), title="Werkbank zu verschenken", kind="give"
    )
    pending = OrganisationFactory(
        home_city=bretten, verification_state=Organisation.VerificationState.PENDING
    )
    hidden = publish_need(pending, title="Zelt gesucht", kind="wanted")
    done = publish_need(OrganisationFactory(home_city=bretten), title="Kabeltrommel zu verleihen")
    services.mark_fulfilled(page=done, user=None)
    text = client.get("/sitemap-seiten-de.xml").content.decode()
    assert listed.url in text
    assert hidden.url not in text and done.url not in text


def test_vereine_are_asked_once_two_weeks_before_a_need_leaves_the_search(
    member, verein_bretten, mailoutbox, django_capture_on_commit_callbacks
):
    from engagement.needs.tasks import remind_stale_needs

    need = publish_need(verein_bretten, title="Gitarre zu verleihen")
    with freeze_time(timezone.now() + dt.timedelta(days=FRESH_DAYS - 20)):
        assert remind_stale_needs() == 0
    later = timezone.now() + dt.timedelta(days=FRESH_DAYS - 10)
    with freeze_time(later), django_capture_on_commit_callbacks(execute=True):
        assert remind_stale_needs() == 1
        remind_stale_needs()  # a second run the same day sends nothing new
    mails = [mail for mail in mailoutbox if "Gitarre zu verleihen" in mail.subject]
    assert len(mails) == len([m for m in verein_bretten.memberships.all() if m.user.email]) >= 1
    assert "/mein-verein/" in mails[0].body and "Noch aktuell" in mails[0].body
    with freeze_time(later):  # "Noch aktuell" after the reminder: no further reminder
        services.confirm_current(page=need, user=member)
        assert remind_stale_needs() == 0


def test_amounts_are_written_the_german_way(client, member, verein_bretten):
    client.force_login(member)
    response = client.post(
        reverse("dashboard:need_create", args=[verein_bretten.pk]),
        need_form(kind="lend", fee="12,50", deposit="50"),
    )
    assert response.status_code == 302
    need = NeedPage.objects.get()
    assert str(need.fee) == "12.50" and str(need.deposit) == "50.00"
    form = client.get(reverse("dashboard:need_edit", args=[need.pk])).content.decode()
    assert 'value="12,50"' in form and 'inputmode="decimal"' in form
