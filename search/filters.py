"""The one definition of how opportunities are searched: the HTML page, feeds and the API use it."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from engagement.cities.models import CityPage
from engagement.opportunities.models import OpportunityPage
from engagement.taxonomy.models import Category


class SlugMultipleChoiceFilter(django_filters.ModelMultipleChoiceFilter):
    """`?city=bretten&city=ettlingen`: several values, matched by slug, any of them."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        super().__init__(*args, **kwargs)


class OpportunityFilterSet(django_filters.FilterSet):
    city = SlugMultipleChoiceFilter(
        label=_("Städte"),
        queryset=CityPage.objects.live().order_by("title"),
        field_name="city__slug",
        error_messages={"invalid_choice": _("Die Stadt „%(value)s“ kennen wir nicht.")},
    )
    category = SlugMultipleChoiceFilter(
        label=_("Themen"),
        queryset=Category.objects.all(),
        field_name="categories__slug",
        distinct=True,
        error_messages={"invalid_choice": _("Das Thema „%(value)s“ kennen wir nicht.")},
    )

    class Meta:
        model = OpportunityPage
        fields = ["city", "category"]
