"""Reading offers from a Freiwilligendatenbank CSV (the layout of freiwilligendatenbank.py).

First every row is checked and the report says, row by row and in German, what would happen (the dry
run). The import itself runs only when no row has an error, in one transaction: either every row is
taken or nothing changes. Each new offer becomes a draft of its organisation in the city it belongs to
and, when complete, goes into that city's moderation workflow; nothing is published without the city's
review. An organisation is found by its name in that city, or created the way a Verein founding itself
online is: waiting for the city's check (and its offers stay offline until then).

The id of the source (column "Angebots-ID") is stored with the offer: a row whose id is known already
changes nothing, so importing the same file twice gives the same offers once.
"""

import csv
import io
import re
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from engagement.cities.models import CityPage
from engagement.opportunities import lifecycle
from engagement.opportunities.models import OpportunityPage
from engagement.organisations.models import Organisation
from engagement.taxonomy.models import Activity, Category, Suitability, TargetGroup

from .freiwilligendatenbank import COLUMNS, DATE_FORMAT, DATETIME_FORMAT, NO, YES, restore
from .offers import own_page_id
from .text import plain_to_rich_text

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 20_000
TERM_MODELS = {
    "categories": Category,
    "activities": Activity,
    "target_groups": TargetGroup,
    "suitable_for": Suitability,
}
YES_WORDS = {YES, "j", "yes", "y", "1", "x", "wahr", "true"}
NO_WORDS = {NO, "n", "no", "0", "falsch", "false", ""}
ORGANISATION_FIELDS = {
    "organisation_name": "name",
    "organisation_website": "website",
    "organisation_postcode": "postcode",
    "organisation_place": "place",
}
BY_HEADING = {column.heading.casefold(): column for column in COLUMNS}
BY_KEY = {column.key: column for column in COLUMNS}
REQUIRED_HEADINGS = ("Angebots-ID", "Titel", "Organisation")


# --- Cells to values ------------------------------------------------------------------------------


def _max_length(key):
    if key in ORGANISATION_FIELDS:
        return Organisation._meta.get_field(ORGANISATION_FIELDS[key]).max_length
    if key in ("city", "organisation_url"):
        return 200
    return OpportunityPage._meta.get_field(key).max_length


class YesNoField(forms.CharField):
    def to_python(self, value):
        word = (super().to_python(value) or "").strip().casefold()
        if word in YES_WORDS:
            return True
        if word in NO_WORDS:
            return False
        raise ValidationError(_("Bitte „ja“ oder „nein“ eintragen."))


class LabelChoiceField(forms.CharField):
    """A choice by its German label or its value, case and spaces aside; empty gives the default."""

    def __init__(self, *args, choices, default, **kwargs):
        super().__init__(*args, **kwargs)
        self.choices, self.default = choices, default

    def to_python(self, value):
        word = " ".join((super().to_python(value) or "").split()).casefold()
        if not word:
            return self.default
        for choice in self.choices:
            if word in (choice.value.casefold(), str(choice.label).casefold()):
                return choice.value
        raise ValidationError(
            _("„%(value)s“ ist keiner der möglichen Werte: %(choices)s.")
            % {"value": value, "choices": ", ".join(str(choice.label) for choice in self.choices)}
        )


class TermsField(forms.CharField):
    """Terms of one of our vocabularies, separated by commas, by name, English name or short name."""

    def __init__(self, *args, terms, **kwargs):
        super().__init__(*args, **kwargs)
        self.terms = terms  # casefolded name → term, loaded once for all rows

    def to_python(self, value):
        text = super().to_python(value) or ""
        found, unknown = [], []
        for name in (part.strip() for part in text.split(",")):
            if not name:
                continue
            term = self.terms.get(" ".join(name.split()).casefold())
            if term is None:
                unknown.append(name)
            elif term not in found:
                found.append(term)
        if unknown:
            raise ValidationError(
                _("Unbekannt: %(unknown)s. Möglich sind: %(known)s.")
                % {
                    "unknown": ", ".join(f"„{name}“" for name in unknown),
                    "known": ", ".join(sorted({term.name for term in self.terms.values()})),
                }
            )
        return found


class GermanDecimalField(forms.DecimalField):
    def to_python(self, value):
        return super().to_python((value or "").replace(",", ".").strip())


def _date_field(**kwargs):
    return forms.DateField(
        required=False,
        input_formats=[DATE_FORMAT, "%Y-%m-%d"],
        error_messages={"invalid": _("Bitte ein Datum wie 31.12.2026 eintragen.")},
        **kwargs,
    )


def _datetime_field(**kwargs):
    return forms.DateTimeField(
        required=False,
        input_formats=[DATETIME_FORMAT, "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S%z"],
        error_messages={"invalid": _("Bitte Datum und Uhrzeit wie 31.12.2026 14:30 eintragen.")},
        **kwargs,
    )


def _number_bounds(key):
    bounds = {}
    for validator in OpportunityPage._meta.get_field(key).validators:
        if getattr(validator, "code", None) == "min_value":
            bounds["min_value"] = validator.limit_value
        if getattr(validator, "code", None) == "max_value":
            bounds["max_value"] = validator.limit_value
    return bounds


def row_form_class(terms):
    """A form for one row: a field per column that the import reads, with German messages."""
    fields = {}
    for column in COLUMNS:
        label = column.heading
        if column.kind == "readonly":
            continue
        if column.kind in ("text", "description"):
            max_length = None if column.kind == "description" else _max_length(column.key)
            required = column.key in ("source_id", "title", "organisation_name")
            field_ = forms.CharField(label=label, required=required, max_length=max_length)
        elif column.kind == "bool":
            field_ = YesNoField(label=label, required=False)
        elif column.kind == "date":
            field_ = _date_field(label=label)
        elif column.kind == "datetime":
            field_ = _datetime_field(label=label)
        elif column.kind == "int":
            field_ = forms.IntegerField(label=label, required=False, **_number_bounds(column.key))
        elif column.kind == "decimal":
            field_ = GermanDecimalField(
                label=label, required=False, max_digits=4, decimal_places=1, **_number_bounds(column.key)
            )
        elif column.kind == "schedule":
            field_ = LabelChoiceField(
                label=label,
                required=False,
                choices=list(OpportunityPage.ScheduleKind),
                default=OpportunityPage.ScheduleKind.REGULAR,
            )
        elif column.kind == "status":
            field_ = LabelChoiceField(
                label=label,
                required=False,
                choices=list(OpportunityPage.RecruitmentStatus),
                default=OpportunityPage.RecruitmentStatus.OPEN,
            )
        elif column.kind == "terms":
            field_ = TermsField(label=label, required=False, terms=terms[column.key])
        else:  # pragma: no cover - every kind of COLUMNS is handled above
            raise ValueError(column.kind)
        fields[column.key] = field_
    form_class = type("OfferRowForm", (forms.Form,), fields)
    return form_class


def _clean_postcode(value):
    if value and not re.fullmatch(r"\d{5}", value):
        raise ValidationError(_("Eine Postleitzahl hat fünf Ziffern."))
    return value


# --- The report -----------------------------------------------------------------------------------


@dataclass
class RowReport:
    line: int
    title: str = ""
    source_id: str = ""
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    skipped: bool = False  # known already: nothing changes
    page: OpportunityPage | None = None


@dataclass
class ImportReport:
    dry_run: bool
    file_errors: list[str] = field(default_factory=list)
    file_notes: list[str] = field(default_factory=list)
    rows: list[RowReport] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return bool(self.file_errors) or any(row.errors for row in self.rows)

    @property
    def new_count(self) -> int:
        return sum(1 for row in self.rows if not row.errors and not row.skipped)

    @property
    def skipped_count(self) -> int:
        return sum(1 for row in self.rows if row.skipped)

    @property
    def error_count(self) -> int:
        return sum(1 for row in self.rows if row.errors)

    def lines(self) -> list[str]:
        """The report as lines of text (for the command)."""
        lines = [*self.file_errors, *self.file_notes]
        for row in self.rows:
            head = _("Zeile %(line)s") % {"line": row.line}
            if row.title:
                head += f" („{row.title}“)"
            for message in row.errors:
                lines.append(f"{head}: {_('Fehler')}: {message}")
            for message in row.notes:
                lines.append(f"{head}: {message}")
        return lines


@dataclass
class _Planned:
    report: RowReport
    city: CityPage
    organisation: Organisation | None
    organisation_data: dict
    data: dict
    complete: bool


# --- Reading the file ------------------------------------------------------------------------------


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _read(raw: bytes, report: ImportReport):
    """(line number, {column key: cell}) for each non-empty row, or nothing with a file error."""
    if len(raw) > MAX_BYTES:
        report.file_errors.append(
            _("Die Datei ist größer als %(size)s MB. Bitte teilen Sie sie auf.")
            % {"size": MAX_BYTES // 2**20}
        )
        return []
    text = _decode(raw).replace("\x00", "")
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    try:
        headings = next(reader, [])
        columns = [BY_HEADING.get(" ".join(heading.split()).casefold()) for heading in headings]
        missing = [name for name in REQUIRED_HEADINGS if BY_HEADING[name.casefold()] not in columns]
        if missing:
            report.file_errors.append(
                _("Die erste Zeile braucht die Spalten %(missing)s (Vorlage: der Export unter %(url)s).")
                % {
                    "missing": ", ".join(f"„{name}“" for name in missing),
                    "url": "/api/v2/export/freiwilligendatenbank.csv",
                }
            )
            return []
        unknown = [heading for heading, column in zip(headings, columns, strict=True) if column is None]
        if any(heading.strip() for heading in unknown):
            report.file_notes.append(
                _("Diese Spalten werden nicht gelesen: %(columns)s.")
                % {"columns": ", ".join(f"„{heading}“" for heading in unknown if heading.strip())}
            )
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            if len(rows) >= MAX_ROWS:
                report.file_errors.append(
                    _("Höchstens %(count)s Angebote auf einmal, bitte teilen Sie die Datei auf.")
                    % {"count": MAX_ROWS}
                )
                return []
            values = {
                column.key: restore(cell.strip())
                for column, cell in zip(columns, cells, strict=False)
                if column is not None and column.kind != "readonly"
            }
            rows.append((reader.line_num, values))
    except csv.Error as error:
        report.file_errors.append(
            _("Die Datei ist ab Zeile %(line)s keine lesbare CSV-Datei (%(reason)s).")
            % {"line": reader.line_num, "reason": error}
        )
        return []
    if not rows:
        report.file_errors.append(_("Die Datei enthält keine Angebote."))
    return rows


# --- Checking each row -----------------------------------------------------------------------------


def _load_terms():
    terms = {}
    for key, model in TERM_MODELS.items():
        by_name = {}
        for term in model.objects.all():
            for name in (term.name, term.name_en, term.slug):
                if name:
                    by_name.setdefault(" ".join(name.split()).casefold(), term)
        terms[key] = by_name
    return terms


def _city_for(values, cities, forced_city):
    """The city a row belongs to: the chosen one, the column "Stadt", else the one whose area takes the
    postcode of the place (or of the organisation). (city, error)."""
    if forced_city is not None:
        return forced_city, None
    name = " ".join((values.get("city") or "").split()).casefold()
    if name:
        for city in cities:
            if name in (city.title.casefold(), city.slug.casefold()):
                return city, None
        return None, _("Die Stadt „%(city)s“ gibt es auf dieser Plattform nicht (vorhanden: %(cities)s).") % {
            "city": values.get("city"),
            "cities": ", ".join(city.title for city in cities),
        }
    for postcode in (values.get("postcode"), values.get("organisation_postcode")):
        if postcode:
            for city in cities:
                if city.takes_postcode(postcode):
                    return city, None
    return None, _(
        "Keine Stadt gefunden: Weder die Spalte „Stadt“ noch eine Postleitzahl passt zu einer Stadt "
        "dieser Plattform. Bitte tragen Sie die Stadt ein oder wählen Sie beim Import eine."
    )


def _organisation_key(city, name):
    return city.pk, " ".join(name.split()).casefold()


def _check_row(line, values, *, form_class, cities, forced_city, seen_ids, organisations) -> _Planned | None:
    report = RowReport(
        line=line, title=(values.get("title") or "")[:120], source_id=values.get("source_id", "")
    )
    form = form_class(values)
    if not form.is_valid():
        for key, messages in form.errors.items():
            label = form.fields[key].label if key in form.fields else ""
            report.errors.extend(f"{label}: {message}" for message in messages)
        return _Planned(report, None, None, {}, {}, False)
    data = dict(form.cleaned_data)
    for key in ("postcode", "organisation_postcode"):
        try:
            _clean_postcode(data.get(key))
        except ValidationError as error:
            report.errors.append(f"{BY_KEY[key].heading}: {error.messages[0]}")
    if data.get("organisation_website"):
        try:
            URLValidator(schemes=["http", "https"])(data["organisation_website"])
        except ValidationError:
            report.errors.append(
                _("%(column)s: Bitte eine Adresse wie https://www.beispiel.de eintragen.")
                % {"column": BY_KEY["organisation_website"].heading}
            )
    source_id = data.pop("source_id")
    if source_id in seen_ids:
        report.errors.append(
            _("Die Angebots-ID „%(id)s“ steht schon in Zeile %(line)s.")
            % {"id": source_id, "line": seen_ids[source_id]}
        )
    seen_ids.setdefault(source_id, line)
    if report.errors:
        return _Planned(report, None, None, {}, {}, False)

    known = OpportunityPage.objects.filter(source_id=source_id).first()
    own_id = own_page_id(source_id)
    if known is None and own_id is not None:
        known = OpportunityPage.objects.filter(pk=own_id, source_id="").first()
    if known is not None:
        report.skipped = True
        report.notes.append(
            _("Schon vorhanden als „%(title)s“ (Nr. %(id)s): bleibt unverändert.")
            % {"title": known.title, "id": known.pk}
        )
        return _Planned(report, None, None, {}, {}, False)

    city, error = _city_for(data, cities, forced_city)
    data.pop("city", None)
    if error:
        report.errors.append(error)
        return _Planned(report, None, None, {}, {}, False)
    organisation_data = {ORGANISATION_FIELDS[key]: data.pop(key) or "" for key in ORGANISATION_FIELDS}
    key = _organisation_key(city, organisation_data["name"])
    if key not in organisations:
        organisations[key] = Organisation.objects.filter(
            home_city=city, name__iexact=" ".join(organisation_data["name"].split())
        ).first()
    organisation = organisations[key]
    if (
        organisation is not None
        and organisation.verification_state == Organisation.VerificationState.SUSPENDED
    ):
        report.errors.append(
            _("Die Organisation „%(name)s“ ist in %(city)s gesperrt; ihr werden keine Angebote zugeordnet.")
            % {"name": organisation.name, "city": city.title}
        )
        return _Planned(report, None, None, {}, {}, False)

    data["description"] = plain_to_rich_text(data.get("description") or "")
    for key_ in ("volunteers_needed",):
        if data.get(key_) is None:
            data[key_] = 1
    for name in ("street", "postcode", "place"):
        data[name] = data.get(name) or ""
    # The Freiwilligendatenbank knows only a minimum age: below 18 it says that young people are welcome.
    if data.get("minimum_age") is not None and data["minimum_age"] < 18:
        data.setdefault("minors_welcome", True)
    page = OpportunityPage(**{k: v for k, v in data.items() if k not in TERM_MODELS})
    page._parent_city_hint = city
    page.organisation = organisation
    consistency = page.consistency_errors()
    for key_, message in consistency.items():
        column = BY_KEY.get(key_)
        report.errors.append(f"{column.heading}: {message}" if column else str(message))
    if report.errors:
        return _Planned(report, city, organisation, organisation_data, data, False)

    missing = list(page.completeness_errors().values())
    if not data.get("categories"):
        missing.append(_("Bitte wählen Sie mindestens ein Thema."))
    try:
        page.validate_for_publication()
    except ValidationError as error:
        missing.extend(error.messages)
    data["source_id"] = source_id
    if organisation is None:
        report.notes.append(
            _("Neue Organisation „%(name)s“ in %(city)s (wartet auf die Prüfung durch die Redaktion).")
            % {"name": organisation_data["name"], "city": city.title}
        )
    if missing:
        report.notes.append(
            _("Bleibt Entwurf (nicht zur Prüfung eingereicht), es fehlt: %(missing)s")
            % {"missing": " ".join(str(message) for message in missing)}
        )
    return _Planned(report, city, organisation, organisation_data, data, complete=not missing)


# --- The import ------------------------------------------------------------------------------------


def import_offers(raw: bytes, *, user, city=None, dry_run=True, progress=None) -> ImportReport:
    """Check every row of the CSV `raw` and, unless `dry_run` or any error, import them (administrators
    only). `progress` wraps the rows (the command's progress bar). The report says what happened."""
    if not user.is_superuser:
        raise PermissionDenied
    progress = progress or (lambda rows, **kwargs: rows)
    with translation.override("de"):
        report = ImportReport(dry_run=dry_run)
        rows = _read(raw, report)
        if report.file_errors:
            return report
        form_class = row_form_class(_load_terms())
        cities = list(CityPage.objects.live().order_by("title"))
        seen_ids, organisations = {}, {}
        planned = []
        for line, values in progress(rows, desc=_("Prüfen"), unit=_("Zeile")):
            item = _check_row(
                line,
                values,
                form_class=form_class,
                cities=cities,
                forced_city=city,
                seen_ids=seen_ids,
                organisations=organisations,
            )
            report.rows.append(item.report)
            planned.append(item)
        if report.has_errors:
            return report
        for item in planned:
            if not item.report.skipped:
                item.report.notes.insert(0, _outcome(item, dry_run) % {"city": item.city.title})
        if not dry_run:
            _write(planned, user=user, progress=progress)
        return report


def _outcome(item, dry_run, submitted=True) -> str:
    if dry_run:
        if item.complete:
            return _("Wird als Entwurf in %(city)s angelegt und zur Prüfung eingereicht.")
        return _("Wird als Entwurf in %(city)s angelegt.")
    if item.complete and submitted:
        return _("Wurde als Entwurf in %(city)s angelegt und zur Prüfung eingereicht.")
    return _("Wurde als Entwurf in %(city)s angelegt.")


@transaction.atomic
def _write(planned, *, user, progress):
    created = {}
    for item in progress(planned, desc=_("Importieren"), unit=_("Angebot")):
        if item.report.skipped:
            continue
        organisation = item.organisation
        if organisation is None:
            key = _organisation_key(item.city, item.organisation_data["name"])
            organisation = created.get(key)
            if organisation is None:
                organisation = Organisation.objects.create(
                    **item.organisation_data,
                    home_city=item.city,
                    verification_state=Organisation.VerificationState.PENDING,
                )
                log(instance=organisation, action="wagtail.create", user=user)
                created[key] = organisation
        data = dict(item.data)
        source_id = data.pop("source_id")
        page = lifecycle.create_imported_draft(
            organisation=organisation, user=user, data=data, source_id=source_id
        )
        if item.complete:
            try:
                lifecycle.submit_for_moderation(page=page, user=user)
            except ValidationError as error:  # e.g. a city without its workflow: the draft stays a draft
                item.report.notes[0] = _outcome(item, dry_run=False, submitted=False) % {
                    "city": item.city.title
                }
                item.report.notes.extend(error.messages)
        item.report.page = page
