"""The one definition of how opportunities are searched: the HTML page, feeds and the API use it.

Query-string contract: q, city, organisation, category, activity, target_group (slugs, repeatable),
schedule, remote,
near + radius, date_from / date_to, min_age_ok, youth, inclusion (repeatable, all must hold),
no_certificate, open, sort, page. `barrier_free=1` is the older name of `inclusion=step_free` (saved links,
alerts and feeds keep working; the search page redirects it).
"""

import re

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from engagement.cities.models import CityPage
from engagement.geo.circle import Circle
from engagement.geo.geocoders import GeocodingError, locate_place, suggest_places
from engagement.opportunities import inclusion, youth
from engagement.opportunities.models import OpportunityPage
from engagement.organisations.models import Organisation
from engagement.taxonomy.models import Activity, Category, TargetGroup

from .coordinates import CoordinatesOutOfRange, parse_coordinates

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")

DEFAULT_RADIUS_KM = 10
MAX_RADIUS_KM = 100
SORTS = [
    ("relevance", _("Beste Treffer")),
    ("newest", _("Neueste zuerst")),
    ("distance", _("Kürzeste Entfernung")),
    ("deadline", _("Bewerbungsschluss")),
    ("date", _("Termin")),
]


class SlugMultipleChoiceFilter(django_filters.ModelMultipleChoiceFilter):
    """`?city=bretten&city=ettlingen`: several values, matched by slug, any of them."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        # A foreign key or EXISTS (below) never repeats a row: no DISTINCT (django-filter's default),
        # which would sort every matching page by all its columns.
        kwargs.setdefault("distinct", False)
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        super().__init__(*args, **kwargs)

    def get_filter_predicate(self, v):
        # The chosen object itself (`city_id = 3`), found by its slug in the form field.
        return {self.field_name: v}


class RelatedSlugFilter(SlugMultipleChoiceFilter):
    """A many-to-many relation (`activities__slug`) tested with EXISTS per row instead of a join plus
    DISTINCT: the DISTINCT over every column of the page made PostgreSQL sort all matching rows for the
    count and again for the page (240 ms at 100 000 opportunities); EXISTS keeps one row per page, so the
    count can stop early and the newest rows come straight from an index."""

    def filter(self, qs, value):
        if not value:
            return qs
        relation = qs.model._meta.get_field(self.field_name.split("__")[0])
        rows = relation.remote_field.through.objects.filter(
            **{relation.m2m_field_name(): OuterRef("pk"), f"{relation.m2m_reverse_field_name()}__in": value}
        )
        return qs.filter(Exists(rows))


class CategoryFilter(SlugMultipleChoiceFilter):
    """Topics, tested on the opportunity's own `category_ids` (any of the chosen ones): on PostgreSQL
    its GIN index narrows together with city, place and words, where EXISTS on the link table was a
    lookup per candidate row (5 000 lookups for "Betreuung" in Ettlingen's 10 km at 100 000 offers)."""

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(category_ids__overlaps=[category.pk for category in value])


def unknown(thing):
    return {"invalid_choice": _("%(thing)s „%%(value)s“ kennen wir nicht.") % {"thing": thing}}


YES = {"1", "on"}  # the contract's value, and what a checkbox without a value sends (older saved links)


class YesWidget(forms.CheckboxInput):
    """A checkbox that sends `1` and hands the field what was sent: Django's own checkbox turns any
    text but "false" into True, so `barrier_free=0` used to narrow like `barrier_free=1`."""

    def __init__(self, attrs=None):
        super().__init__({"value": "1", **(attrs or {})}, check_test=lambda value: value in YES)

    def value_from_datadict(self, data, files, name):
        return data.get(name)


class YesField(forms.Field):
    widget = YesWidget
    default_error_messages = {"invalid": _("Hier gibt es nur 1 (ja); „%(value)s“ geht nicht.")}

    def to_python(self, value):
        if value in (None, ""):
            return None
        if value in YES:
            return True
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid", params={"value": value})


class YesFilter(django_filters.Filter):
    """`?barrier_free=1`: only "1" narrows; empty is no filter; anything else is an error."""

    field_class = YesField


class InclusionFilter(django_filters.MultipleChoiceFilter):
    """`?inclusion=step_free&inclusion=quiet_place`: offers that promise every chosen feature (someone
    who needs step-free access and a quiet place needs both), one condition per feature
    (inclusion.predicate, which the counts use too)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", inclusion.CHOICES)
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        kwargs.setdefault("distinct", False)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        for slug in value or []:
            qs = qs.filter(inclusion.predicate(slug))
        return qs


class AgeFilter(django_filters.NumberFilter):
    """The volunteer's age in whole years."""

    field_class = forms.IntegerField


def without_empty_values(data):
    """A copy of the query without its empty values: they mean "no filter" ("Alle Städte" sends
    city=), not an unknown city. None stays None (an unbound FilterSet)."""
    if data is None:
        return None
    data = data.copy()
    for key in list(data.keys()):
        values = [value for value in data.getlist(key) if value.strip()]
        if values:
            data.setlist(key, values)
        else:
            del data[key]
    return data


class FilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("„Termin bis“ liegt vor „Termin ab“. Bitte prüfen Sie die Daten."))
        return cleaned


class OpportunityFilterSet(django_filters.FilterSet):
    city = SlugMultipleChoiceFilter(
        label=_("Städte"),
        queryset=CityPage.objects.live().order_by("title"),
        field_name="city",  # the id from the slug: PostgreSQL knows its row count, not of a joined slug
        error_messages=unknown(_("Die Stadt")),
    )
    # The offers of one organisation (its profile's feeds); not among the page's filters.
    organisation = SlugMultipleChoiceFilter(
        label=_("Organisationen"),
        queryset=Organisation.objects.verified(),
        field_name="organisation",
        error_messages=unknown(_("Die Organisation")),
    )
    category = CategoryFilter(
        label=_("Themen"),
        queryset=Category.objects.all(),
        field_name="category_ids",
        error_messages=unknown(_("Das Thema")),
    )
    activity = RelatedSlugFilter(
        label=_("Tätigkeiten"),
        queryset=Activity.objects.all(),
        field_name="activities__slug",
        error_messages=unknown(_("Die Tätigkeit")),
    )
    target_group = RelatedSlugFilter(
        label=_("Zielgruppen"),
        queryset=TargetGroup.objects.all(),
        field_name="target_groups__slug",
        error_messages=unknown(_("Die Zielgruppe")),
    )
    schedule = django_filters.MultipleChoiceFilter(
        label=_("Zeitlicher Rahmen"),
        choices=OpportunityPage.ScheduleKind.choices,
        field_name="schedule_kind",
        distinct=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("„%(value)s“ ist kein zeitlicher Rahmen.")},
    )
    remote = django_filters.ChoiceFilter(
        label=_("Ortsunabhängig"),
        choices=[("1", _("nur ortsunabhängige")), ("0", _("nur mit Ort"))],
        method="filter_remote",
        empty_label=_("egal"),
        error_messages={"invalid_choice": _("Für „Ortsunabhängig“ gibt es nur 1 oder 0.")},
    )
    date_from = django_filters.DateFilter(
        label=_("Termin ab"),
        field_name="event_start",
        lookup_expr="date__gte",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Bitte geben Sie ein Datum wie 2026-12-24 an.")},
    )
    date_to = django_filters.DateFilter(
        label=_("Termin bis"),
        field_name="event_start",
        lookup_expr="date__lte",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Bitte geben Sie ein Datum wie 2026-12-24 an.")},
    )
    min_age_ok = AgeFilter(
        label=_("Ihr Alter"),
        method="filter_age",
        min_value=0,
        max_value=120,
        widget=forms.NumberInput(attrs={"min": 6, "max": 120}),
        error_messages={
            "invalid": _("Bitte geben Sie Ihr Alter als ganze Zahl an."),
            "min_value": _("Das Alter kann nicht kleiner als 0 sein."),
            "max_value": _("Bitte geben Sie ein Alter bis 120 an."),
        },
    )
    youth = django_filters.ChoiceFilter(
        label=_("Junge Freiwillige"),
        choices=youth.CHOICES,
        method="filter_youth",
        empty_label=_("egal"),
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("„%(value)s“ ist keine Altersangabe, die wir kennen.")},
    )
    inclusion = InclusionFilter(
        label=_("Barrierefreiheit und Inklusion"),
        error_messages={
            "invalid_choice": _("„%(value)s“ ist keine Angabe zur Barrierefreiheit, die wir kennen.")
        },
    )
    # The older name of `inclusion=step_free`: saved searches, alerts and feeds still send it.
    barrier_free = YesFilter(label=_("Stufenloser Zugang"), method="filter_yes")
    no_certificate = YesFilter(label=_("Ohne Führungszeugnis"), method="filter_yes")
    open = YesFilter(label=_("Nur mit freien Plätzen"), method="filter_yes")

    class Meta:
        model = OpportunityPage
        fields = []
        form = FilterForm

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(without_empty_values(data), *args, **kwargs)

    def filter_remote(self, queryset, name, value):
        return queryset.filter(is_remote=value == "1")

    def filter_age(self, queryset, name, value):
        return queryset.filter(youth.welcomes_age(value))

    def filter_youth(self, queryset, name, value):
        return queryset.filter(youth.predicate(value)) if value else queryset

    def filter_yes(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(
            {
                "barrier_free": inclusion.predicate("step_free"),
                "no_certificate": Q(requires_extended_certificate=False),
                "open": Q(
                    recruitment_status__in=[
                        OpportunityPage.RecruitmentStatus.OPEN,
                        OpportunityPage.RecruitmentStatus.FEW_PLACES,
                    ]
                ),
            }[name]
        )


class SearchForm(forms.Form):
    """The parameters that are not plain filters: words, place and radius, order."""

    q = forms.CharField(
        label=_("Was möchten Sie tun?"),
        max_length=200,
        required=False,
        error_messages={"max_length": _("Bitte suchen Sie mit höchstens 200 Zeichen.")},
    )
    near = forms.CharField(
        label=_("In der Nähe von"), max_length=100, required=False, help_text=_("Postleitzahl oder Ort")
    )
    radius = forms.IntegerField(
        label=_("Umkreis (km)"),
        required=False,
        min_value=1,
        max_value=MAX_RADIUS_KM,
        error_messages={
            "min_value": _("Der Umkreis muss mindestens 1 km sein."),
            "max_value": _("Der Umkreis darf höchstens %(limit_value)s km sein."),
            "invalid": _("Bitte geben Sie den Umkreis als ganze Zahl in km an."),
        },
    )
    sort = forms.ChoiceField(
        label=_("Sortierung"),
        choices=SORTS,
        required=False,
        error_messages={"invalid_choice": _("„%(value)s“ ist keine Sortierung.")},
    )

    def clean(self):
        cleaned = super().clean()
        near = (cleaned.get("near") or "").strip()
        cleaned["origin"] = None
        try:
            coordinates = parse_coordinates(near)
        except CoordinatesOutOfRange:
            coordinates = None
            self.add_error("near", _("„%(place)s“ sind keine gültigen Koordinaten.") % {"place": near})
        if coordinates:
            cleaned["origin"] = coordinates
        elif near and not self.has_error("near"):
            try:
                location = locate_place(near)
            except GeocodingError:
                self.add_error(
                    "near",
                    _(
                        "Den Ort „%(place)s“ können wir gerade nicht nachschlagen. Bitte versuchen Sie es "
                        "mit einer Postleitzahl oder später noch einmal."
                    )
                    % {"place": near},
                )
                location = False
            if location is None:
                suggestions = suggest_places(near)
                message = _("Den Ort „%(place)s“ kennen wir nicht.") % {"place": near}
                if suggestions:
                    message += " " + _("Meinten Sie: %(places)s?") % {"places": ", ".join(suggestions)}
                self.add_error("near", message)
            elif location:
                cleaned["origin"] = (location.latitude, location.longitude)
        if cleaned.get("sort") == "distance" and not near:
            self.add_error("sort", _("Zum Sortieren nach Entfernung geben Sie bitte einen Ort an."))
        # What the search needs: the words, and the circle around the place (or None).
        # Control characters mean nothing in a search, and XML (the feed) cannot even carry them.
        cleaned["query"] = " ".join(CONTROL_CHARACTERS.sub(" ", cleaned.get("q") or "").split())
        cleaned["circle"] = (
            Circle(cleaned["origin"], cleaned.get("radius") or DEFAULT_RADIUS_KM)
            if cleaned["origin"]
            else None
        )
        return cleaned

    def chosen_sort(self, default=None):
        """The order asked for; else `default`, or best matches for words, nearest first for a place,
        newest otherwise."""
        data = self.cleaned_data
        if data["sort"]:
            return data["sort"]
        return default or ("relevance" if data["query"] else ("distance" if data["circle"] else "newest"))
