"""The public exports: every listed offer (or a city's) as Freiwilligendatenbank CSV and as Volunteering
Data JSON-LD, with public data only, streamed, kept in the page cache, in a fixed number of queries."""

import csv
import io
import json

import pytest
from django.core.management import call_command

from engagement.exchange.freiwilligendatenbank import HEADINGS
from engagement.organisations.models import Organisation
from tests.factories import make_opportunity

CSV_URL = "/api/v2/export/freiwilligendatenbank.csv"
JSONLD_URL = "/api/v2/export/volunteeringdata.jsonld"


def body(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8")


def csv_rows(text: str) -> list[dict]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))


# --- What is left out ---------------------------------------------------------------------------------


def test_no_contact_person_phone_or_email_leaves_in_either_export(client, full_offer):
    for url in (CSV_URL, JSONLD_URL):
        text = body(client.get(url))
        assert "Lebensmittel ausgeben" in text
        for private in (
            "Erika Mustermann",
            "999999",
            "erika.privat@example.org",
            "vorstand@tafel-bretten.example.org",
            "07252 111111",
        ):
            assert private not in text, (url, private)


def test_drafts_pending_organisations_and_ended_offers_are_not_exported(client, bretten, full_offer):
    make_opportunity(city=bretten, title="Entwurf bleibt intern", publish=False)
    pending = Organisation.objects.create(
        name="Noch nicht geprüft",
        home_city=bretten,
        verification_state=Organisation.VerificationState.PENDING,
    )
    make_opportunity(organisation=pending, title="Von ungeprüfter Organisation")
    ended = make_opportunity(city=bretten, title="Schon vorbei")
    type(ended).objects.filter(pk=ended.pk).update(application_deadline="2020-01-01")
    for url in (CSV_URL, JSONLD_URL):
        text = body(client.get(url))
        assert "Lebensmittel ausgeben" in text
        for hidden in ("Entwurf bleibt intern", "Von ungeprüfter Organisation", "Schon vorbei"):
            assert hidden not in text


def test_an_unknown_city_is_not_found(client, bretten):
    assert client.get("/api/v2/export/atlantis/freiwilligendatenbank.csv").status_code == 404
    assert client.get("/api/v2/export/atlantis/volunteeringdata.jsonld").status_code == 404


def test_the_exports_can_only_be_read(client, bretten):
    assert client.post(CSV_URL).status_code == 405
    assert client.post("/api/v2/export/bretten/volunteeringdata.jsonld").status_code == 405


def test_a_citys_export_holds_only_its_offers(client, full_offer, one_off_offer):
    bretten_csv = body(client.get("/api/v2/export/bretten/freiwilligendatenbank.csv"))
    ettlingen_ld = body(client.get("/api/v2/export/ettlingen/volunteeringdata.jsonld"))
    assert "Lebensmittel ausgeben" in bretten_csv and "Stadtputz" not in bretten_csv
    assert "Stadtputz" in ettlingen_ld and "Lebensmittel" not in ettlingen_ld


# --- The CSV -------------------------------------------------------------------------------------------


def test_the_csv_has_one_row_per_offer_in_the_documented_columns(client, full_offer, remote_offer):
    response = client.get(CSV_URL)
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = csv_rows(body(response))
    assert list(rows[0]) == HEADINGS
    row = next(row for row in rows if row["Titel"] == "Lebensmittel ausgeben")
    assert row["Angebots-ID"] == f"opportunity-{full_offer.pk}@testserver"
    assert row["Organisation"] == "Tafel Bretten e. V."
    assert row["Stadt"] == "Bretten"
    assert row["Einsatzort PLZ"] == "75015"
    assert row["Tätigkeitsfelder"] == "Soziales, Nachbarschaftshilfe"
    assert row["Zeitlicher Rahmen"] == "Regelmäßig"
    assert row["Stunden pro Woche"] == "2,5"
    assert row["Stand der Suche"] == "Wenige Plätze frei"
    assert row["Erweitertes Führungszeugnis"] == "ja"
    assert row["Führerschein"] == "nein"
    assert row["Beschreibung"] == "Was Sie tun\n\nSie geben Lebensmittel aus.\n\n- Kisten packen\n- Ausgeben"
    assert row["Link zum Angebot"] == "http://testserver" + full_offer.url
    remote = next(row for row in rows if row["Titel"] == "Webseite betreuen")
    assert remote["Ortsunabhängig"] == "ja" and remote["Einsatzort PLZ"] == ""


def test_a_text_a_spreadsheet_would_run_as_a_formula_is_defused(client, bretten):
    make_opportunity(city=bretten, title='=HYPERLINK("http://evil.example")', teaser="@SUM(1)")
    row = csv_rows(body(client.get(CSV_URL)))[0]
    assert row["Titel"] == '\'=HYPERLINK("http://evil.example")'
    assert row["Kurzbeschreibung"] == "'@SUM(1)"


# --- The JSON-LD ---------------------------------------------------------------------------------------


def test_the_jsonld_nests_organisation_activity_role_and_session(client, full_offer, one_off_offer):
    response = client.get(JSONLD_URL)
    assert response["Content-Type"] == "application/ld+json; charset=utf-8"
    document = json.loads(body(response))
    assert document["@context"] == "https://api.volunteeringdata.io/context/v1"
    tafel = next(node for node in document["@graph"] if node["name"] == "Tafel Bretten e. V.")
    assert tafel["type"] == "Organisation"
    assert tafel["website"] == "https://tafel-bretten.example.org"
    assert tafel["id"] == "http://testserver/organisationen/" + full_offer.organisation.slug + "/"
    assert "https://ns.volunteeringdata.io/Community" in tafel["cause"]
    assert "https://ns.volunteeringdata.io/Families" in tafel["cause"]
    (activity,) = tafel["activity"]
    assert activity["type"] == "Activity"
    assert activity["id"] == "http://testserver" + full_offer.url
    assert activity["title"] == "Lebensmittel ausgeben"
    role = activity["role"]
    assert role["applyLink"] == activity["id"]
    assert role["minimumAge"] == "16"
    assert role["commitment"] == "samstags 9–12 Uhr, 2,5 Stunden pro Woche"
    assert role["allowsRemoteParticipation"] is False
    assert role["requirement"] == ["https://ns.volunteeringdata.io/DBSCheck"]
    assert role["reward"] == ["https://ns.volunteeringdata.io/TrainingProvided"]
    assert role["accessibility"] == ["https://ns.volunteeringdata.io/PhysicalAccessibility"]
    assert activity["session"]["location"]["address"] == "Melanchthonstraße 3, 75015 Bretten, Deutschland"
    putz = next(node for node in document["@graph"] if node["activity"][0]["title"] == "Stadtputz am Samstag")
    time = putz["activity"][0]["session"]["time"]
    assert time["time:hasBeginning"]["time:inXSDDateTimeStamp"].endswith("+01:00")


def test_the_jsonld_is_read_by_an_rdf_parser_as_linked_data(client, full_offer):
    """The document is valid JSON-LD: rdflib reads it (with the standard's terms given locally, since the
    context address is not fetched in tests) into triples about the offer's address."""
    import rdflib

    document = json.loads(body(client.get(JSONLD_URL)))
    document["@context"] = {
        "@vocab": "https://ns.volunteeringdata.io/",
        "id": "@id",
        "type": "@type",
        "time": "http://www.w3.org/2006/time#",
    }
    graph = rdflib.Graph().parse(data=json.dumps(document), format="json-ld")
    activity = rdflib.URIRef("http://testserver" + full_offer.url)
    titles = list(graph.objects(activity, rdflib.URIRef("https://ns.volunteeringdata.io/title")))
    assert [str(title) for title in titles] == ["Lebensmittel ausgeben"]


# --- Streaming, queries, cache --------------------------------------------------------------------------


@pytest.mark.parametrize("url", [CSV_URL, JSONLD_URL, "/api/v2/export/bretten/freiwilligendatenbank.csv"])
def test_the_number_of_queries_does_not_grow_with_the_offers(
    client, bretten, url, django_assert_max_num_queries
):
    organisation = make_opportunity(city=bretten).organisation
    # 14: the rows in chunks, the organisations and topics per chunk, the city, when the lists next
    # change by time (two first rows of an index: page_cache.listings_change_at), and Wagtail's site
    # root paths (cached after a process's first request; each test starts with an empty cache).
    with django_assert_max_num_queries(14) as few:
        body(client.get(url))
    for number in range(15):
        make_opportunity(organisation=organisation, title=f"Angebot {number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        text = body(client.get(url))
    assert "Angebot 14" in text


def test_a_second_request_is_answered_from_the_page_cache_until_an_offer_changes(
    client, full_offer, django_assert_num_queries
):
    first = body(client.get(CSV_URL))
    with django_assert_num_queries(0):
        response = client.get(CSV_URL)
    assert response.content.decode("utf-8") == first
    assert "public" in response["Cache-Control"]
    full_offer.title = "Lebensmittel verteilen"
    full_offer.save_revision().publish()
    assert "Lebensmittel verteilen" in body(client.get(CSV_URL))


# --- The command ---------------------------------------------------------------------------------------


def test_the_command_writes_the_same_csv_as_the_address(client, full_offer, tmp_path):
    """The same rows; the link to the offer names the host of its site (there is no request to ask)."""
    target = tmp_path / "angebote.csv"
    call_command("export_offers", "freiwilligendatenbank", "--output", str(target))
    (from_command,) = csv_rows(target.read_text(encoding="utf-8"))
    (from_address,) = csv_rows(body(client.get(CSV_URL)))
    assert from_command.pop("Link zum Angebot") == full_offer.get_full_url()
    from_address.pop("Link zum Angebot")
    assert from_command == from_address


def test_the_command_exports_one_city_as_jsonld(full_offer, one_off_offer, tmp_path):
    target = tmp_path / "ettlingen.jsonld"
    call_command("export_offers", "volunteeringdata", "--city", "ettlingen", "--output", str(target))
    document = json.loads(target.read_text(encoding="utf-8"))
    titles = [activity["title"] for node in document["@graph"] for activity in node["activity"]]
    assert titles == ["Stadtputz am Samstag"]


def test_an_export_larger_than_the_limit_streams_every_time_and_is_not_kept(client, full_offer, settings):
    settings.PAGE_CACHE_MAX_STREAMED_BYTES = 100
    first = client.get(CSV_URL)
    assert first.streaming
    text = body(first)
    second = client.get(CSV_URL)
    assert second.streaming  # read again, not answered from the cache
    assert body(second) == text
