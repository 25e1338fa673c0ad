"""Finding needs: the query contract of the offers' search (`q`, `city`, `organisation`, `near`,
`radius`, `sort`, `page`) plus `kind` and `resource`, read by the offers' own forms and word matching
(search/filters.py, search/words.py, search/compounds.py), so that a link works on both tabs.
"""

import django_filters
from django import forms
from django.db.models import Case, F, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _

from engagement.cities.models import CityPage
from engagement.organisations.models import Organisation
from search.compounds import substring_condition
from search.filters import SearchForm, SlugMultipleChoiceFilter, unknown, without_empty_values
from search.words import concepts, unique

from .models import NeedPage, folded

NEED_SORTS = [
    ("relevance", _("Beste Treffer")),
    ("newest", _("Neueste zuerst")),
    ("distance", _("Kürzeste Entfernung")),
]


class NeedSearchForm(SearchForm):
    """Words, place and radius as on the offers' tab; only the orders that mean something for needs."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].label = _("Was suchen Sie?")
        self.fields["sort"].choices = NEED_SORTS


class NeedFilterSet(django_filters.FilterSet):
    kind = django_filters.MultipleChoiceFilter(
        label=_("Art"),
        choices=NeedPage.Kind.choices,
        distinct=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("„%(value)s“ ist keine Art von Eintrag.")},
    )
    resource = django_filters.MultipleChoiceFilter(
        label=_("Was"),
        choices=NeedPage.Resource.choices,
        distinct=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("„%(value)s“ kennen wir hier nicht.")},
    )
    city = SlugMultipleChoiceFilter(
        label=_("Städte"),
        queryset=CityPage.objects.live().order_by("title"),
        field_name="city",
        error_messages=unknown(_("Die Stadt")),
    )
    organisation = SlugMultipleChoiceFilter(
        label=_("Organisationen"),
        queryset=Organisation.objects.verified(),
        field_name="organisation",
        error_messages=unknown(_("Die Organisation")),
    )

    class Meta:
        model = NeedPage
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(without_empty_values(data), *args, **kwargs)


class NeedSearch:
    """One search of needs as the request asks for it."""

    def __init__(self, params, section_city=None):
        self.params = params.copy()
        self.section_city = section_city
        if section_city is not None and "city" not in self.params:
            self.params.setlist("city", [section_city.slug])
        self.form = NeedSearchForm(self.params)
        self.filterset = NeedFilterSet(self.params, queryset=NeedPage.objects.listed())
        self.is_valid = self.form.is_valid() & self.filterset.is_valid()

    @property
    def messages(self):
        return [
            message for errors in (self.form.errors, self.filterset.errors) for message in errors.values()
        ]

    @property
    def words(self) -> str:
        return self.form.cleaned_data["query"] if self.is_valid else ""

    @property
    def circle(self):
        return self.form.cleaned_data["circle"] if self.is_valid else None

    def sort(self) -> str:
        return self.form.chosen_sort()

    def results(self):
        """The matching needs in the chosen order (a queryset; `matched` counts the words each meets,
        `nearness` is set when a place was given)."""
        needs = self.filterset.qs.for_listing()
        circle = self.circle
        if circle is not None:
            needs = circle.filter(needs)
        weights = []
        for concept in concepts(self.words):
            condition = substring_condition(
                unique([folded(alternative) for alternative in concept.alternatives])
            )
            if condition is not None:
                weights.append(
                    Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())
                )
        if weights:
            matched = weights[0]
            for weight in weights[1:]:
                matched = matched + weight
            needs = needs.annotate(matched=matched).filter(matched__gt=0)
        order = {
            "relevance": ["-matched", "-last_published_at", "-pk"]
            if weights
            else ["-last_published_at", "-pk"],
            "newest": ["-last_published_at", "-pk"],
            "distance": [F("nearness").asc(nulls_last=True), "-pk"] if circle is not None else ["-pk"],
        }[self.sort()]
        return needs.order_by(*order)
