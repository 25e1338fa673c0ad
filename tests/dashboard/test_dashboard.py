"""Vereine post and manage their opportunities through the front end, under their city's moderation."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import WorkflowState

from engagement.opportunities.models import OpportunityPage
from engagement.taxonomy.models import Category
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory, make_opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(verein_bretten):
    return MembershipFactory(organisation=verein_bretten, user=UserFactory(username="verein-bretten")).user


@pytest.fixture
def editor(bretten):
    user = UserFactory(username="redaktion-bretten")
    user.groups.add(Group.objects.get(name="Redaktion Bretten"))
    return user


# What the form sends by itself when nothing but the title is typed: its preselected choices.
FORM_DEFAULTS = {"schedule_kind": "regular", "volunteers_needed": 1, "recruitment_status": "open"}


def form_data(**overrides):
    data = {
        "title": "Lesepat:in für Grundschulkinder",
        "teaser": "Einmal pro Woche vorlesen.",
        "description": "Sie lesen vor.\n\nWir freuen uns auf Sie!",
        "categories": [Category.objects.get(slug="bildung").pk],
        "schedule_kind": "regular",
        "rhythm": "wöchentlich, dienstags",
        "postcode": "75015",
        "place": "Bretten",
        "volunteers_needed": 3,
        "recruitment_status": "open",
        "contact_name": "Anna Berg",
    }
    data.update(overrides)
    return data


def test_member_drafts_submits_and_the_citys_editor_approves(client, member, editor, verein_bretten):
    client.force_login(member)
    response = client.post(f"/mein-verein/organisation/{verein_bretten.pk}/neu/", form_data())
    assert response.status_code == 302
    page = OpportunityPage.objects.get(title="Lesepat:in für Grundschulkinder")
    assert not page.live and page.owner == member and page.city == verein_bretten.home_city
    assert page.description == "<p>Sie lesen vor.</p><p>Wir freuen uns auf Sie!</p>"
    assert "Entwurf" in client.get("/mein-verein/").content.decode()

    client.post(f"/mein-verein/angebote/{page.pk}/einreichen/")
    html = client.get("/mein-verein/").content.decode()
    assert "In Prüfung" in html
    assert "Wieder online stellen" not in html  # only for an offer the freshness sweep took offline

    state = WorkflowState.objects.get(object_id=str(page.pk))
    state.current_task_state.task.specific.on_action(state.current_task_state, editor, "approve")
    page.refresh_from_db()
    assert page.live
    assert client.get(page.url).status_code == 200
    assert "Veröffentlicht" in client.get("/mein-verein/").content.decode()


def test_changes_requested_come_back_with_the_editors_comment(client, member, editor, verein_bretten):
    client.force_login(member)
    client.post(f"/mein-verein/organisation/{verein_bretten.pk}/neu/", {**form_data(), "submit": "1"})
    page = OpportunityPage.objects.get()
    state = WorkflowState.objects.get(object_id=str(page.pk))
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, editor, "reject", comment="Bitte den Ort genauer angeben.")
    html = client.get("/mein-verein/").content.decode()
    assert "Änderungen erbeten" in html
    assert "Bitte den Ort genauer angeben." in html


def test_editing_a_published_opportunity_keeps_the_live_version_until_approved(
    client, member, verein_bretten
):
    page = make_opportunity(organisation=verein_bretten, title="Gassigehen")
    client.force_login(member)
    response = client.post(
        f"/mein-verein/angebote/{page.pk}/bearbeiten/", form_data(title="Gassigehen am Abend")
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "Gassigehen"  # the live version is unchanged
    assert page.get_latest_revision_as_object().title == "Gassigehen am Abend"
    assert "Gassigehen am Abend" not in client.get(page.url).content.decode()


def test_invalid_input_gets_german_messages_and_saves_nothing(client, member, verein_bretten):
    client.force_login(member)
    response = client.post(
        f"/mein-verein/organisation/{verein_bretten.pk}/neu/",
        {**form_data(postcode="76275", categories=[]), "submit": "1"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Bitte wählen Sie mindestens ein Thema." in html
    assert not OpportunityPage.objects.exists()
    assert 'value="Lesepat:in für Grundschulkinder"' in html  # what was typed stays


def test_foreign_postcode_is_refused_and_the_message_says_what_to_do(client, member, verein_bretten):
    client.force_login(member)
    response = client.post(f"/mein-verein/organisation/{verein_bretten.pk}/neu/", form_data(postcode="76275"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Die Postleitzahl 76275 liegt nicht im Gebiet von Bretten (dazu gehören: 75015)." in html
    assert "bitten Sie die Redaktion der Stadt" in html and "„Ortsunabhängig“" in html
    assert not OpportunityPage.objects.exists()


def test_a_neighbouring_village_the_city_added_to_its_area_is_taken(client, member, verein_bretten):
    bretten = verein_bretten.home_city
    client.force_login(member)
    gondelsheim = form_data(postcode="75053", place="Gondelsheim")
    url = f"/mein-verein/organisation/{verein_bretten.pk}/neu/"
    assert client.post(url, gondelsheim).status_code == 400

    bretten.area_postcodes = "75053, 75056"
    bretten.save_revision().publish()
    response = client.post(url, {**gondelsheim, "submit": "1"})
    assert response.status_code == 302
    page = OpportunityPage.objects.get()
    assert page.postcode == "75053" and page.city == bretten


def test_a_draft_with_only_a_title_saves(client, member, verein_bretten):
    client.force_login(member)
    response = client.post(
        f"/mein-verein/organisation/{verein_bretten.pk}/neu/",
        {"title": "Idee: Repair-Café", **FORM_DEFAULTS},
    )
    assert response.status_code == 302
    page = OpportunityPage.objects.get(title="Idee: Repair-Café")
    assert not page.live and "Entwurf" in client.get("/mein-verein/").content.decode()


def test_a_draft_without_a_title_is_refused(client, member, verein_bretten):
    client.force_login(member)
    response = client.post(
        f"/mein-verein/organisation/{verein_bretten.pk}/neu/",
        {"title": "", "teaser": "Etwas", **FORM_DEFAULTS},
    )
    assert response.status_code == 400
    assert not OpportunityPage.objects.exists()


def test_submitting_names_every_missing_field_at_once_including_the_conditional_ones(
    client, member, verein_bretten
):
    client.force_login(member)
    response = client.post(
        f"/mein-verein/organisation/{verein_bretten.pk}/neu/",
        {"title": "Idee", **FORM_DEFAULTS, "submit": "1"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    for message in (
        "Bitte geben Sie eine Kurzbeschreibung an.",
        "Bitte beschreiben Sie das Angebot.",
        "Bitte wählen Sie mindestens ein Thema.",
        "Bitte beschreiben Sie, wie oft und wann das Engagement stattfindet.",
        "Bitte geben Sie die Postleitzahl an oder wählen Sie „Ortsunabhängig“.",
        "Bitte geben Sie den Ort an.",
    ):
        assert html.count(message) >= 1, message
    assert not OpportunityPage.objects.exists()

    remote_one_off = {**FORM_DEFAULTS, "title": "Idee", "schedule_kind": "one_off", "is_remote": "on"}
    html = client.post(
        f"/mein-verein/organisation/{verein_bretten.pk}/neu/", {**remote_one_off, "submit": "1"}
    ).content.decode()
    assert "Bei einem einmaligen Termin brauchen wir Datum und Uhrzeit." in html
    assert "Bitte geben Sie den Ort an." not in html


def test_an_incomplete_draft_submitted_from_the_overview_opens_its_form_with_what_is_missing(
    client, member, verein_bretten
):
    client.force_login(member)
    client.post(
        f"/mein-verein/organisation/{verein_bretten.pk}/neu/",
        {"title": "Idee", **FORM_DEFAULTS},
    )
    page = OpportunityPage.objects.get()
    response = client.post(f"/mein-verein/angebote/{page.pk}/einreichen/", follow=True)
    assert response.redirect_chain[-1][0] == f"/mein-verein/angebote/{page.pk}/bearbeiten/"
    html = response.content.decode()
    assert "Zum Einreichen fehlt noch etwas:" in html
    assert "Kurzbeschreibung: Bitte geben Sie eine Kurzbeschreibung an." in html
    assert "Themen: Bitte wählen Sie mindestens ein Thema." in html
    assert not WorkflowState.objects.exists()


def test_labels_say_exactly_what_is_required(client, member, verein_bretten):
    client.force_login(member)
    html = client.get(f"/mein-verein/organisation/{verein_bretten.pk}/neu/").content.decode()

    def label_of(field_id):
        start = html.index(f'for="{field_id}"')
        return html[start : html.index("</label>", start)]

    for required in ("id_title", "id_teaser", "id_description"):
        assert "freiwillige Angabe" not in label_of(required), required
    assert "Pflichtangabe, außer das Angebot ist ortsunabhängig" in label_of("id_postcode")
    assert "Pflichtangabe, außer das Angebot ist ortsunabhängig" in label_of("id_place")
    assert "Pflichtangabe bei regelmäßigem Engagement" in label_of("id_rhythm")
    assert "Pflichtangabe bei einem einmaligen Termin" in label_of("id_event_start")
    assert "freiwillige Angabe" in label_of("id_street")
    assert "freiwillige Angabe" in label_of("id_hours_per_week")
    topics = html.index('<legend class="kern-label">Themen')
    assert "freiwillige Angabe" not in html[topics : html.index("</legend>", topics)]


def test_a_new_offer_is_prefilled_from_the_organisation_and_the_account(client, verein_bretten):
    verein_bretten.street, verein_bretten.postcode, verein_bretten.place = "Marktplatz 1", "75015", "Bretten"
    verein_bretten.phone = "07252 5555"
    verein_bretten.save()
    user = UserFactory(first_name="Jana", last_name="Vogel", email="jana@verein.example.org")
    MembershipFactory(organisation=verein_bretten, user=user)
    client.force_login(user)
    html = client.get(f"/mein-verein/organisation/{verein_bretten.pk}/neu/").content.decode()
    for value in ("Marktplatz 1", "75015", "Bretten", "Jana Vogel", "jana@verein.example.org", "07252 5555"):
        assert f'value="{value}"' in html, value


def test_an_address_outside_the_citys_area_is_not_prefilled(client, member, verein_bretten):
    verein_bretten.street, verein_bretten.postcode, verein_bretten.place = "Hauptstr. 2", "76275", "Ettlingen"
    verein_bretten.save()
    client.force_login(member)
    html = client.get(f"/mein-verein/organisation/{verein_bretten.pk}/neu/").content.decode()
    assert 'value="76275"' not in html and 'value="Hauptstr. 2"' not in html


def test_a_copy_opens_in_its_form_without_a_prefix_and_its_address_follows_its_title(
    client, member, verein_bretten
):
    page = make_opportunity(organisation=verein_bretten, title="Tafel-Ausgabe")
    client.force_login(member)
    response = client.post(f"/mein-verein/angebote/{page.pk}/duplicate/")
    copy = OpportunityPage.objects.exclude(pk=page.pk).get()
    assert response["Location"] == f"/mein-verein/angebote/{copy.pk}/bearbeiten/"
    assert copy.title == "Tafel-Ausgabe" and not copy.live
    assert "Kopie von" not in client.get("/mein-verein/").content.decode()

    client.post(f"/mein-verein/angebote/{copy.pk}/bearbeiten/", form_data(title="Tafel-Ausgabe am Samstag"))
    copy.refresh_from_db()
    latest = copy.get_latest_revision_as_object()
    assert latest.title == "Tafel-Ausgabe am Samstag" and latest.slug == "tafel-ausgabe-am-samstag"

    latest.save_revision().publish()
    copy.refresh_from_db()
    assert copy.url.endswith("/bretten/tafel-ausgabe-am-samstag/")


def test_a_published_offer_keeps_its_address_when_retitled(client, member, verein_bretten):
    page = make_opportunity(organisation=verein_bretten, title="Gassigehen")
    client.force_login(member)
    client.post(f"/mein-verein/angebote/{page.pk}/bearbeiten/", form_data(title="Gassigehen am Abend"))
    page.refresh_from_db()
    latest = page.get_latest_revision_as_object()
    assert latest.title == "Gassigehen am Abend" and latest.slug == page.slug  # links keep working


def test_duplicate_pause_and_end(client, member, verein_bretten):
    page = make_opportunity(organisation=verein_bretten, title="Tafel-Ausgabe")
    client.force_login(member)
    client.post(f"/mein-verein/angebote/{page.pk}/duplicate/")
    assert OpportunityPage.objects.filter(title="Tafel-Ausgabe", live=False).exists()
    client.post(f"/mein-verein/angebote/{page.pk}/pause/")
    page.refresh_from_db()
    assert page.recruitment_status == "closed"
    assert page.get_latest_revision_as_object().recruitment_status == "closed"
    client.post(f"/mein-verein/angebote/{page.pk}/end/")
    page.refresh_from_db()
    assert not page.live


def test_pending_organisation_can_draft_but_nothing_goes_public(client, bretten, editor):
    pending = OrganisationFactory(home_city=bretten, verification_state="pending")
    user = MembershipFactory(organisation=pending).user
    client.force_login(user)
    client.post(f"/mein-verein/organisation/{pending.pk}/neu/", {**form_data(), "submit": "1"})
    page = OpportunityPage.objects.get()
    state = WorkflowState.objects.get(object_id=str(page.pk))
    state.current_task_state.task.specific.on_action(state.current_task_state, editor, "approve")
    page.refresh_from_db()
    assert client.get(page.url).status_code == 404  # published, but not public until verified
    assert page not in OpportunityPage.objects.listed()


def test_suspended_organisation_cannot_submit(client, bretten):
    suspended = OrganisationFactory(home_city=bretten, verification_state="suspended")
    user = MembershipFactory(organisation=suspended).user
    client.force_login(user)
    response = client.post(f"/mein-verein/organisation/{suspended.pk}/neu/", form_data())
    assert response.status_code == 400
    assert "gesperrt" in response.content.decode()
    assert not OpportunityPage.objects.exists()


def dashboard_urls(page, organisation):
    return [
        ("get", f"/mein-verein/organisation/{organisation.pk}/neu/"),
        ("get", f"/mein-verein/angebote/{page.pk}/bearbeiten/"),
        ("post", f"/mein-verein/angebote/{page.pk}/bearbeiten/"),
        ("post", f"/mein-verein/angebote/{page.pk}/einreichen/"),
        ("post", f"/mein-verein/angebote/{page.pk}/duplicate/"),
        ("post", f"/mein-verein/angebote/{page.pk}/pause/"),
        ("post", f"/mein-verein/angebote/{page.pk}/end/"),
    ]


@pytest.mark.parametrize("persona", ["other_verein", "other_city_editor", "anonymous"])
def test_nobody_else_touches_a_vereins_opportunities(client, verein_bretten, ettlingen, persona):
    page = make_opportunity(organisation=verein_bretten, title="Nur für Mitglieder")
    if persona == "other_verein":
        client.force_login(MembershipFactory(organisation=OrganisationFactory(home_city=ettlingen)).user)
    elif persona == "other_city_editor":
        user = UserFactory()
        user.groups.add(Group.objects.get(name="Redaktion Ettlingen"))
        client.force_login(user)
    for method, url in dashboard_urls(page, verein_bretten):
        response = getattr(client, method)(url, form_data(title="Übernommen"))
        if persona == "anonymous":
            assert response.status_code == 302 and "/mein-verein/anmelden/" in response["Location"], url
        else:
            assert response.status_code in (403, 404), (url, response.status_code)
    page.refresh_from_db()
    assert page.live and page.title == "Nur für Mitglieder" and page.recruitment_status == "open"
    assert OpportunityPage.objects.count() == 1
    if persona == "other_verein":
        assert "Nur für Mitglieder" not in client.get("/mein-verein/").content.decode()


def test_overview_queries_do_not_grow_with_opportunities(client, member, verein_bretten):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_opportunity(organisation=verein_bretten, title="Eins")
    client.force_login(member)
    client.get("/mein-verein/")
    with CaptureQueriesContext(connection) as few:
        client.get("/mein-verein/")
    for number in range(4):
        make_opportunity(organisation=verein_bretten, title=f"Mehr {number}", slug=f"mehr-{number}")
    with CaptureQueriesContext(connection) as many:
        client.get("/mein-verein/")
    assert len(many) == len(few)


def test_login_page_and_redirect(client, member):
    assert client.get("/mein-verein/").status_code == 302
    response = client.post("/mein-verein/anmelden/", {"username": "verein-bretten", "password": "falsch"})
    assert "Die Anmeldung hat nicht geklappt." in response.content.decode()
    response = client.post("/mein-verein/anmelden/", {"username": "verein-bretten", "password": "secret"})
    assert response.status_code == 302


def test_the_decision_reaches_the_members_by_mail(
    client, member, editor, verein_bretten, mailoutbox, django_capture_on_commit_callbacks
):
    from django.core.cache import cache

    cache.clear()
    client.force_login(member)
    client.post(f"/mein-verein/organisation/{verein_bretten.pk}/neu/", {**form_data(), "submit": "1"})
    page = OpportunityPage.objects.get()
    state = WorkflowState.objects.get(object_id=str(page.pk))
    with django_capture_on_commit_callbacks(execute=True):
        state.current_task_state.task.specific.on_action(
            state.current_task_state, editor, "reject", comment="Bitte Uhrzeit ergänzen."
        )
    ours = [mail for mail in mailoutbox if mail.subject.startswith(("Freigegeben", "Bitte überarbeiten"))]
    assert len(ours) == 1
    mail = ours[0]
    assert mail.to == ["verein-bretten@example.org"]
    assert mail.subject == "Bitte überarbeiten: Lesepat:in für Grundschulkinder"
    assert "Bitte Uhrzeit ergänzen." in mail.body
    assert "/mein-verein/" in mail.body

    from engagement.mail.models import OutgoingMail
    from engagement.opportunities.notifications import notify_organisation_of_decision

    sent_before = len(mailoutbox)
    [outgoing] = OutgoingMail.objects.filter(key__startswith="moderation-decision:")
    assert outgoing.key == f"moderation-decision:{state.task_states.get().pk}:{member.pk}"
    with django_capture_on_commit_callbacks(execute=True):  # the signal again: nothing new
        notify_organisation_of_decision(WorkflowState, instance=state, user=editor)
    assert OutgoingMail.objects.filter(key__startswith="moderation-decision:").count() == 1
    assert len(mailoutbox) == sent_before


def test_preview_shows_the_unapproved_version_to_members_only(client, member, verein_bretten, ettlingen):
    page = make_opportunity(organisation=verein_bretten, title="Gassigehen")
    client.force_login(member)
    client.post(f"/mein-verein/angebote/{page.pk}/bearbeiten/", form_data(title="Gassigehen am Abend"))
    preview = client.get(f"/mein-verein/angebote/{page.pk}/vorschau/")
    assert preview.status_code == 200 and "Gassigehen am Abend" in preview.content.decode()
    client.force_login(MembershipFactory(organisation=OrganisationFactory(home_city=ettlingen)).user)
    assert client.get(f"/mein-verein/angebote/{page.pk}/vorschau/").status_code == 403


def test_rejected_opportunity_is_edited_and_resubmitted(client, member, editor, verein_bretten):
    client.force_login(member)
    client.post(f"/mein-verein/organisation/{verein_bretten.pk}/neu/", {**form_data(), "submit": "1"})
    page = OpportunityPage.objects.get()
    state = WorkflowState.objects.get(object_id=str(page.pk))
    state.current_task_state.task.specific.on_action(
        state.current_task_state, editor, "reject", comment="Ort?"
    )
    client.post(
        f"/mein-verein/angebote/{page.pk}/bearbeiten/", {**form_data(street="Marktplatz 2"), "submit": "1"}
    )
    assert "In Prüfung" in client.get("/mein-verein/").content.decode()
    state = WorkflowState.objects.filter(object_id=str(page.pk)).order_by("-pk").first()
    state.current_task_state.task.specific.on_action(state.current_task_state, editor, "approve")
    page.refresh_from_db()
    assert page.live and page.street == "Marktplatz 2"


def test_overview_counts_applications_waiting_for_an_answer(client, member, verein_bretten):
    from engagement.applications.models import Application
    from tests.factories import in_days

    page = make_opportunity(organisation=verein_bretten)
    for email in ("a@example.org", "b@example.org"):
        Application.objects.create(
            opportunity=page,
            name="X",
            email=email,
            message="x",
            consent_version="1",
            consent_given_at=in_days(-1),
            confirmed_at=in_days(-1),
        )
    client.force_login(member)
    assert "2 Bewerbungen warten auf Antwort" in client.get("/mein-verein/").content.decode()


@pytest.mark.parametrize("action", ["approve", "reject"])
def test_verein_members_get_our_decision_mail_but_not_wagtails_admin_notice(
    client, member, editor, verein_bretten, mailoutbox, django_capture_on_commit_callbacks, action
):
    client.force_login(member)
    client.post(f"/mein-verein/organisation/{verein_bretten.pk}/neu/", {**form_data(), "submit": "1"})
    state = WorkflowState.objects.get(object_id=str(OpportunityPage.objects.get().pk))
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        state.current_task_state.task.specific.on_action(state.current_task_state, editor, action, comment="")
    to_member = [mail for mail in mailoutbox if mail.to == [member.email]]
    assert len(to_member) == 1, [mail.subject for mail in to_member]
    assert "/admin/" not in to_member[0].body and "/mein-verein/" in to_member[0].body


def test_an_editor_who_submitted_in_the_admin_still_gets_wagtails_notice(
    editor, bretten, mailoutbox, django_capture_on_commit_callbacks
):
    colleague = UserFactory(username="redaktion-bretten-2", email="kollegin@example.org")
    colleague.groups.add(Group.objects.get(name="Redaktion Bretten"))
    page = make_opportunity(city=bretten, publish=False, title="Stadtputz")
    workflow = page.get_workflow()
    with django_capture_on_commit_callbacks(execute=True):
        state = workflow.start(page, colleague)
        state.current_task_state.task.specific.on_action(
            state.current_task_state, editor, "reject", comment="Bitte Datum ergänzen."
        )
    notices = [mail for mail in mailoutbox if mail.to == ["kollegin@example.org"]]
    assert notices and "Stadtputz" in notices[0].subject
