"""Filters of the organisation's application list; the choices are the member's own opportunities."""

import django_filters
from django.utils.translation import gettext_lazy as _

from engagement.opportunities.models import OpportunityPage

from .models import Application


class ApplicationFilterSet(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Application.Status.choices, empty_label=_("Alle")
    )
    opportunity = django_filters.ModelChoiceFilter(
        label=_("Angebot"), queryset=OpportunityPage.objects.none(), empty_label=_("Alle Angebote")
    )

    waiting_list = django_filters.ChoiceFilter(
        label=_("Warteliste"),
        choices=[("true", _("Nur Warteliste")), ("false", _("Ohne Warteliste"))],
        empty_label=_("Alle"),
        method="filter_waiting_list",
    )

    class Meta:
        model = Application
        fields = ["status", "opportunity", "waiting_list"]

    def filter_waiting_list(self, queryset, name, value):
        return queryset.filter(on_waiting_list=value == "true")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["opportunity"].queryset = OpportunityPage.objects.of_member(user).order_by("title")
        # An unknown value is ignored (the whole list shows), never an error page.
        self.form.fields["opportunity"].error_messages["invalid_choice"] = _("Dieses Angebot gibt es nicht.")
