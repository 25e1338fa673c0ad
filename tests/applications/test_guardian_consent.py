"""A safe path for young volunteers: a person under 18 applies with a parent's address, the parent
confirms by a link of their own, and only then does the Verein see anything: not in its list, the
detail page, the CSV export, the overview's count, nor in a mail. Without the parent's answer the
application is deleted after GUARDIAN_CONFIRMATION_DAYS, and the young person is told."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import timezone
from freezegun import freeze_time
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engagement.applications import tasks
from engagement.applications.consent import GUARDIAN_CONSENT_VERSION
from engagement.applications.forms import ApplicationForm
from engagement.applications.models import Application
from engagement.mail.models import OutgoingMail
from engagement.opportunities.models import OpportunityPage
from engagement.organisations.models import Organisation
from tests.applications.conftest import apply, links, post
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory, make_opportunity

pytestmark = pytest.mark.django_db

PARENT = "eltern@example.org"
YOUNG = {
    "name": "Lea Jung",
    "email": "lea@example.org",
    "is_minor": "on",
    "guardian_email": PARENT,
    "age_confirmed": "on",  # "Ich bin mindestens 14 Jahre alt."
    "requirements_confirmed": "on",
}


@pytest.fixture
def youth_page(verein_bretten):
    return make_opportunity(
        organisation=verein_bretten,
        title="Jugendgruppe Tierheim",
        minors_welcome=True,
        minimum_age=14,
        minors_supervised=True,
        minors_insured=True,
        requires_extended_certificate=True,
    )


@pytest.fixture
def other_member(bretten):
    other = OrganisationFactory(name="Sportverein Bretten", home_city=bretten)
    return MembershipFactory(organisation=other, user=UserFactory(username="sport-bretten")).user


def confirm_as_applicant(client, mailoutbox):
    return post(client, links(mailoutbox, "/bewerbung/bestaetigen/")[-1])


def parent_link(mailoutbox):
    [mail] = [mail for mail in mailoutbox if mail.to == [PARENT]]
    return links([mail], "/bewerbung/eltern/")[-1]


def verein_sees(client, member, application, name="Lea Jung"):
    """What the Verein's member finds of the application: list, detail, CSV, the overview's count."""
    client.force_login(member)
    listing = client.get("/mein-verein/bewerbungen/").content.decode()
    detail = client.get(f"/mein-verein/bewerbungen/{application.pk}/")
    csv = client.get("/mein-verein/bewerbungen/", {"format": "csv"}).content.decode("utf-8-sig")
    client.logout()
    return {
        "list": name in listing,
        "detail": detail.status_code == 200,
        "csv": name in csv,
        "visible_to": Application.objects.visible_to(member).filter(pk=application.pk).exists(),
    }


def mails_to_members(member):
    return OutgoingMail.objects.filter(to=member.email)


def test_a_minor_cannot_apply_to_an_offer_for_adults_and_nothing_is_saved(client, verein_bretten):
    adults = make_opportunity(organisation=verein_bretten, title="Nachtschicht Tafel")
    html = client.get(f"/bewerben/{adults.pk}/").content.decode()
    assert "Ich bin jünger als 18 Jahre." in html
    assert "E-Mail-Adresse eines Elternteils" not in html  # nothing to ask where minors may not come
    response = apply(client, adults, **YOUNG)
    assert response.status_code == 400
    assert "Dieses Angebot ist erst ab 18 Jahren." in response.content.decode()
    assert not Application.objects.exists() and not OutgoingMail.objects.exists()


@pytest.mark.parametrize(
    ("guardian", "message"),
    [
        ("", "Bitte geben Sie die E-Mail-Adresse eines Elternteils"),
        ("lea@example.org", "nicht Ihre eigene"),
        ("kaputt@", "Bitte geben Sie eine E-Mail-Adresse ein"),
    ],
)
def test_a_minor_needs_a_parents_own_valid_address(client, youth_page, guardian, message):
    response = apply(client, youth_page, **{**YOUNG, "guardian_email": guardian})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Application.objects.exists()


def test_the_verein_sees_nothing_until_a_parent_confirms(
    client, youth_page, member, other_member, mailoutbox
):
    apply(client, youth_page, **YOUNG)
    application = Application.objects.get()
    assert application.is_minor and application.guardian_email == PARENT
    assert [mail.to for mail in mailoutbox] == [["lea@example.org"]]  # first the young person's opt-in

    page = confirm_as_applicant(client, mailoutbox).content.decode()
    assert "Jetzt fehlt noch die Zustimmung Ihrer Eltern." in page
    application.refresh_from_db()
    assert application.applicant_confirmed_at and application.confirmed_at is None
    parent_mail = next(mail for mail in mailoutbox if mail.to == [PARENT])
    assert "Lea Jung hat sich für „Jugendgruppe Tierheim“" in parent_mail.body
    # Nothing reached the Verein: no list, detail, CSV, count, nor mail; another Verein sees nothing either.
    for who in (member, other_member):
        assert verein_sees(client, who, application) == dict.fromkeys(
            ("list", "detail", "csv", "visible_to"), False
        )
    assert not mails_to_members(member).exists()

    link = parent_link(mailoutbox)
    shown = client.get(link).content.decode()  # a mail scanner's visit only asks
    assert "Jugendliche sind ab 14 Jahren willkommen." in shown
    assert "erweitertes Führungszeugnis (§ 72a SGB VIII)" in shown
    assert "unfallversichert" in shown
    refused = post(client, link, {"action": "confirm"})  # without ticking the consent
    assert refused.status_code == 400 and "Bitte bestätigen Sie, dass Sie einverstanden sind." in (
        refused.content.decode()
    )
    application.refresh_from_db()
    assert application.confirmed_at is None and not mails_to_members(member).exists()

    post(client, link, {"action": "confirm", "consent": "on"})
    application.refresh_from_db()
    assert application.guardian_consent_version == GUARDIAN_CONSENT_VERSION
    assert application.guardian_consent_given_at and application.confirmed_at
    assert verein_sees(client, member, application) == dict.fromkeys(
        ("list", "detail", "csv", "visible_to"), True
    )
    assert verein_sees(client, other_member, application)["visible_to"] is False
    assert mails_to_members(member).count() == 1
    assert OutgoingMail.objects.filter(to="lea@example.org", key__startswith="received:").exists()

    post(client, link, {"action": "confirm", "consent": "on"})  # a second click changes nothing
    assert mails_to_members(member).count() == 1


def test_a_link_opens_only_the_parents_confirmation(client, youth_page, member, mailoutbox):
    apply(client, youth_page, **YOUNG)
    applicant_link = links(mailoutbox, "/bewerbung/bestaetigen/")[-1]
    token = applicant_link.rstrip("/").rsplit("/", 1)[1]
    # The applicant's own token is no parent's token, and before the applicant confirmed there is none.
    assert client.get(f"/bewerbung/eltern/{token}/").status_code == 400
    assert post(client, f"/bewerbung/eltern/{token}/", {"consent": "on"}).status_code == 400
    assert post(client, "/bewerbung/eltern/erfunden/", {"consent": "on"}).status_code == 400
    confirm_as_applicant(client, mailoutbox)
    # The applicant's link confirms no parent consent when used twice.
    post(client, applicant_link)
    application = Application.objects.get()
    assert application.guardian_consent_given_at is None and application.confirmed_at is None


def test_a_parent_who_declines_deletes_the_application_before_the_verein_hears_of_it(
    client, youth_page, member, mailoutbox
):
    apply(client, youth_page, **YOUNG)
    confirm_as_applicant(client, mailoutbox)
    response = post(client, parent_link(mailoutbox), {"action": "decline"})
    assert "Sie haben abgelehnt." in response.content.decode()
    assert not Application.objects.exists()
    told = OutgoingMail.objects.get(to="lea@example.org", key__startswith="guardian_declined:")
    assert "Ihre Eltern haben Ihrer Bewerbung" in told.body
    assert not mails_to_members(member).exists()
    assert client.get(parent_link(mailoutbox)).status_code == 400


def test_without_the_parents_answer_the_application_goes_after_the_days_and_the_young_person_is_told(
    client, youth_page, member, mailoutbox, settings
):
    settings.GUARDIAN_CONFIRMATION_DAYS = 7
    start = timezone.now()
    with freeze_time(start):
        apply(client, youth_page, **YOUNG)
        confirm_as_applicant(client, mailoutbox)
    link = parent_link(mailoutbox)
    with freeze_time(start + dt.timedelta(days=6, hours=23)):
        assert tasks.expire_guardian_confirmations() == 0
        assert tasks.apply_retention()["unconfirmed"] == 0  # the general 7 days are not this rule's
        assert client.get(link).status_code == 200
    with freeze_time(start + dt.timedelta(days=7, hours=1)):
        cache.clear()  # the rate limit of unknown links is not what this test is about
        assert client.get(link).status_code == 400  # the link ends with the period, task or not
        assert tasks.expire_guardian_confirmations() == 1
        assert tasks.expire_guardian_confirmations() == 0  # idempotent
    assert not Application.objects.exists()
    told = OutgoingMail.objects.get(to="lea@example.org", key__startswith="guardian_expired:")
    assert "nicht innerhalb von 7 Tagen bestätigt" in told.body
    assert not mails_to_members(member).exists()


def test_an_adults_application_is_unchanged_by_the_parents_step(client, youth_page, member, mailoutbox):
    apply(
        client,
        youth_page,
        name="Erwin Alt",
        email="erwin@example.org",
        age_confirmed="on",
        requirements_confirmed="on",
    )
    confirm_as_applicant(client, mailoutbox)
    application = Application.objects.get()
    assert not application.is_minor and application.confirmed_at and application.guardian_email == ""
    assert verein_sees(client, member, application, name="Erwin Alt")["list"]


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(
    # Any text but NUL: a request carrying one is answered 400 before any form sees it (nul_bytes.py).
    guardian=st.text(alphabet=st.characters(blacklist_characters="\x00"), max_size=80),
    minor=st.booleans(),
    welcome=st.booleans(),
)
def test_the_minor_fields_take_any_text_with_a_german_message_or_a_clean_address(guardian, minor, welcome):
    """Whatever is typed into the new fields: a valid form has a parent's address exactly when a minor
    applies to an offer that welcomes minors; an invalid one says why in German."""
    opportunity = OpportunityPage(
        title="T",
        minors_welcome=welcome,
        minimum_age=14 if welcome else None,
        organisation=Organisation(name="Verein"),
    )
    data = {
        "name": "N",
        "email": "n@example.org",
        "message": "m",
        "consent": "on",
        "is_minor": "on" if minor else "",
        "guardian_email": guardian,
    }
    form = ApplicationForm(data, opportunity=opportunity)
    if welcome:
        form.fields.pop("age_confirmed", None)
    if form.is_valid():
        cleaned = form.cleaned_data
        if minor:
            assert welcome and "@" in cleaned["guardian_email"] and len(cleaned["guardian_email"]) <= 254
            assert cleaned["guardian_email"].strip().lower() != "n@example.org"
        else:
            assert cleaned["guardian_email"] == ""
    else:
        assert minor
        messages = " ".join(str(message) for errors in form.errors.values() for message in errors)
        assert any(word in messages for word in ("Bitte", "Dieses Angebot ist erst ab 18"))


def test_a_corrected_parents_address_is_asked_and_the_first_link_ends(client, youth_page, member, mailoutbox):
    apply(client, youth_page, **YOUNG)
    confirm_as_applicant(client, mailoutbox)
    first = parent_link(mailoutbox)
    apply(client, youth_page, **{**YOUNG, "guardian_email": "mutter@example.org"})
    assert client.get(first).status_code == 400
    confirm_as_applicant(client, mailoutbox)
    [mail] = [mail for mail in mailoutbox if mail.to == ["mutter@example.org"]]
    post(client, links([mail], "/bewerbung/eltern/")[-1], {"action": "confirm", "consent": "on"})
    application = Application.objects.get()
    assert application.guardian_email == "mutter@example.org" and application.confirmed_at
    assert verein_sees(client, member, application)["list"]
