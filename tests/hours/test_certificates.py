"""The Engagementnachweis: requested through the private link, issued (and signed) by a person responsible
for the Verein, downloaded as a tagged PDF in German and English, verified by its code, revoked."""

import io
import re
from decimal import Decimal
from urllib.parse import quote

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from engagement.hours import services
from engagement.hours.models import Certificate
from tests.applications.conftest import post
from tests.hours.conftest import ISSUE, LAST_WEEK

pytestmark = pytest.mark.django_db


def pdf_of(client, link, certificate, language):
    record = client.get(f"{link}stunden/").content.decode()
    path = f"{link}stunden/nachweis-{certificate.pk}-{language}.pdf"
    assert path in record
    response = client.get(path)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.content))


def structure_of(reader) -> list[tuple[str, str | None]]:
    """The structure elements of a tagged PDF, in order: (type, alternative text)."""
    found = []

    def walk(node):
        node = node.get_object()
        if not hasattr(node, "keys"):
            return
        if "/S" in node:
            found.append((str(node["/S"]), str(node["/Alt"]) if "/Alt" in node else None))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def text_of(reader) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_a_request_reaches_the_verein_and_its_responsible_person_issues_it(client, member, with_hours):
    mia, link = with_hours["mia"]
    record = client.get(f"{link}stunden/").content.decode()
    assert "Nachweis bei der Organisation anfragen" in record
    post(client, f"{link}stunden/", {"action": "request"})
    post(client, f"{link}stunden/", {"action": "request"})  # twice: still one request
    assert Certificate.objects.get().status == "requested"
    client.force_login(member)
    listing = client.get("/mein-verein/stunden/nachweise/").content.decode()
    assert "Mia Kraus" in listing and "Angefragt" in listing
    form = client.get(f"/mein-verein/stunden/nachweise/ausstellen/{mia.pk}/").content.decode()
    assert "Aufbau Stadtfest" in form  # the tasks of the entries, to edit
    post(client, f"/mein-verein/stunden/nachweise/ausstellen/{mia.pk}/", ISSUE)
    certificate = Certificate.objects.get()
    assert certificate.status == "issued" and re.fullmatch(r"[2-9A-Z]{10}", certificate.code)
    assert (certificate.hours, certificate.period_start, certificate.period_end) == (
        Decimal(3),
        LAST_WEEK,
        LAST_WEEK,
    )
    assert (certificate.signer_name, certificate.issued_by) == ("Petra Vorstand", member)


def test_without_confirmed_hours_there_is_nothing_to_certify(client, member, helpers):
    mia, link = helpers["mia"]
    record = client.get(f"{link}stunden/").content.decode()
    assert "Nachweis bei der Organisation anfragen" not in record
    response = post(client, f"{link}stunden/", {"action": "request"}, follow=True)
    assert "Für einen Nachweis braucht es zuerst bestätigte Stunden." in response.content.decode()
    client.force_login(member)
    response = post(client, f"/mein-verein/stunden/nachweise/ausstellen/{mia.pk}/", ISSUE)
    assert response.status_code == 400 and "zuerst bestätigte Stunden" in response.content.decode()
    assert not Certificate.objects.exists()


def test_only_a_responsible_person_of_the_verein_issues_or_revokes(
    client, plain_member, other_verein, issued, with_hours
):
    certificate, _ = issued
    jonas = with_hours["jonas"][0]
    client.force_login(plain_member)
    assert client.get(f"/mein-verein/stunden/nachweise/ausstellen/{jonas.pk}/").status_code == 403
    assert (
        post(
            client, f"/mein-verein/stunden/nachweise/{certificate.pk}/widerrufen/", {"confirm": "yes"}
        ).status_code
        == 403
    )
    client.force_login(other_verein["owner"])
    assert client.get(f"/mein-verein/stunden/nachweise/ausstellen/{jonas.pk}/").status_code == 404
    assert (
        post(
            client, f"/mein-verein/stunden/nachweise/{certificate.pk}/widerrufen/", {"confirm": "yes"}
        ).status_code
        == 404
    )
    assert "Mia Kraus" not in client.get("/mein-verein/stunden/nachweise/").content.decode()
    certificate.refresh_from_db()
    assert certificate.status == "issued"


def test_the_pdf_states_who_where_what_when_how_long_and_who_signed_in_german(client, issued, bretten):
    certificate, link = issued
    reader = pdf_of(client, link, certificate, "de")
    text = text_of(reader)
    for fact in (
        "Engagementnachweis",
        "Mia Kraus",
        "Tafel Bretten e. V.",
        "3 bestätigten Stunden",
        "Aufbau Stadtfest",
        "Kasse",
        "Petra Vorstand, Vorsitzende",
        bretten.stage_name,
        certificate.display_code,
        f"/nachweis/{certificate.display_code}/",
    ):
        assert fact in text, fact
    assert "jonas" not in text.lower() and "mia@example.org" not in text


def test_the_pdf_is_tagged_and_declares_its_language_and_title(client, issued):
    certificate, link = issued
    for language, title in (("de", "Engagementnachweis"), ("en", "Certificate of volunteering")):
        reader = pdf_of(client, link, certificate, language)
        root = reader.trailer["/Root"]
        assert bool(root["/MarkInfo"]["/Marked"])
        assert len(reader.pages) == 1
        assert "/StructTreeRoot" in root
        assert str(root["/Lang"]).startswith(language)
        assert reader.metadata.title.startswith(title)
        assert b'pdfuaid:part="1"' in root["/Metadata"].get_object().get_data()  # declares PDF/UA-1
        assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
        structure = structure_of(reader)
        kinds = [kind for kind, _ in structure]
        assert {"/Document", "/H1", "/P", "/Table", "/TH", "/TD", "/L", "/LI"} <= set(kinds)
        figures = [alt for kind, alt in structure if kind == "/Figure"]
        assert figures and all(figures)  # the QR code (and a logo) carry alternative text
        for font in reader.pages[0]["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor or "/FontFile3" in descriptor  # embedded


def test_the_pdf_carries_the_citys_logo_with_alternative_text(client, issued, bretten):
    image = Image.objects.create(title="Logo Bretten", file=get_test_image_file(filename="logo.png"))
    bretten.logo = image
    bretten.save_revision().publish()
    certificate, link = issued
    reader = pdf_of(client, link, certificate, "de")
    assert "/Im" in "".join(reader.pages[0]["/Resources"]["/XObject"].keys()) or reader.pages[0].images
    alts = [alt for kind, alt in structure_of(reader) if kind == "/Figure"]
    assert f"Logo von {bretten.stage_name}" in alts


def test_the_pdf_in_english(client, issued):
    certificate, link = issued
    text = text_of(pdf_of(client, link, certificate, "en"))
    assert "Certificate of volunteering" in text and "3 confirmed hours" in text and "Mia Kraus" in text
    assert f"/en/nachweis/{certificate.display_code}/" in text


def test_the_verification_page_shows_what_the_certificate_states_and_nothing_more(client, issued):
    certificate, _ = issued
    response = client.get(f"/nachweis/{certificate.display_code}/")
    html = response.content.decode()
    assert response.status_code == 200 and "Dieser Nachweis ist echt." in html
    for fact in ("Mia Kraus", "Tafel Bretten e. V.", "Aufbau Stadtfest", "Petra Vorstand"):
        assert fact in html
    for private in ("mia@example.org", "Ich lese gern vor", "Jonas", "nicht erschienen", "/bewerbung/"):
        assert private not in html
    assert '<meta name="robots" content="noindex">' in html
    assert response["Cache-Control"].startswith("max-age=0")
    assert client.get(f"/nachweis/{certificate.code.lower()}/").status_code == 200  # as typed


def test_unknown_codes_are_refused_and_guessing_is_throttled(client, issued):
    certificate, _ = issued
    cache.clear()
    for attempt in range(20):
        response = client.get(f"/nachweis/AAAAA-{attempt:05d}/")
        assert response.status_code == 404
        assert "Zu diesem Prüfcode gibt es keinen Nachweis." in response.content.decode()
    response = client.get(f"/nachweis/{certificate.display_code}/")
    assert response.status_code == 429 and "Mia Kraus" not in response.content.decode()


def test_a_revoked_certificate_says_so_and_is_no_longer_downloaded(client, member, issued):
    certificate, link = issued
    client.force_login(member)
    response = post(client, f"/mein-verein/stunden/nachweise/{certificate.pk}/widerrufen/")
    assert "Nachweis widerrufen?" in response.content.decode()  # asked first
    certificate.refresh_from_db()
    assert certificate.status == "issued"
    response = post(
        client,
        f"/mein-verein/stunden/nachweise/{certificate.pk}/widerrufen/",
        {"confirm": "yes"},
        follow=True,
    )
    assert "Der Nachweis ist widerrufen." in response.content.decode()
    client.logout()
    html = client.get(f"/nachweis/{certificate.display_code}/").content.decode()
    assert "Dieser Nachweis wurde widerrufen." in html and "Dieser Nachweis ist echt." not in html
    assert client.get(f"{link}stunden/nachweis-{certificate.pk}-de.pdf").status_code == 404
    assert "widerrufen" in client.get(f"{link}stunden/").content.decode()


def test_the_pdf_needs_the_volunteers_own_link(client, issued, with_hours):
    certificate, _ = issued
    _, jonas_link = with_hours["jonas"]
    assert client.get(f"{jonas_link}stunden/nachweis-{certificate.pk}-de.pdf").status_code == 404
    assert client.get(f"/bewerbung/falsch/stunden/nachweis-{certificate.pk}-de.pdf").status_code == 404
    assert client.get(f"{issued[1]}stunden/nachweis-{certificate.pk}-fr.pdf").status_code == 404


def test_the_service_refuses_to_issue_for_someone_not_responsible(plain_member, with_hours):
    with pytest.raises(services.certificates.PermissionDenied):
        services.issue_certificate(
            with_hours["mia"][0], by=plain_member, signer_name="X", signer_role="", tasks="A"
        )


def test_a_request_mails_the_responsible_persons_without_the_name_and_issuing_mails_the_volunteer(
    client, plain_member, issued, mailoutbox
):
    certificate, _ = issued
    requested = [mail for mail in mailoutbox if mail.subject == "Nachweis angefragt: Helfen beim Stadtfest"]
    assert [mail.to for mail in requested] == [["verein-bretten@example.org"]]  # not the plain member
    assert "Mia" not in requested[0].body
    assert "http://testserver/mein-verein/stunden/nachweise/" in requested[0].body
    [done] = [mail for mail in mailoutbox if mail.subject == "Ihr Engagementnachweis: Helfen beim Stadtfest"]
    assert done.to == ["mia@example.org"]
    [path] = re.findall(r"http://testserver(/bewerbung/\S+/stunden/)", done.body)
    assert certificate.display_code in client.get(path).content.decode()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(code=st.text(max_size=60))
def test_any_code_on_the_verification_page_is_answered_without_server_error(client, code):
    cache.clear()
    response = client.get(f"/nachweis/{quote(code, safe='')}/")
    assert response.status_code in (400, 404)
