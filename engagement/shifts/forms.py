import datetime as dt
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from engagement.applications.forms import ApplicationForm
from engagement.hours.forms import hours_field
from engagement.opportunities.models import OpportunityPage

from .models import MAX_PARTY_SIZE, Shift
from .services.booking import clash_errors, label


class ShiftForm(forms.ModelForm):
    """A shift as a Verein thinks of it: a day, from, to (ending after midnight is the next day)."""

    day = forms.DateField(
        label=_("Tag"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Bitte geben Sie den Tag an."),
            "invalid": _("Bitte geben Sie einen Tag an."),
        },
    )
    start = forms.TimeField(
        label=_("Von"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"required": _("Bitte geben Sie den Beginn an.")},
    )
    end = forms.TimeField(
        label=_("Bis"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"required": _("Bitte geben Sie das Ende an.")},
    )

    class Meta:
        model = Shift
        fields = ["role", "place", "capacity", "requirements", "cancel_hours"]
        error_messages = {"capacity": {"required": _("Bitte geben Sie an, wie viele Plätze es gibt.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            start, end = (
                timezone.localtime(self.instance.starts_at),
                timezone.localtime(self.instance.ends_at),
            )
            self.initial.update(day=start.date(), start=start.time(), end=end.time())
        self.order_fields(
            ["role", "day", "start", "end", "place", "capacity", "requirements", "cancel_hours"]
        )

    def clean(self):
        data = super().clean()
        day, start, end = data.get("day"), data.get("start"), data.get("end")
        if day and start and end:
            zone = timezone.get_current_timezone()
            starts_at = timezone.make_aware(dt.datetime.combine(day, start), zone)
            ends_at = timezone.make_aware(dt.datetime.combine(day, end), zone)
            if ends_at <= starts_at:
                ends_at += dt.timedelta(days=1)  # 22–2 Uhr: the night shift ends the next day
            self.instance.starts_at, self.instance.ends_at = starts_at, ends_at
        return data


class CopyShiftsForm(forms.Form):
    source = forms.ModelChoiceField(
        label=_("Schichten übernehmen von"),
        queryset=OpportunityPage.objects.none(),
        empty_label=None,
        error_messages={
            "required": _("Bitte wählen Sie ein Angebot."),
            "invalid_choice": _("Bitte wählen Sie eines Ihrer Angebote mit Schichten."),
        },
    )
    days = forms.IntegerField(
        label=_("Um so viele Tage verschieben"),
        min_value=-3650,
        max_value=3650,
        initial=0,
        help_text=_("Zum Beispiel 364 für denselben Wochentag im nächsten Jahr."),
        error_messages={"required": _("Bitte geben Sie eine Zahl von Tagen an.")},
    )

    def __init__(self, *args, user, target, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].queryset = (
            OpportunityPage.objects.of_member(user)
            .filter(shifts__isnull=False)
            .exclude(pk=target.pk)
            .distinct()
            .order_by("title")
        )


class ShiftChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, shift):
        free = shift.free_places
        if free:
            places = _("noch %(free)s von %(capacity)s Plätzen frei") % {
                "free": free,
                "capacity": shift.capacity,
            }
        else:
            places = _("voll – Sie kommen auf die Warteliste")
        return f"{label(shift)} ({places})"


class ShiftSignupForm(ApplicationForm):
    """The application form with the shifts to choose and how many people come."""

    shifts = ShiftChoiceField(
        label=_("Schichten"),
        queryset=Shift.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Bitte wählen Sie mindestens eine Schicht."),
            "invalid_choice": _("Diese Schicht gibt es nicht mehr. Bitte wählen Sie erneut."),
            "invalid_pk_value": _("Diese Schicht gibt es nicht mehr. Bitte wählen Sie erneut."),
        },
    )
    party_size = forms.IntegerField(
        label=_("Wie viele Personen kommen?"),
        min_value=1,
        max_value=MAX_PARTY_SIZE,
        initial=1,
        help_text=_("Sie selbst mitgezählt, zum Beispiel als Familie oder Team."),
        error_messages={
            "required": _("Bitte geben Sie an, wie viele Personen kommen."),
            "invalid": _("Bitte geben Sie eine ganze Zahl an."),
            "min_value": _("Mindestens eine Person."),
            "max_value": _("Höchstens %(limit_value)s Personen auf einmal."),
        },
    )

    def __init__(self, *args, opportunity, shifts, **kwargs):
        super().__init__(*args, opportunity=opportunity, **kwargs)
        self.fields["shifts"].queryset = shifts
        self.fields["message"].required = False
        self.fields["message"].label = _("Nachricht an die Organisation")
        self.order_fields(
            [
                "shifts",
                "party_size",
                "name",
                "email",
                "phone",
                "message",
                "age_confirmed",
                "requirements_confirmed",
                "consent",
                "website",
            ]
        )
        del self.fields["availability"]

    def clean_shifts(self):
        shifts = self.cleaned_data["shifts"]
        clashes = clash_errors(shifts)
        if clashes:
            raise forms.ValidationError(clashes)
        return shifts


class ShiftMessageForm(forms.Form):
    subject = forms.CharField(
        label=_("Betreff"),
        max_length=150,
        error_messages={"required": _("Bitte geben Sie einen Betreff an.")},
    )
    text = forms.CharField(
        label=_("Nachricht"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Bitte schreiben Sie eine Nachricht."),
            "max_length": _("Bitte fassen Sie sich kürzer (höchstens 3000 Zeichen)."),
        },
    )


class RosterAttendanceForm(forms.Form):
    """Who came to the shift: everyone booked is ticked and gets the shift's hours unless a different
    number is written beside their name; someone not ticked is recorded as "nicht erschienen"."""

    hours = hours_field(label=_("Stunden je Person"))

    def __init__(self, *args, bookings, default_hours, recorded=None, **kwargs):
        super().__init__(*args, **kwargs)
        recorded = recorded or {}
        self.bookings = list(bookings)
        self.fields["hours"].initial = default_hours
        self.fields["hours"].help_text = _(
            "Die Länge der Schicht. Bei Gruppen gilt die Zahl für jede Person der Anmeldung."
        )
        for booking in self.bookings:
            entry = recorded.get(booking.application_id)
            name = booking.application.name
            if booking.party_size > 1:
                came_label = _("%(name)s war da (Gruppe von %(count)s Personen)") % {
                    "name": name,
                    "count": booking.party_size,
                }
            else:
                came_label = _("%(name)s war da") % {"name": name}
            self.fields[f"came_{booking.pk}"] = forms.BooleanField(
                label=came_label, required=False, initial=entry.attended if entry else True
            )
            self.fields[f"hours_{booking.pk}"] = hours_field(
                label=_("Abweichende Stunden je Person für %(name)s") % {"name": name},
                required=False,
                initial=entry.hours if entry and entry.attended and entry.hours != default_hours else None,
            )

    def rows(self):
        return [
            (booking, self[f"came_{booking.pk}"], self[f"hours_{booking.pk}"]) for booking in self.bookings
        ]

    def clean(self):
        data = super().clean()
        for name in ["hours", *(f"hours_{booking.pk}" for booking in self.bookings)]:
            value = data.get(name)
            if value is not None and not Decimal(0) < value <= Decimal(24):
                self.add_error(name, _("Bitte geben Sie zwischen 0,25 und %(max)s Stunden an.") % {"max": 24})
        return data

    def attendance(self):
        """(booking, came, hours per person) for shifts.services.attendance.confirm."""
        data = self.cleaned_data
        return [
            (
                booking,
                data.get(f"came_{booking.pk}", False),
                data.get(f"hours_{booking.pk}") or data["hours"],
            )
            for booking in self.bookings
        ]
