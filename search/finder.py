"""The Engagement-Finder "Was passt zu mir?": six skippable questions, answered in the query string,
and the current offers ranked by how well they fit, each with its reasons.

The answers are one query string (shareable, no cookie). Where the search page has a parameter for an
answer, the finder uses it under the same name and the same `SearchQuery` reads it (filters.py):
`category`, `activity`, `schedule`, `near` + `radius`, `min_age_ok`, `barrier_free`, `city`/`region`.
What only the finder asks has its own names, read by `FinderForm`: `days`, `hours`, `language`, `with`.
`leicht=1` shows the questions in easy language.

Which answers narrow and which rank:

- A few answers are conditions an offer must meet to be of any use: the place and radius, the age (an
  offer from 16 is none for a 14-year-old), barrier-free access. They narrow exactly as on the search
  page, by the FilterSet's own filters (`NARROWING`).
- Everything else ranks: an offer scores points for each answer it fits (`CRITERIA`), and each fit
  gives a short reason ("passt zu: Tiere, am Wochenende, 4 km"). Topics and activities also choose the
  candidates: offers with at least one of them (an OR of the FilterSet's two filters).

The score is a sum of small integers, one criterion per answer, so that the order can be told in words
and tested on fixed rows. A new field of the offers becomes one more `Criterion` (its columns in
`fields`, a function from the row to a `Fit`), without touching the rest.

Costs: the candidates' columns in one query (two when more than `CANDIDATES` match), one query per
relation a criterion needs (activities, suitabilities), then the cards of one page as on the search
page. The number of queries does not grow with the rows.
"""

import math
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial

from django import forms
from django.core.paginator import Paginator
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from engagement.opportunities.models import OpportunityPage

from . import results
from .query import SearchQuery
from .results import PageRef

CANDIDATES = 1000
WEEKS_PER_MONTH = Decimal(52) / Decimal(12)
EVENING_HOUR = 17


# --- The questions ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    """One page of the flow: its parameters and its texts (standard and easy language)."""

    slug: str
    params: tuple[str, ...]
    title: str
    easy_title: str
    hint: str
    easy_hint: str


QUESTIONS = (
    Question(
        "themen",
        ("category",),
        _("Was ist Ihnen wichtig?"),
        _("Was ist Ihnen wichtig?"),
        _("Wählen Sie Themen, für die Sie sich einsetzen möchten. Mehrere sind möglich."),
        _("Wofür wollen Sie helfen? Sie können mehrere Sachen ankreuzen."),
    ),
    Question(
        "taetigkeiten",
        ("activity",),
        _("Was machen Sie gern?"),
        _("Was machen Sie gern?"),
        _("Wählen Sie Tätigkeiten, die Ihnen liegen. Mehrere sind möglich."),
        _("Was können Sie gut? Was macht Ihnen Spaß? Sie können mehrere Sachen ankreuzen."),
    ),
    Question(
        "zeit",
        ("schedule", "days", "hours"),
        _("Wann haben Sie Zeit?"),
        _("Wann haben Sie Zeit?"),
        _("Einmalig oder regelmäßig, an welchen Tagen und wie viele Stunden im Monat."),
        _("Wollen Sie einmal helfen oder öfter? An welchen Tagen? Wie viele Stunden im Monat?"),
    ),
    Question(
        "ort",
        ("near", "radius"),
        _("Wo möchten Sie sich engagieren?"),
        _("Wo wollen Sie helfen?"),
        _("Geben Sie eine Postleitzahl oder einen Ort an und wie weit Sie fahren möchten."),
        _("Schreiben Sie Ihre Post-Leit-Zahl oder Ihren Ort. Wie weit wollen Sie fahren?"),
    ),
    Question(
        "person",
        ("min_age_ok", "language", "barrier_free"),
        _("Wer sind Sie?"),
        _("Wer sind Sie?"),
        _("Ihr Alter, Ihre Sprachen und ob Sie einen barrierefreien Zugang brauchen."),
        _("Wie alt sind Sie? Welche Sprachen sprechen Sie? Brauchen Sie einen Zugang ohne Stufen?"),
    ),
    Question(
        "begleitung",
        ("with",),
        _("Mit wem möchten Sie sich engagieren?"),
        _("Mit wem wollen Sie helfen?"),
        _("Allein, mit Ihrer Familie, mit Freundinnen und Freunden oder als Team Ihrer Firma."),
        _("Wollen Sie allein helfen? Oder mit anderen Menschen zusammen?"),
    ),
)
TOTAL = len(QUESTIONS)
EASY_PARAM = "leicht"
# Every parameter the finder reads; others in the address (`q`, `sort`, `page`, …) are left out, so
# the finder never narrows by something it did not ask.
SEARCH_PARAMS = ("category", "activity", "schedule", "near", "radius", "min_age_ok", "barrier_free")
PLACE_PARAMS = ("city", "region")
ANSWER_PARAMS = tuple(param for question in QUESTIONS for param in question.params)
# The FilterSet's filters that narrow in the finder; topics, activities and schedule rank instead.
NARROWING = ("city", "min_age_ok", "barrier_free")

AGE_GROUPS = [
    ("6", _("unter 14 Jahre")),
    ("14", _("14 oder 15 Jahre")),
    ("16", _("16 oder 17 Jahre")),
    ("18", _("18 bis 59 Jahre")),
    ("60", _("60 Jahre oder älter")),
]
ADULT, SENIOR = 18, 60
DAYS = [
    ("weekdays", _("werktags")),
    ("weekends", _("am Wochenende")),
    ("evenings", _("abends")),
]
HOURS = [
    ("2", _("bis 2 Stunden im Monat")),
    ("4", _("bis 4 Stunden im Monat")),
    ("8", _("bis 8 Stunden im Monat")),
    ("16", _("bis 16 Stunden im Monat")),
    ("40", _("mehr als 16 Stunden im Monat")),
]
# Languages people bring, by code; found in an offer's "Sprachkenntnisse" by their names.
LANGUAGES = [
    ("de", _("Deutsch"), ("deutsch", "german")),
    ("en", _("Englisch"), ("englisch", "english")),
    ("ar", _("Arabisch"), ("arabisch", "arabic")),
    ("tr", _("Türkisch"), ("türkisch", "turkish")),
    ("uk", _("Ukrainisch"), ("ukrainisch", "ukrainian")),
    ("ru", _("Russisch"), ("russisch", "russian")),
    ("fa", _("Persisch"), ("persisch", "farsi", "dari", "persian")),
    ("pl", _("Polnisch"), ("polnisch", "polish")),
    ("fr", _("Französisch"), ("französisch", "french")),
    ("es", _("Spanisch"), ("spanisch", "spanish")),
    ("it", _("Italienisch"), ("italienisch", "italian")),
]
COMPANY = [
    ("alone", _("allein")),
    ("family", _("mit meiner Familie")),
    ("friends", _("mit Freundinnen und Freunden")),
    ("team", _("als Team meiner Firma")),
]
# Whom an offer suits (taxonomy.Suitability slugs) that fits an answer.
SUITS_COMPANY = {"family": "familien", "friends": "gruppen", "team": "gruppen"}
SUITS_YOUNG, SUITS_OLDER = "jugendliche", "senioren"


class FinderForm(forms.Form):
    """The answers that only the finder asks (the others are the search's own parameters)."""

    days = forms.MultipleChoiceField(
        label=_("An welchen Tagen?"),
        choices=DAYS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("„%(value)s“ ist keine Tageszeit, die wir kennen.")},
    )
    hours = forms.TypedChoiceField(
        label=_("Wie viel Zeit im Monat?"),
        choices=HOURS,
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("„%(value)s“ ist keine Stundenzahl, die wir anbieten.")},
    )
    language = forms.MultipleChoiceField(
        label=_("Welche Sprachen sprechen Sie?"),
        choices=[(code, name) for code, name, _words in LANGUAGES],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Die Sprache „%(value)s“ kennen wir nicht.")},
    )
    with_ = forms.ChoiceField(
        label=_("Mit wem?"),
        choices=COMPANY,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("„%(value)s“ können wir nicht zuordnen.")},
    )

    def add_prefix(self, field_name):
        # `with` is a Python keyword, so the field is `with_`; in the address it is `with`.
        return "with" if field_name == "with_" else super().add_prefix(field_name)


def answers_only(params):
    """The finder's part of a query string (a QueryDict): its own and the search's parameters, each
    without empty values, in a fixed order."""
    kept = QueryDict(mutable=True)
    for name in (*PLACE_PARAMS, *ANSWER_PARAMS, EASY_PARAM):
        values = [value for value in params.getlist(name) if value.strip()]
        if values:
            kept.setlist(name, values)
    return kept


# --- The score ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fit:
    """What an offer scores for one answer, and the words that say why: a text (a lazy translation)
    or a function giving it. All candidates are scored, but only the offers shown say why; building
    and translating every candidate's reasons cost more than scoring them."""

    points: int
    reason: object

    def text(self) -> str:
        return str(self.reason() if callable(self.reason) else self.reason)


@dataclass
class Answers:
    """What the person said, read from the two forms (nothing here is raw input)."""

    categories: list = field(default_factory=list)  # taxonomy.Category objects
    activities: list = field(default_factory=list)
    schedules: list[str] = field(default_factory=list)
    days: list[str] = field(default_factory=list)
    hours: int | None = None
    circle: object = None  # engagement.geo.circle.Circle
    age: int | None = None
    languages: list[str] = field(default_factory=list)
    barrier_free: bool = False
    company: str = ""


class Criterion(ABC):
    """One answer as points for an offer. `fields`: the offer's columns it reads; `relations`: the
    many-to-many relations whose slugs it reads (row["activities"] is a set of slugs)."""

    fields: tuple[str, ...] = ()
    relations: tuple[str, ...] = ()

    @abstractmethod
    def applies(self, answers: Answers) -> bool:
        """Whether the person's answers ask for this criterion at all."""

    @abstractmethod
    def fit(self, answers: Answers, row: dict) -> Fit | None:
        """The points and the reason this offer earns, or None."""


def names(terms):
    return ", ".join(term.display_name for term in terms[:2])


def joined(labels):
    return ", ".join(str(label) for label in labels)


class Topics(Criterion):
    fields = ("category_ids",)

    def applies(self, answers):
        return bool(answers.categories)

    def fit(self, answers, row):
        ids = {int(pk) for pk in (row["category_ids"] or "").split()}
        shared = [category for category in answers.categories if category.pk in ids]
        return Fit(3, partial(names, shared)) if shared else None


class Activities(Criterion):
    relations = ("activities",)

    def applies(self, answers):
        return bool(answers.activities)

    def fit(self, answers, row):
        shared = [activity for activity in answers.activities if activity.slug in row["activities"]]
        return Fit(3, partial(names, shared)) if shared else None


SCHEDULE_REASONS = {
    OpportunityPage.ScheduleKind.ONE_OFF: _("einmalig"),
    OpportunityPage.ScheduleKind.REGULAR: _("regelmäßig"),
    OpportunityPage.ScheduleKind.FLEXIBLE: _("zeitlich flexibel"),
}


class Schedule(Criterion):
    fields = ("schedule_kind",)

    def applies(self, answers):
        return bool(answers.schedules)

    def fit(self, answers, row):
        kind = row["schedule_kind"]
        if kind in answers.schedules or kind == OpportunityPage.ScheduleKind.FLEXIBLE:
            return Fit(2, SCHEDULE_REASONS[kind])
        return None


WEEKDAY_WORDS = re.compile(
    r"montag|dienstag|mittwoch|donnerstag|freitag|werktag|wochentag|monday|tuesday|"
    r"wednesday|thursday|friday|weekday|mo\.?\s*[-–]\s*fr"
)
WEEKEND_WORDS = re.compile(r"samstag|sonntag|wochenende|saturday|sunday|weekend")
EVENING_WORDS = re.compile(r"abend|evening|\b(1[7-9]|2[0-3])([:.]\d\d)?\s*(uhr|[-–])")


def day_slots(row):
    """When an offer takes place, as far as its data tells: the day of its date (one-off), the words
    of its rhythm (regular); flexible offers fit any time. An empty set: we cannot tell."""
    kind = row["schedule_kind"]
    if kind == OpportunityPage.ScheduleKind.FLEXIBLE:
        return {"weekdays", "weekends", "evenings"}
    slots = set()
    if kind == OpportunityPage.ScheduleKind.ONE_OFF and row["event_start"]:
        start = timezone.localtime(row["event_start"])
        slots.add("weekends" if start.weekday() >= 5 else "weekdays")
        if start.hour >= EVENING_HOUR:
            slots.add("evenings")
    rhythm = (row["rhythm"] or "").lower()
    if WEEKDAY_WORDS.search(rhythm):
        slots.add("weekdays")
    if WEEKEND_WORDS.search(rhythm):
        slots.add("weekends")
    if EVENING_WORDS.search(rhythm):
        slots.add("evenings")
    return slots


class Days(Criterion):
    fields = ("schedule_kind", "event_start", "rhythm")

    def applies(self, answers):
        return bool(answers.days)

    def fit(self, answers, row):
        if row["schedule_kind"] == OpportunityPage.ScheduleKind.FLEXIBLE:
            return Fit(len(answers.days), SCHEDULE_REASONS[row["schedule_kind"]])
        slots = day_slots(row)
        fitting = [label for value, label in DAYS if value in answers.days and value in slots]
        return Fit(len(fitting), partial(joined, fitting)) if fitting else None


def monthly_hours(row):
    """Hours a month the offer asks (regular: hours a week × 52/12), or of its one date; None if unknown."""
    if row["schedule_kind"] == OpportunityPage.ScheduleKind.ONE_OFF:
        if row["event_start"] and row["event_end"] and row["event_end"] > row["event_start"]:
            return Decimal((row["event_end"] - row["event_start"]).total_seconds()) / 3600
        return None
    if row["hours_per_week"]:
        return row["hours_per_week"] * WEEKS_PER_MONTH
    return None


class Hours(Criterion):
    fields = ("schedule_kind", "event_start", "event_end", "hours_per_week")

    def applies(self, answers):
        return answers.hours is not None

    def fit(self, answers, row):
        hours = monthly_hours(row)
        if hours is None or hours > answers.hours:
            return None
        return Fit(1, partial(hours_reason, row["schedule_kind"], max(1, round(hours))))


def hours_reason(kind, rounded):
    if kind == OpportunityPage.ScheduleKind.ONE_OFF:
        reason = ngettext("%(hours)s Std. einmalig", "%(hours)s Std. einmalig", rounded)
    else:
        reason = ngettext("etwa %(hours)s Std. im Monat", "etwa %(hours)s Std. im Monat", rounded)
    return reason % {"hours": rounded}


def distance_reason(km):
    return str(_("unter 1 km")) if km < 1 else str(_("%(km)s km") % {"km": round(km)})


class Distance(Criterion):
    """Nearer is better: within 2 km three points, within 5 km two, within the radius one.
    `row["distance_km"]`: from the place asked for, as the radius filter measures it (None without)."""

    fields = ("latitude", "longitude")

    def applies(self, answers):
        return answers.circle is not None

    def fit(self, answers, row):
        km = row["distance_km"]
        if km is None:
            return None
        points = 3 if km <= 2 else 2 if km <= 5 else 1
        return Fit(points, partial(distance_reason, km))


class Age(Criterion):
    """Young people and older people: offers that say they suit them (the age itself narrows)."""

    relations = ("suitable_for",)

    def applies(self, answers):
        return answers.age is not None and (answers.age < ADULT or answers.age >= SENIOR)

    def fit(self, answers, row):
        if answers.age < ADULT and SUITS_YOUNG in row["suitable_for"]:
            return Fit(2, _("für Jugendliche"))
        if answers.age >= SENIOR and SUITS_OLDER in row["suitable_for"]:
            return Fit(2, _("für Ältere"))
        return None


class Languages(Criterion):
    """A language the person speaks, named in the offer's "Sprachkenntnisse"."""

    fields = ("language_requirements",)

    def applies(self, answers):
        return bool(answers.languages)

    def fit(self, answers, row):
        text = (row["language_requirements"] or "").lower()
        spoken = [
            name
            for code, name, words in LANGUAGES
            if code in answers.languages and any(word in text for word in words)
        ]
        return Fit(2, partial(joined, spoken[:2])) if spoken else None


class BarrierFree(Criterion):
    fields = ("step_free_access",)

    def applies(self, answers):
        return answers.barrier_free

    def fit(self, answers, row):
        return Fit(1, _("barrierefrei")) if row["step_free_access"] else None


COMPANY_REASONS = {
    "family": _("mit Familie"),
    "friends": _("für Gruppen"),
    "team": _("für Firmenteams"),
}


class Company(Criterion):
    relations = ("suitable_for",)

    def applies(self, answers):
        return answers.company in SUITS_COMPANY

    def fit(self, answers, row):
        if SUITS_COMPANY[answers.company] in row["suitable_for"]:
            return Fit(2, COMPANY_REASONS[answers.company])
        return None


CRITERIA = (
    Topics(),
    Activities(),
    Schedule(),
    Days(),
    Hours(),
    Distance(),
    Age(),
    Languages(),
    BarrierFree(),
    Company(),
)


def score(answers: Answers, row: dict, criteria=CRITERIA, reasons=True):
    """The points of one offer and its reasons in the order of the questions (no reason twice);
    without `reasons`, the points and an empty list."""
    points, texts = 0, []
    for criterion in criteria:
        if not criterion.applies(answers):
            continue
        fit = criterion.fit(answers, row)
        if fit is None:
            continue
        points += fit.points
        if reasons and (text := fit.text()) and text not in texts:
            texts.append(text)
    return points, texts


# --- The finder ---------------------------------------------------------------------------------


class Finder:
    """The answers of one query string, read by the search's own `SearchQuery` plus `FinderForm`, and
    the offers ranked by fit."""

    capped = False  # more candidates than CANDIDATES: the newest are ranked

    def __init__(self, params=None, *, city=None):
        if not isinstance(params, QueryDict):
            params = QueryDict(params or "")
        self.answers_params = answers_only(params)
        self.easy = self.answers_params.get(EASY_PARAM) == "1"
        search_params = self.answers_params.copy()
        search_params.pop(EASY_PARAM, None)
        for name in ("days", "hours", "language", "with"):
            search_params.pop(name, None)
        self.search = SearchQuery(search_params, city=city)
        self.form = FinderForm(self.answers_params)
        self.is_valid = self.search.is_valid & self.form.is_valid()

    # --- What was asked -------------------------------------------------------------------------

    @cached_property
    def errors(self):
        errors = {name: list(messages) for name, messages in self.search.errors.items()}
        for name, messages in self.form.errors.items():
            errors.setdefault("with" if name == "with_" else name, []).extend(str(m) for m in messages)
        return errors

    def question_of(self, param):
        for number, question in enumerate(QUESTIONS, start=1):
            if param in question.params:
                return number
        return None

    @cached_property
    def answers(self) -> Answers:
        data = self.search.filterset.form.cleaned_data
        mine = self.form.cleaned_data
        return Answers(
            categories=list(data.get("category") or []),
            activities=list(data.get("activity") or []),
            schedules=list(data.get("schedule") or []),
            days=list(mine.get("days") or []),
            hours=mine.get("hours"),
            circle=self.search.circle,
            age=data.get("min_age_ok"),
            languages=list(mine.get("language") or []),
            barrier_free=bool(data.get("barrier_free")),
            company=mine.get("with_") or "",
        )

    def answered(self, question):
        return any(name in self.answers_params for name in question.params)

    # --- What it finds ---------------------------------------------------------------------------

    def candidates(self, box=True):
        """The offers that meet the narrowing answers (the FilterSet's own filters, the search's
        circle) and, if topics or activities were chosen, have at least one of them."""
        filterset = self.search.filterset
        data = filterset.form.cleaned_data
        offers = filterset.queryset
        for name in NARROWING:
            offers = filterset.filters[name].filter(offers, data.get(name))
        if self.search.circle is not None:
            offers = self.search.circle.filter(offers, box=box)
        interests = [
            filterset.filters[name].filter(offers, data.get(name))
            for name in ("category", "activity")
            if data.get(name)
        ]
        if interests:
            offers = interests[0] if len(interests) == 1 else interests[0] | interests[1]
        return offers

    @cached_property
    def criteria(self):
        return [criterion for criterion in CRITERIA if criterion.applies(self.answers)]

    @cached_property
    def ranked(self):
        """Every candidate (at most CANDIDATES, the newest if there are more) as (points, row), best
        first: by points, then nearest, then newest."""
        answers = self.answers
        criteria = self.criteria
        columns = {"pk", "first_published_at", "latitude", "longitude"}
        relations = set()
        for criterion in criteria:
            columns.update(criterion.fields)
            relations.update(criterion.relations)
        rows = self._candidate_rows(sorted(columns))
        for relation in sorted(relations):
            slugs = related_slugs(relation, [row["pk"] for row in rows])
            for row in rows:
                row[relation] = slugs.get(row["pk"], set())
        scored = []
        for row in rows:
            located = answers.circle is not None and None not in (row["latitude"], row["longitude"])
            row["distance_km"] = (
                answers.circle.approximate_km(row["latitude"], row["longitude"]) if located else None
            )
            points, _none = score(answers, row, criteria, reasons=False)
            distance = row["distance_km"] if located else math.inf
            published = row["first_published_at"].timestamp() if row["first_published_at"] else 0
            scored.append(((-points, distance, -published, -row["pk"]), points, row))
        scored.sort(key=lambda item: item[0])
        return [(points, row) for _key, points, row in scored]

    def _candidate_rows(self, columns):
        """The candidates' columns: all of them in any order when they are at most CANDIDATES (the
        ranking orders them; one query, answered from the filters' indexes), else the nearest
        CANDIDATES around the place asked for, or without a place the newest (walking the index of
        publication dates; without a tiebreaker, which would make PostgreSQL sort every candidate)."""
        rows = list(self.candidates().order_by().values(*columns)[: CANDIDATES + 1])
        self.capped = len(rows) > CANDIDATES
        if self.capped and self.search.circle is not None:
            # Around a place the nearest, walking the index that lists rows by distance (geo/nearest.py;
            # with the bounding box PostgreSQL would rather sort the whole box).
            nearest = results.ordering("distance")
            rows = list(self.candidates(box=False).order_by(*nearest).values(*columns)[:CANDIDATES])
        elif self.capped:
            rows = list(self.candidates().order_by("-first_published_at").values(*columns)[:CANDIDATES])
        return rows

    def page(self, number, size):
        """Page `number` of the ranked offers as cards (the search's own), each with `fit_points` and
        `fit_reasons`."""
        page = Paginator(self.ranked, size).get_page(number)
        found = {row["pk"]: score(self.answers, row, self.criteria) for _points, row in page.object_list}
        cards = self.search.cards([PageRef(row["pk"]) for _points, row in page.object_list])
        for card in cards:
            card.fit_points, card.fit_reasons = found[card.pk]
        page.object_list = cards
        return page

    # --- Addresses --------------------------------------------------------------------------------

    def query_string(self, without=(), **changes):
        params = self.answers_params.copy()
        for name in without:
            params.pop(name, None)
        for name, value in changes.items():
            if value is None:
                params.pop(name, None)
            else:
                params[name] = value
        return params.urlencode()

    def url(self, view, section_city=None, without=(), args=(), **changes):
        if section_city is not None:
            path = reverse(f"city_{view}", args=[section_city.slug, *args])
        else:
            path = reverse(view, args=args)
        query = self.query_string(without=without, **changes)
        return f"{path}?{query}" if query else path

    def alert_query(self):
        """What an alert keeps of these answers: the search's parameters that narrow (place, age,
        access) and the chosen topics. New offers are mailed by the search's rule, which needs every
        filter met; topics alone keep it close to what the finder ranked first."""
        params = QueryDict(mutable=True)
        for name in ("city", "region", "category", "near", "radius", "min_age_ok", "barrier_free"):
            values = self.search.params.getlist(name)
            if values:
                params.setlist(name, values)
        return params.urlencode()


def related_slugs(relation, ids):
    """{offer id: {slugs}} of one many-to-many relation of the offers `ids`, in one query."""
    field = OpportunityPage._meta.get_field(relation)
    through = field.remote_field.through
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    slugs = {}
    for offer, slug in through.objects.filter(**{f"{source}__in": ids}).values_list(
        source, f"{target}__slug"
    ):
        slugs.setdefault(offer, set()).add(slug)
    return slugs
