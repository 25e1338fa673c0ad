"""The Engagement-Finder's pages: `/finder/` (start), `/finder/frage/<n>/` (one question a page, a
GET form), `/finder/ergebnis/` (the ranked offers); inside a city's section under `/<stadt>/finder/`.

Every page carries the answers given so far in its address. A question's form sends its own answers
plus the others as hidden fields back to the same question with `weiter=1`: valid answers go on to the
next question (a redirect, so the address stays the answers only), wrong ones show the message there.
"""

from dataclasses import dataclass, field

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from engagement.cities.models import CityPage
from engagement.cities.sites import city_for_request
from engagement.operations.pagecache import SITE, cache_publicly
from engagement.opportunities.cache_tags import OFFERS
from engagement.opportunities.models import OpportunityPage
from engagement.opportunities.page_cache import listings_change_at

from .filters import DEFAULT_RADIUS_KM
from .finder import (
    AGE_GROUPS,
    COMPANY,
    DAYS,
    EASY_PARAM,
    HOURS,
    LANGUAGES,
    QUESTIONS,
    SCHEDULE_REASONS,
    TOTAL,
    Finder,
)

PAGE_SIZE = 20
RADII = [("2", _("2 km")), ("5", _("5 km")), ("10", _("10 km")), ("25", _("25 km")), ("50", _("50 km"))]
DEFAULT_RADIUS = str(DEFAULT_RADIUS_KM)  # checked when the address names none
SCHEDULES = [
    (OpportunityPage.ScheduleKind.ONE_OFF, _("einmalig, zum Beispiel bei einem Fest"), _("einmal")),
    (
        OpportunityPage.ScheduleKind.REGULAR,
        _("regelmäßig, zum Beispiel jede Woche"),
        _("öfter, zum Beispiel jede Woche"),
    ),
]


@dataclass
class Group:
    """One fieldset of a question: checkboxes, radio buttons or a text field."""

    name: str
    legend: str
    kind: str  # "checkbox", "radio", "text"
    choices: list = field(default_factory=list)  # (value, label, checked)
    value: str = ""
    hint: str = ""
    errors: list = field(default_factory=list)

    @property
    def id(self):
        return f"finder-{self.name}"


@dataclass(frozen=True)
class GroupSpec:
    """A fieldset of a question: its parameter, legend (standard and easy), kind and choices
    (`options(finder)` → [(value, label)]), and the label of "no answer" for radio buttons."""

    name: str
    legend: str
    easy_legend: str
    kind: str
    options: object = None
    empty: str | None = None
    hint: str = ""


def _terms(name):
    return lambda finder: [
        (term.slug, term.display_name) for term in finder.search.filterset.filters[name].queryset
    ]


def _fixed(choices):
    return lambda finder: [(value, label) for value, label, *_rest in choices]


def _schedules(finder):
    return [(value, simple if finder.easy else standard) for value, standard, simple in SCHEDULES]


def _barrier_free(finder):
    if finder.easy:
        return [("1", _("Ich brauche einen Zugang ohne Stufen. Zum Beispiel für einen Rollstuhl."))]
    return [("1", _("Ich brauche einen barrierefreien Zugang."))]


NO_ANSWER = _("keine Angabe")
GROUPS = {
    1: [GroupSpec("category", _("Themen"), _("Themen"), "checkbox", _terms("category"))],
    2: [GroupSpec("activity", _("Tätigkeiten"), _("Das mache ich gern"), "checkbox", _terms("activity"))],
    3: [
        GroupSpec("schedule", _("Wie oft?"), _("Wie oft wollen Sie helfen?"), "checkbox", _schedules),
        GroupSpec("days", _("An welchen Tagen?"), _("Wann haben Sie Zeit?"), "checkbox", _fixed(DAYS)),
        GroupSpec(
            "hours",
            _("Wie viel Zeit im Monat?"),
            _("Wie viele Stunden im Monat?"),
            "radio",
            _fixed(HOURS),
            empty=NO_ANSWER,
        ),
    ],
    4: [
        GroupSpec(
            "near",
            _("Postleitzahl oder Ort"),
            _("Post-Leit-Zahl oder Ort"),
            "text",
            hint=_("Zum Beispiel 76275 oder Ettlingen"),
        ),
        GroupSpec(
            "radius",
            _("Wie weit höchstens?"),
            _("Wie weit wollen Sie höchstens fahren?"),
            "radio",
            _fixed(RADII),
        ),
    ],
    5: [
        GroupSpec(
            "min_age_ok", _("Ihr Alter"), _("Wie alt sind Sie?"), "radio", _fixed(AGE_GROUPS), NO_ANSWER
        ),
        GroupSpec(
            "language", _("Ihre Sprachen"), _("Welche Sprachen sprechen Sie?"), "checkbox", _fixed(LANGUAGES)
        ),
        GroupSpec("barrier_free", _("Barrierefreiheit"), _("Zugang ohne Stufen"), "checkbox", _barrier_free),
    ],
    6: [GroupSpec("with", _("Mit wem?"), _("Mit wem?"), "radio", _fixed(COMPANY), NO_ANSWER)],
}


def _groups(finder, number):
    """The fieldsets of question `number`, filled with the answers in the address."""
    groups = []
    for spec in GROUPS[number]:
        chosen = finder.answers_params.getlist(spec.name)
        choices = []
        if spec.options is not None:
            choices = [(str(value), label, str(value) in chosen) for value, label in spec.options(finder)]
            if spec.empty is not None:
                choices.insert(0, ("", spec.empty, not any(checked for _v, _l, checked in choices)))
            elif spec.name == "radius" and not chosen:
                choices = [(value, label, value == DEFAULT_RADIUS) for value, label, _c in choices]
        groups.append(
            Group(
                spec.name,
                spec.easy_legend if finder.easy else spec.legend,
                spec.kind,
                choices,
                value=finder.answers_params.get(spec.name, "") if spec.kind == "text" else "",
                hint=spec.hint,
                errors=finder.errors.get(spec.name, []),
            )
        )
    return groups


def _labels(choices, values):
    chosen = {str(value) for value in values}
    return [str(label) for value, label, *_rest in choices if str(value) in chosen]


def _answer_labels(finder, number):
    """What was answered to question `number`, in words ("Soziales", "75015, 10 km")."""
    answers = finder.answers
    if number == 1:
        return [category.display_name for category in answers.categories]
    if number == 2:
        return [activity.display_name for activity in answers.activities]
    if number == 3:
        hours = [answers.hours] if answers.hours is not None else []
        return (
            [str(SCHEDULE_REASONS[kind]) for kind in answers.schedules]
            + _labels(DAYS, answers.days)
            + _labels(HOURS, hours)
        )
    if number == 4:
        if answers.circle is None:
            return []
        return [f"{finder.answers_params.get('near')}, {answers.circle.radius_km:g} km"]
    if number == 5:
        age = _labels(AGE_GROUPS, [answers.age]) if answers.age is not None else []
        if answers.age is not None and not age:
            age = [_("%(age)s Jahre") % {"age": answers.age}]
        access = [str(_("barrierefreier Zugang"))] if answers.barrier_free else []
        return age + _labels(LANGUAGES, answers.languages) + access
    return _labels(COMPANY, [answers.company]) if answers.company else []


def _section(city_slug):
    return get_object_or_404(CityPage.objects.live(), slug=city_slug) if city_slug else None


def _finder(request, section_city):
    return Finder(request.GET, city=section_city or city_for_request(request))


def _base_context(finder, section_city):
    return {
        "finder": finder,
        "section_city": section_city,
        "total": TOTAL,
        "easy": finder.easy,
        "easy_url": finder.query_string(**{EASY_PARAM: None if finder.easy else "1"}),
    }


def start(request, city_slug=None):
    """The start page: what the finder does, and the first question."""
    section_city = _section(city_slug)
    finder = _finder(request, section_city)
    context = _base_context(finder, section_city)
    context["first_url"] = finder.url("finder_question", section_city, args=[1])
    context["results_url"] = finder.url("finder_results", section_city)
    return render(request, "search/finder_start.html", context)


def question(request, number, city_slug=None):
    """Question `number` of six, its answers taken from the address."""
    if not 1 <= number <= TOTAL:
        raise Http404
    section_city = _section(city_slug)
    finder = _finder(request, section_city)
    asked = QUESTIONS[number - 1]
    groups = _groups(finder, number)
    has_errors = any(group.errors for group in groups)
    if number < TOTAL:
        next_url = finder.url("finder_question", section_city, args=[number + 1])
        skip_url = finder.url("finder_question", section_city, without=asked.params, args=[number + 1])
    else:
        next_url = finder.url("finder_results", section_city)
        skip_url = finder.url("finder_results", section_city, without=asked.params)
    if request.GET.get("weiter") and not has_errors:
        return redirect(next_url)
    if number > 1:
        back_url = finder.url("finder_question", section_city, args=[number - 1])
    else:
        back_url = finder.url("finder", section_city)
    hidden = [
        (name, value)
        for name, values in finder.answers_params.lists()
        if name not in asked.params
        for value in values
    ]
    context = _base_context(finder, section_city)
    context.update(
        number=number,
        question=asked,
        title=asked.easy_title if finder.easy else asked.title,
        hint=asked.easy_hint if finder.easy else asked.hint,
        groups=groups,
        has_errors=has_errors,
        hidden=hidden,
        action=_path("finder_question", section_city, number),
        back_url=back_url,
        skip_url=skip_url,
        results_url=finder.url("finder_results", section_city),
    )
    return render(request, "search/finder_question.html", context, status=400 if has_errors else 200)


def results(request, city_slug=None):
    """The current offers, best fit first, each with the reasons it fits."""
    section_city = _section(city_slug)
    finder = _finder(request, section_city)
    context = _base_context(finder, section_city)
    summary = []
    for number, asked in enumerate(QUESTIONS, start=1):
        summary.append(
            {
                "number": number,
                "title": asked.easy_title if finder.easy else asked.title,
                "answered": finder.answered(asked),
                "labels": _answer_labels(finder, number) if finder.is_valid else [],
                "url": finder.url("finder_question", section_city, args=[number]),
            }
        )
    context.update(
        summary=summary,
        restart_url=_path("finder", section_city),
        first_url=finder.url("finder_question", section_city, args=[1]),
        answered_any=any(step["answered"] for step in summary),
        answers_line="; ".join(", ".join(step["labels"]) for step in summary if step["labels"]),
    )
    if not finder.is_valid:
        context["problems"] = [
            {
                "message": message,
                "url": finder.url("finder_question", section_city, args=[finder.question_of(name) or 1]),
            }
            for name, messages in finder.errors.items()
            for message in messages
        ]
        return render(request, "search/finder_results.html", context, status=400)
    page = finder.page(request.GET.get("page"), PAGE_SIZE)
    context.update(
        page_obj=page,
        capped=finder.capped,
        share_url=finder.url("finder_results", section_city),
        alert_url=_alert_url(finder),
        search_url=_search_url(finder, section_city),
        pagination_query=finder.query_string(page=None),
    )
    return cache_publicly(
        render(request, "search/finder_results.html", context), {SITE, OFFERS}, listings_change_at()
    )


def _path(view, section_city, *args):
    if section_city is not None:
        return reverse(f"city_{view}", args=[section_city.slug, *args])
    return reverse(view, args=args)


def _alert_url(finder):
    query = finder.alert_query()
    return f"{reverse('alerts:new')}?{query}" if query else reverse("alerts:new")


def _search_url(finder, section_city):
    """The search page with the answers it has filters for (there every filter narrows)."""
    params = finder.search.params.copy()
    path = reverse("city_search", args=[section_city.slug]) if section_city else reverse("search")
    return f"{path}?{params.urlencode()}" if params else path
