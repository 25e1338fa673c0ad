import datetime as dt
import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import HoursEntry

MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def hours_field(**kwargs):
    return forms.DecimalField(
        min_value=Decimal("0"),
        max_value=Decimal("744"),
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        error_messages={"invalid": _("Bitte geben Sie die Stunden als Zahl an, zum Beispiel 2,5.")},
        **kwargs,
    )


class AttendanceForm(forms.Form):
    """Who came on a day (or in a month), and for how long: everyone ticked gets the same hours unless a
    different number is written beside their name; someone not ticked is recorded as "nicht erschienen"."""

    period = forms.ChoiceField(
        label=_("Für einen Tag oder einen Monat?"),
        choices=HoursEntry.Period.choices,
        widget=forms.RadioSelect,
    )
    date = forms.DateField(
        label=_("Datum"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Bitte geben Sie ein Datum an, zum Beispiel 2026-12-05.")},
    )
    month = forms.CharField(
        label=_("Monat"),
        required=False,
        max_length=7,
        # A text field: not every browser has a month picker, and a wrong entry must come back as typed.
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        help_text=_(
            "Jahr und Monat, zum Beispiel 2026-11. Bei regelmäßigen Angeboten: die Stunden des ganzen Monats."
        ),
    )
    hours = hours_field(label=_("Stunden je Person"))
    label = forms.CharField(
        label=_("Tätigkeit"),
        max_length=200,
        required=False,
        help_text=_("Kurz, zum Beispiel „Aufbau Stadtfest“. Erscheint auf dem Engagementnachweis."),
    )

    def __init__(self, *args, applications=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.applications = list(applications)
        for application in self.applications:
            self.fields[f"came_{application.pk}"] = forms.BooleanField(
                label=_("%(name)s war da") % {"name": application.name}, required=False, initial=True
            )
            self.fields[f"hours_{application.pk}"] = hours_field(
                label=_("Abweichende Stunden für %(name)s") % {"name": application.name}, required=False
            )
        self.fields["date"].required_when = _("bei „Tag“")
        self.fields["month"].required_when = _("bei „Monat“")

    def rows(self):
        return [
            (application, self[f"came_{application.pk}"], self[f"hours_{application.pk}"])
            for application in self.applications
        ]

    def clean(self):
        data = super().clean()
        period = data.get("period")
        today = timezone.localdate()
        if period == HoursEntry.Period.DAY:
            if not data.get("date"):
                self.add_error("date", _("Bitte geben Sie den Tag an."))
            elif data["date"] > today:
                self.add_error("date", _("Stunden lassen sich erst bestätigen, wenn der Einsatz war."))
            data["day"] = data.get("date")
        elif period == HoursEntry.Period.MONTH:
            match = MONTH.match(data.get("month") or "")
            if not match or not 1 <= int(match[2]) <= 12 or int(match[1]) < 2000:
                self.add_error("month", _("Bitte geben Sie den Monat an, zum Beispiel 2026-11."))
            else:
                day = dt.date(int(match[1]), int(match[2]), 1)
                if day > today:
                    self.add_error("month", _("Stunden lassen sich erst bestätigen, wenn der Einsatz war."))
                data["day"] = day
        limit = Decimal(24) if period == HoursEntry.Period.DAY else Decimal(744)
        for name in ["hours", *(f"hours_{application.pk}" for application in self.applications)]:
            value = data.get(name)
            if value is not None and not Decimal(0) < value <= limit:
                self.add_error(
                    name, _("Bitte geben Sie zwischen 0,25 und %(max)s Stunden an.") % {"max": limit}
                )
        return data

    def items(self):
        """(application, day, hours, attended, label, period) for `record_attendance`."""
        data = self.cleaned_data
        for application in self.applications:
            came = data.get(f"came_{application.pk}", False)
            hours = data.get(f"hours_{application.pk}") or data["hours"]
            yield (
                application,
                data["day"],
                hours if came else Decimal(0),
                came,
                data["label"],
                data["period"],
            )


class CorrectionForm(forms.Form):
    attended = forms.BooleanField(label=_("War da"), required=False)
    hours = hours_field(label=_("Stunden"), required=False)
    label = forms.CharField(label=_("Tätigkeit"), max_length=200, required=False)

    def clean(self):
        data = super().clean()
        if data.get("attended") and not data.get("hours"):
            self.add_error("hours", _("Bitte geben Sie die Stunden an."))
        return data


class IssueForm(forms.Form):
    signer_name = forms.CharField(
        label=_("Name der unterzeichnenden Person"),
        max_length=150,
        help_text=_("Sie unterzeichnen den Nachweis über die Plattform; Ihr Name steht darauf."),
    )
    signer_role = forms.CharField(
        label=_("Funktion im Verein"),
        max_length=120,
        required=False,
        help_text=_("Zum Beispiel „Vorsitzende“."),
    )
    tasks = forms.CharField(
        label=_("Tätigkeiten"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Eine Tätigkeit pro Zeile. So stehen sie auf dem Nachweis."),
    )

    def clean_tasks(self):
        tasks = self.cleaned_data["tasks"]
        if not any(line.strip() for line in tasks.splitlines()):
            raise ValidationError(_("Bitte nennen Sie mindestens eine Tätigkeit."))
        return tasks
