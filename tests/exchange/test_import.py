"""Import of a Freiwilligendatenbank CSV: the round trip, the dry run and its report, idempotency, the
cities' moderation, organisations matched or created, and errors that change nothing."""

import csv
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision, WorkflowState

from engagement.exchange.exports import stream_export
from engagement.exchange.freiwilligendatenbank import HEADINGS
from engagement.exchange.importer import import_offers
from engagement.exchange.text import rich_text_to_plain
from engagement.opportunities.models import OpportunityPage
from engagement.organisations.models import Organisation
from engagement.organisations.services import change_verification_state
from tests.factories import OrganisationFactory, UserFactory, in_days, make_opportunity

COMPARED_FIELDS = [
    "title",
    "teaser",
    "street",
    "postcode",
    "place",
    "is_remote",
    "schedule_kind",
    "event_start",
    "event_end",
    "rhythm",
    "hours_per_week",
    "start_date",
    "end_date",
    "application_deadline",
    "volunteers_needed",
    "recruitment_status",
    "waiting_list",
    "minimum_age",
    "requires_extended_certificate",
    "requires_driving_licence",
    "language_requirements",
    "other_requirements",
    "step_free_access",
    "accessibility_note",
    "offers_training",
    "offers_insurance",
    "offers_expense_allowance",
    "offers_certificate",
    "benefits_note",
]


def export_csv(city=None) -> bytes:
    return "".join(stream_export("freiwilligendatenbank", city=city)).encode("utf-8")


def fields_of(page) -> dict:
    values = {name: getattr(page, name) for name in COMPARED_FIELDS}
    values["description"] = rich_text_to_plain(page.description)
    values["city"] = page.get_parent().specific.slug
    values["organisation"] = (
        page.organisation.name,
        page.organisation.website,
        page.organisation.postcode,
        page.organisation.place,
    )
    for relation in ("categories", "activities", "target_groups", "suitable_for"):
        values[relation] = sorted(term.slug for term in getattr(page, relation).all())
    return values


def csv_file(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=HEADINGS, delimiter=";")
    writer.writeheader()
    for row in rows:
        writer.writerow({heading: row.get(heading, "") for heading in HEADINGS})
    return out.getvalue().encode("utf-8")


def a_row(**cells) -> dict:
    row = {
        "Angebots-ID": "fwdb-4711",
        "Titel": "Hausaufgabenhilfe",
        "Kurzbeschreibung": "Kindern bei den Hausaufgaben helfen.",
        "Beschreibung": "Zweimal pro Woche am Nachmittag.",
        "Organisation": "Lernpaten Bretten",
        "Organisation PLZ": "75015",
        "Stadt": "Bretten",
        "Einsatzort PLZ": "75015",
        "Einsatzort Ort": "Bretten",
        "Tätigkeitsfelder": "Bildung",
        "Zeitlicher Rahmen": "Regelmäßig",
        "Zeitaufwand": "dienstags und donnerstags 15–17 Uhr",
    }
    row.update(cells)
    return row


def counts() -> tuple:
    return (
        OpportunityPage.objects.count(),
        Organisation.objects.count(),
        Revision.objects.count(),
        WorkflowState.objects.count(),
    )


# --- Who may -------------------------------------------------------------------------------------------


def test_only_administrators_may_import(bretten):
    editor = UserFactory(username="redaktion-bretten", is_staff=True)
    with pytest.raises(PermissionDenied):
        import_offers(csv_file([a_row()]), user=editor, dry_run=True)
    assert OpportunityPage.objects.count() == 0


# --- Round trip ----------------------------------------------------------------------------------------


def test_export_then_import_into_an_empty_database_gives_the_same_offers(
    full_offer, one_off_offer, remote_offer, superuser, django_capture_on_commit_callbacks
):
    """Export, empty the database of offers and organisations (the cities stay, as `setup_city` makes
    them), import: the same offers, field by field; published after the cities' review, the export is
    the same file again."""
    exported = export_csv()
    originals = {page.title: fields_of(page) for page in OpportunityPage.objects.all()}
    for page in OpportunityPage.objects.all():
        page.delete()
    Organisation.objects.all().delete()

    report = import_offers(exported, user=superuser, dry_run=False)

    assert not report.has_errors, report.lines()
    imported = {
        page.title: fields_of(page.get_latest_revision_as_object()) for page in OpportunityPage.objects.all()
    }
    assert imported == originals
    for page in OpportunityPage.objects.all():
        assert not page.live
    for organisation in Organisation.objects.all():
        assert organisation.verification_state == Organisation.VerificationState.PENDING
        change_verification_state(organisation, Organisation.VerificationState.VERIFIED, by=superuser)
    for page in OpportunityPage.objects.all():
        with django_capture_on_commit_callbacks(execute=True):  # geocoding, as after a request
            page.get_latest_revision().publish()
    assert export_csv() == exported


def test_a_second_import_of_the_same_file_changes_nothing(superuser, bretten):
    data = csv_file([a_row(), a_row(**{"Angebots-ID": "fwdb-4712", "Titel": "Lesepatenschaft"})])
    first = import_offers(data, user=superuser, dry_run=False)
    assert first.new_count == 2
    before = counts()
    second = import_offers(data, user=superuser, dry_run=False)
    assert counts() == before
    assert second.new_count == 0 and second.skipped_count == 2
    assert "Schon vorhanden als „Hausaufgabenhilfe“" in second.rows[0].notes[0]


def test_our_own_export_read_back_in_changes_nothing(full_offer, superuser):
    before = counts()
    report = import_offers(export_csv(), user=superuser, dry_run=False)
    assert counts() == before
    assert report.skipped_count == 1 and report.new_count == 0


# --- Into the city's moderation ------------------------------------------------------------------------


def test_a_complete_offer_becomes_a_draft_in_its_citys_workflow_never_published(superuser, bretten):
    import_offers(csv_file([a_row()]), user=superuser, dry_run=False)
    page = OpportunityPage.objects.get(source_id="fwdb-4711")
    assert not page.live and page.first_published_at is None
    assert page.get_parent().specific == bretten
    assert page.workflow_in_progress
    assert page.current_workflow_state.workflow.name == "Moderation Bretten"
    assert not OpportunityPage.objects.listed().exists()


def test_an_incomplete_offer_stays_a_draft_and_the_report_says_what_is_missing(superuser, bretten):
    report = import_offers(
        csv_file([a_row(**{"Kurzbeschreibung": "", "Zeitaufwand": ""})]), user=superuser, dry_run=False
    )
    page = OpportunityPage.objects.get(source_id="fwdb-4711")
    assert not page.live and not page.workflow_in_progress
    notes = " ".join(report.rows[0].notes)
    assert "Bleibt Entwurf" in notes
    assert "Bitte geben Sie eine Kurzbeschreibung an." in notes


def test_the_city_follows_the_postcode_when_the_column_is_empty(superuser, bretten, ettlingen):
    import_offers(
        csv_file([a_row(**{"Stadt": "", "Einsatzort PLZ": "76275", "Einsatzort Ort": "Ettlingen"})]),
        user=superuser,
        dry_run=False,
    )
    page = OpportunityPage.objects.get(source_id="fwdb-4711")
    assert page.get_parent().specific == ettlingen
    assert page.organisation.home_city == ettlingen


# --- Organisations -------------------------------------------------------------------------------------


def test_an_organisation_of_the_city_is_found_by_its_name(superuser, bretten, ettlingen):
    own = OrganisationFactory(name="Lernpaten Bretten", home_city=bretten)
    OrganisationFactory(name="Lernpaten Bretten", home_city=ettlingen)  # same name, other city
    import_offers(csv_file([a_row(**{"Organisation": "lernpaten  BRETTEN"})]), user=superuser, dry_run=False)
    assert OpportunityPage.objects.get(source_id="fwdb-4711").organisation == own
    assert Organisation.objects.count() == 2


def test_an_unknown_organisation_is_created_once_and_waits_for_the_citys_check(superuser, bretten):
    rows = [a_row(), a_row(**{"Angebots-ID": "fwdb-4712", "Titel": "Lesepatenschaft"})]
    report = import_offers(csv_file(rows), user=superuser, dry_run=False)
    (organisation,) = Organisation.objects.all()
    assert organisation.name == "Lernpaten Bretten" and organisation.home_city == bretten
    assert organisation.verification_state == Organisation.VerificationState.PENDING
    assert organisation.members.count() == 0
    assert "Neue Organisation „Lernpaten Bretten“ in Bretten" in " ".join(report.rows[0].notes)


def test_a_suspended_organisation_gets_no_offers(superuser, bretten):
    OrganisationFactory(
        name="Lernpaten Bretten",
        home_city=bretten,
        verification_state=Organisation.VerificationState.SUSPENDED,
    )
    before = counts()
    report = import_offers(csv_file([a_row()]), user=superuser, dry_run=False)
    assert counts() == before
    assert "ist in Bretten gesperrt" in report.rows[0].errors[0]


# --- Dry run and errors --------------------------------------------------------------------------------


def test_the_dry_run_reports_each_row_in_german_and_changes_nothing(superuser, bretten):
    before = counts()
    report = import_offers(
        csv_file([a_row(), a_row(**{"Angebots-ID": "x-2", "Titel": "Zweites"})]), user=superuser
    )
    assert counts() == before
    assert report.dry_run and not report.has_errors
    assert report.rows[0].line == 2 and report.rows[1].line == 3
    assert report.rows[0].notes[0] == "Wird als Entwurf in Bretten angelegt und zur Prüfung eingereicht."
    assert report.lines()[0].startswith("Zeile 2 („Hausaufgabenhilfe“): Wird als Entwurf")


def test_one_bad_row_stops_the_whole_import_with_an_error_per_cell(superuser, bretten):
    rows = [
        a_row(),
        a_row(
            **{
                "Angebots-ID": "fwdb-9",
                "Beginn": "31.02.2026",
                "Tätigkeitsfelder": "Bildung, Raketenbau",
                "Gesuchte Freiwillige": "viele",
                "Barrierefrei": "vielleicht",
                "Zeitlicher Rahmen": "manchmal",
            }
        ),
        a_row(**{"Angebots-ID": "fwdb-10", "Einsatzort PLZ": "10115"}),
        a_row(**{"Titel": "Doppelt"}),
    ]
    before = counts()
    report = import_offers(csv_file(rows), user=superuser, dry_run=False)
    assert counts() == before
    assert report.has_errors and report.error_count == 3
    assert report.rows[0].errors == []
    errors = report.rows[1].errors
    assert "Beginn: Bitte ein Datum wie 31.12.2026 eintragen." in errors
    assert any(
        error.startswith("Tätigkeitsfelder: Unbekannt: „Raketenbau“. Möglich sind:") for error in errors
    )
    assert "Gesuchte Freiwillige: Bitte eine ganze Zahl eingeben." in errors
    assert "Barrierefrei: Bitte „ja“ oder „nein“ eintragen." in errors
    assert any(
        error.startswith("Zeitlicher Rahmen: „manchmal“ ist keiner der möglichen Werte") for error in errors
    )
    assert "gehört nicht zu Bretten" in report.rows[2].errors[0] or "10115" in report.rows[2].errors[0]
    assert report.rows[3].errors == ["Die Angebots-ID „fwdb-4711“ steht schon in Zeile 2."]


def test_a_file_without_the_required_columns_is_refused(superuser, bretten):
    report = import_offers(b"Name;E-Mail\nTafel;a@b.de\n", user=superuser, dry_run=False)
    assert report.file_errors == [
        "Die erste Zeile braucht die Spalten „Angebots-ID“, „Titel“, „Organisation“ "
        "(Vorlage: der Export unter /api/v2/export/freiwilligendatenbank.csv)."
    ]
    assert OpportunityPage.objects.count() == 0


def test_a_file_in_windows_1252_with_commas_is_read(superuser, bretten):
    data = (
        "Angebots-ID,Titel,Organisation,Stadt,Tätigkeitsfelder\n"
        "w-1,Gärtnern,Grünpaten,Bretten,Umwelt & Natur\n"
    )
    report = import_offers(data.encode("cp1252"), user=superuser)
    assert not report.has_errors, report.lines()
    assert report.rows[0].title == "Gärtnern"


def test_a_formula_defused_by_the_export_is_read_back_as_written(superuser, bretten):
    report = import_offers(csv_file([a_row(**{"Titel": "'=1+1 Helfer"})]), user=superuser, dry_run=False)
    assert not report.has_errors
    assert OpportunityPage.objects.get(source_id="fwdb-4711").title == "=1+1 Helfer"


# --- The command ---------------------------------------------------------------------------------------


def test_the_command_dry_run_prints_the_report_and_changes_nothing(superuser, bretten, tmp_path, capsys):
    path = tmp_path / "angebote.csv"
    path.write_bytes(csv_file([a_row()]))
    call_command("import_offers", str(path), "--user", "root", "--dry-run")
    out = capsys.readouterr().out
    assert "Zeile 2 („Hausaufgabenhilfe“): Wird als Entwurf in Bretten angelegt" in out
    assert "Probelauf: 1 würden angelegt, 0 gibt es schon." in out
    assert OpportunityPage.objects.count() == 0
    call_command("import_offers", str(path), "--user", "root")
    call_command("import_offers", str(path), "--user", "root")
    assert OpportunityPage.objects.count() == 1


def test_the_command_refuses_accounts_that_are_not_administrators(bretten, tmp_path):
    UserFactory(username="redaktion-bretten", is_staff=True)
    path = tmp_path / "angebote.csv"
    path.write_bytes(csv_file([a_row()]))
    with pytest.raises(CommandError, match="kein aktives Konto mit Administrationsrechten"):
        call_command("import_offers", str(path), "--user", "redaktion-bretten")


def test_the_command_fails_with_the_errors_and_changes_nothing(superuser, bretten, tmp_path, capsys):
    path = tmp_path / "angebote.csv"
    path.write_bytes(csv_file([a_row(**{"Mindestalter": "3"})]))
    with pytest.raises(CommandError, match="Nichts wurde geändert"):
        call_command("import_offers", str(path), "--user", "root")
    assert "Mindestalter: Dieser Wert muss größer oder gleich 6 sein." in capsys.readouterr().out
    assert OpportunityPage.objects.count() == 0


def test_copying_an_imported_offer_does_not_copy_its_source_id(superuser, bretten):
    import_offers(csv_file([a_row()]), user=superuser, dry_run=False)
    page = OpportunityPage.objects.get(source_id="fwdb-4711")
    copy = page.copy(update_attrs={"slug": "kopie", "title": "Kopie"}, user=superuser)
    assert copy.specific.source_id == ""
    assert Page.objects.count() > 0


def test_an_ended_one_off_date_is_reported(superuser, bretten):
    row = a_row(**{"Zeitlicher Rahmen": "Einmalig", "Termin Beginn": in_days(-2).strftime("%d.%m.%Y %H:%M")})
    report = import_offers(csv_file([row]), user=superuser)
    assert "Der Termin liegt in der Vergangenheit." in " ".join(report.rows[0].notes)


def test_make_opportunity_source_ids_stay_empty(bretten):
    assert make_opportunity(city=bretten).source_id == ""
