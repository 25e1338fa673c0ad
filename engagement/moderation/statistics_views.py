"""The "Statistik" report in the admin: a city's editors see their city, administrators any or all."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from engagement.cities.access import cities_edited_by
from engagement.cities.models import CityPage
from engagement.hours.templatetags.hours_tags import hours_number
from engagement.spreadsheets import SpreadsheetExport

from .charts import bar_chart
from .statistics import DEFAULT_PERIOD_MONTHS, PERIOD_CHOICES, Period, cached_city_statistics


class StatisticsFilterForm(forms.Form):
    city = forms.ModelChoiceField(
        queryset=None, required=False, label=_("Stadt"), empty_label=_("Alle Städte")
    )
    months = forms.TypedChoiceField(
        choices=PERIOD_CHOICES, coerce=int, required=False, label=_("Zeitraum"), initial=DEFAULT_PERIOD_MONTHS
    )

    def __init__(self, *args, cities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = CityPage.objects.filter(pk__in=[city.pk for city in cities]).order_by(
            "title"
        )
        if len(cities) == 1:  # an editor of one city: nothing to choose, no "all cities"
            self.fields["city"].empty_label = None


class CityStatisticsView(SpreadsheetExport, WagtailAdminTemplateMixin, TemplateView):
    template_name = "moderation/statistics.html"
    page_title = _("Statistik")
    header_icon = "table"
    list_export = ["city", "section", "label", "value"]
    export_headings = {
        "city": _("Stadt"),
        "section": _("Bereich"),
        "label": _("Kennzahl"),
        "value": _("Wert"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not self.allowed_cities:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def allowed_cities(self):
        return list(cities_edited_by(self.request.user).order_by("title"))

    @cached_property
    def form(self):
        return StatisticsFilterForm(self.request.GET or None, cities=self.allowed_cities)

    @cached_property
    def selection(self):
        """The chosen cities and period; what is not offered (another city's id) falls back to the default."""
        city, months = None, DEFAULT_PERIOD_MONTHS
        if self.form.is_bound:
            self.form.is_valid()  # each valid field counts on its own; an invalid one keeps its default
            city = self.form.cleaned_data.get("city")
            months = self.form.cleaned_data.get("months") or DEFAULT_PERIOD_MONTHS
        if city is None and len(self.allowed_cities) == 1:
            city = self.allowed_cities[0]
        cities = [city] if city else self.allowed_cities
        return city, cities, Period.last_months(months)

    @cached_property
    def report(self):
        _city, cities, period = self.selection
        return cached_city_statistics(cities, period)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_filename(self):
        city, _cities, period = self.selection
        scope = city.slug if city else "alle-staedte"
        return f"statistik-{scope}-{period.start:%Y-%m}-{period.today:%Y-%m}"

    def export_rows(self):
        city, _cities, _period = self.selection
        report = self.report
        city_name = city.title if city else gettext("Alle Städte")
        sections = [
            (gettext("Angebote online nach Thema"), report.live_by_category),
            (gettext("Angebote online nach Zeitmodell"), report.live_by_schedule),
            (gettext("Neue Organisationen je Monat"), report.organisations_by_month),
            (gettext("Bewerbungen je Monat"), report.applications_by_month),
        ]
        rows = [
            {"city": city_name, "section": section, "label": row.label, "value": row.value}
            for section, section_rows in sections
            for row in section_rows
        ]
        promise = gettext("Antwortversprechen je Organisation")
        for row in report.promise_by_organisation:
            label = f"{row.organisation}: {gettext('innerhalb der Frist beantwortet (%)')}"
            rows.append({"city": city_name, "section": promise, "label": label, "value": row.share})
        summary = gettext("Zusammenfassung")
        for label, value in self.summary():
            rows.append({"city": city_name, "section": summary, "label": label, "value": value})
        return rows

    def summary(self):
        report = self.report
        share = report.answered_share
        median = report.median_days_to_answer
        return [
            (gettext("Angebote online"), report.live_total),
            (gettext("Bewerbungen im Zeitraum"), sum(row.value for row in report.applications_by_month)),
            (gettext("Davon mindestens 7 Tage alt"), report.applications_due),
            (gettext("Innerhalb von 7 Tagen beantwortet"), report.answered_within_window),
            (gettext("Anteil innerhalb von 7 Tagen beantwortet (%)"), "–" if share is None else share),
            (gettext("Median der Tage bis zur ersten Antwort"), "–" if median is None else median),
            (gettext("Abgelaufen, ohne besetzt zu sein"), report.expired_unfilled),
            (gettext("Bestätigte Engagementstunden"), hours_number(report.hours_confirmed)),
            (gettext("Freiwillige mit bestätigten Stunden"), report.volunteers_with_hours),
            (gettext("Ausgestellte Engagementnachweise"), report.certificates_issued),
        ]

    def get(self, request, *args, **kwargs):
        if self.is_export:
            return self.as_spreadsheet(self.export_rows(), request.GET["export"])
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        city, _cities, period = self.selection
        report = self.report
        context.update(
            {
                "form": self.form,
                "city": city,
                "period": period,
                "report": report,
                "summary": self.summary(),
                "charts": [
                    bar_chart(chart_id, title, row_heading, rows)
                    for chart_id, title, row_heading, rows in (
                        ("by-category", _("Angebote online nach Thema"), _("Thema"), report.live_by_category),
                        (
                            "by-schedule",
                            _("Angebote online nach Zeitmodell"),
                            _("Zeitmodell"),
                            report.live_by_schedule,
                        ),
                        (
                            "organisations",
                            _("Neue Organisationen je Monat"),
                            _("Monat"),
                            report.organisations_by_month,
                        ),
                        ("applications", _("Bewerbungen je Monat"), _("Monat"), report.applications_by_month),
                    )
                ],
                "csv_url": self.csv_export_url,
                "xlsx_url": self.xlsx_export_url,
            }
        )
        return context
