"""The CSV layout for the Freiwilligendatenbank (Aktion Mensch with bagfa), out and back in.

Volunteer agencies deliver their offers to the Freiwilligendatenbank as a CSV file built after a sample
file that bagfa hands to its partners (bagfa, "FAQ zur Freiwilligendatenbank"). That sample file is not
public, so the columns here are ours, named in the words the Freiwilligendatenbank shows on its offers
(Tätigkeitsfeld, Einsatzort, Zeitaufwand, …); docs/data-exchange.md lists each column, its field and what
has no equivalent. The same layout is what the import reads: an export imported elsewhere (or here into
an empty database) gives the same offers.

Cells: semicolon-separated, UTF-8 with a byte order mark (what German spreadsheet programs read right),
dates as TT.MM.JJJJ, times as TT.MM.JJJJ HH:MM in German time, yes/no as "ja"/"nein", several terms
separated by ", ". A text that a spreadsheet would read as a formula gets a leading apostrophe (and the
import takes exactly that apostrophe away again).
"""

import csv
from dataclasses import dataclass

from django.utils import timezone, translation

from engagement.opportunities.models import OpportunityPage

from .offers import source_id_of
from .text import rich_text_to_plain

DELIMITER = ";"
BYTE_ORDER_MARK = "\ufeff"
TERM_SEPARATOR = ", "
YES, NO = "ja", "nein"
DATE_FORMAT = "%d.%m.%Y"
DATETIME_FORMAT = "%d.%m.%Y %H:%M"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    heading: str
    key: str  # the offer's field (or, for the organisation's and read-only columns, a name of ours)
    kind: str  # text, description, bool, date, datetime, int, decimal, schedule, status, terms, readonly


COLUMNS = [
    Column("Angebots-ID", "source_id", "text"),
    Column("Titel", "title", "text"),
    Column("Kurzbeschreibung", "teaser", "text"),
    Column("Beschreibung", "description", "description"),
    Column("Organisation", "organisation_name", "text"),
    Column("Organisation Webseite", "organisation_website", "text"),
    Column("Organisation PLZ", "organisation_postcode", "text"),
    Column("Organisation Ort", "organisation_place", "text"),
    Column("Organisation Profil", "organisation_url", "readonly"),
    Column("Stadt", "city", "text"),
    Column("Einsatzort Straße", "street", "text"),
    Column("Einsatzort PLZ", "postcode", "text"),
    Column("Einsatzort Ort", "place", "text"),
    Column("Ortsunabhängig", "is_remote", "bool"),
    Column("Breitengrad", "latitude", "readonly"),
    Column("Längengrad", "longitude", "readonly"),
    Column("Tätigkeitsfelder", "categories", "terms"),
    Column("Tätigkeiten", "activities", "terms"),
    Column("Zielgruppen", "target_groups", "terms"),
    Column("Geeignet für", "suitable_for", "terms"),
    Column("Zeitlicher Rahmen", "schedule_kind", "schedule"),
    Column("Termin Beginn", "event_start", "datetime"),
    Column("Termin Ende", "event_end", "datetime"),
    Column("Zeitaufwand", "rhythm", "text"),
    Column("Stunden pro Woche", "hours_per_week", "decimal"),
    Column("Beginn", "start_date", "date"),
    Column("Ende", "end_date", "date"),
    Column("Bewerbungsschluss", "application_deadline", "date"),
    Column("Gesuchte Freiwillige", "volunteers_needed", "int"),
    Column("Stand der Suche", "recruitment_status", "status"),
    Column("Warteliste", "waiting_list", "bool"),
    Column("Mindestalter", "minimum_age", "int"),
    Column("Erweitertes Führungszeugnis", "requires_extended_certificate", "bool"),
    Column("Führerschein", "requires_driving_licence", "bool"),
    Column("Sprachkenntnisse", "language_requirements", "text"),
    Column("Weitere Voraussetzungen", "other_requirements", "text"),
    Column("Barrierefrei", "step_free_access", "bool"),
    Column("Hinweise zur Barrierefreiheit", "accessibility_note", "text"),
    Column("Einarbeitung oder Schulung", "offers_training", "bool"),
    Column("Versicherungsschutz", "offers_insurance", "bool"),
    Column("Aufwandsentschädigung oder Fahrtkosten", "offers_expense_allowance", "bool"),
    Column("Ehrenamtsnachweis", "offers_certificate", "bool"),
    Column("Weitere Angebote für Freiwillige", "benefits_note", "text"),
    Column("Link zum Angebot", "url", "readonly"),
    Column("Zuletzt aktualisiert", "updated", "readonly"),
]
HEADINGS = [column.heading for column in COLUMNS]


def defuse(text: str) -> str:
    """A leading apostrophe before a text a spreadsheet would take for a formula, and before a text that
    already starts with apostrophes and then such a sign, so that `restore` is its exact inverse."""
    if text.startswith(FORMULA_STARTS) or (
        text.startswith("'") and text.lstrip("'").startswith(FORMULA_STARTS)
    ):
        return "'" + text
    return text


def restore(text: str) -> str:
    if text.startswith("'") and text.lstrip("'").startswith(FORMULA_STARTS):
        return text[1:]
    return text


def _terms(page, name) -> str:
    return TERM_SEPARATOR.join(term.name for term in getattr(page, name).all())


def _local(moment) -> str:
    return timezone.localtime(moment).strftime(DATETIME_FORMAT) if moment else ""


def _decimal(value) -> str:
    if value is None:
        return ""
    return str(value).replace(".", ",")


def cells_of(page, *, url: str, organisation_url: str) -> list[str]:
    """One offer as the cells of a row, in the order of COLUMNS."""
    organisation = page.organisation
    city = page.city
    values = {
        "source_id": source_id_of(page),
        "description": rich_text_to_plain(page.description),
        "organisation_name": organisation.name,
        "organisation_website": organisation.website,
        "organisation_postcode": organisation.postcode,
        "organisation_place": organisation.place,
        "organisation_url": organisation_url,
        "city": city.title if city else "",
        "latitude": "" if page.latitude is None else f"{page.latitude:.5f}",
        "longitude": "" if page.longitude is None else f"{page.longitude:.5f}",
        "url": url,
        "updated": timezone.localtime(page.last_published_at).strftime(DATE_FORMAT)
        if page.last_published_at
        else "",
    }
    cells = []
    for column in COLUMNS:
        if column.key in values:
            value = values[column.key]
        elif column.kind == "terms":
            value = _terms(page, column.key)
        elif column.kind == "bool":
            value = YES if getattr(page, column.key) else NO
        elif column.kind == "date":
            day = getattr(page, column.key)
            value = day.strftime(DATE_FORMAT) if day else ""
        elif column.kind == "datetime":
            value = _local(getattr(page, column.key))
        elif column.kind == "decimal":
            value = _decimal(getattr(page, column.key))
        elif column.kind == "schedule":
            value = str(OpportunityPage.ScheduleKind(page.schedule_kind).label)
        elif column.kind == "status":
            value = str(OpportunityPage.RecruitmentStatus(page.recruitment_status).label)
        else:
            value = getattr(page, column.key)
            value = "" if value is None else str(value)
        cells.append(defuse(value))
    return cells


class _Line:
    """A file-like object whose write returns what it is given: csv.writer then yields one line."""

    def write(self, value):
        return value


def stream(offers, *, url_of, organisation_url_of):
    """The file line by line: the byte order mark and headings, then each offer."""
    writer = csv.writer(_Line(), delimiter=DELIMITER, lineterminator="\r\n")
    yield BYTE_ORDER_MARK + writer.writerow(HEADINGS)
    for page in offers:
        with translation.override("de"):  # the labels of the choices, whatever language is active
            cells = cells_of(page, url=url_of(page), organisation_url=organisation_url_of(page.organisation))
        yield writer.writerow(cells)
