"""Who came, and for how long: confirmed by a member of the Verein, per day (a shift, an event) or per
month (a regular offer). The shifts roster calls `record_attendance` with its bookings; the dashboard calls
it for all accepted applicants of an offer at once, and `correct_entry` for one of them."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from engagement.applications.models import Application
from engagement.organisations.models import Organisation

from ..models import HoursEntry

MAX_HOURS = {HoursEntry.Period.DAY: Decimal(24), HoursEntry.Period.MONTH: Decimal(744)}


@dataclass(frozen=True)
class Attendance:
    """One item of `record_attendance`: an application, the day (or any day of the month), the hours,
    whether the person came, and a short description of the task (e.g. the shift: "Aufbau, Sa 8–11")."""

    application: Application
    date: dt.date
    hours: Decimal
    attended: bool = True
    label: str = ""
    period: str = HoursEntry.Period.DAY


def _as_attendance(item) -> Attendance:
    if isinstance(item, Attendance):
        return item
    if isinstance(item, dict):
        return Attendance(**item)
    return Attendance(*item)


def _checked(item: Attendance, organisation: Organisation, today: dt.date) -> dict:
    """The entry's fields, or a ValidationError with a German message."""
    application = item.application
    if application.opportunity.organisation_id != organisation.pk or application.confirmed_at is None:
        raise ValidationError(_("Diese Person hat sich nicht bei Ihrer Organisation beworben."))
    if item.period not in MAX_HOURS:
        raise ValidationError(_("Bitte wählen Sie Tag oder Monat."))
    date = item.date.replace(day=1) if item.period == HoursEntry.Period.MONTH else item.date
    if date > today:
        raise ValidationError(_("Stunden lassen sich erst bestätigen, wenn der Einsatz war."))
    try:
        hours = Decimal(item.hours if item.attended else 0).quantize(Decimal("0.01"))
    except (InvalidOperation, TypeError, ValueError):
        raise ValidationError(_("Bitte geben Sie die Stunden als Zahl an, zum Beispiel 2,5.")) from None
    if item.attended and not Decimal(0) < hours <= MAX_HOURS[item.period]:
        raise ValidationError(
            _("Bitte geben Sie zwischen 0,25 und %(max)s Stunden an.") % {"max": MAX_HOURS[item.period]}
        )
    label = " ".join(str(item.label).split())[:200]
    return {"application": application, "period": item.period, "date": date, "label": label, "hours": hours}


@transaction.atomic
def record_attendance(organisation: Organisation, entries, confirmed_by) -> list[HoursEntry]:
    """Confirm attendance and hours for `entries` (Attendance items, or tuples/dicts of application,
    date, hours, attended, label[, period]); all or nothing.

    The same application, period, day and task again corrects the earlier entry (idempotent: a roster
    sent twice changes nothing). "Nicht erschienen" is stored with 0 hours and never shown publicly.
    Recording hours is activity: the application is not closed for lack of it.
    """
    today = timezone.localdate()
    now = timezone.now()
    checked = [_checked(_as_attendance(item), organisation, today) for item in entries]
    recorded = []
    for fields in checked:
        entry, _created = HoursEntry.objects.update_or_create(
            application=fields["application"],
            period=fields["period"],
            date=fields["date"],
            label=fields["label"],
            defaults={
                "hours": fields["hours"],
                "attended": fields["hours"] > 0,
                "confirmed_by": confirmed_by,
                "confirmed_at": now,
            },
        )
        recorded.append(entry)
    if recorded:
        Application.objects.filter(pk__in={fields["application"].pk for fields in checked}).update(
            last_activity_at=now
        )
    return recorded


@transaction.atomic
def correct_entry(entry: HoursEntry, *, hours, attended: bool, label: str, confirmed_by) -> HoursEntry:
    """Change one confirmed entry (hours, came or not, task), confirmed again by `confirmed_by`."""
    entry = HoursEntry.objects.select_for_update().select_related("application__opportunity").get(pk=entry.pk)
    fields = _checked(
        Attendance(entry.application, entry.date, hours, attended, label, entry.period),
        entry.application.opportunity.organisation,
        timezone.localdate(),
    )
    clash = HoursEntry.objects.filter(
        application=entry.application, period=entry.period, date=entry.date, label=fields["label"]
    ).exclude(pk=entry.pk)
    if clash.exists():
        raise ValidationError(_("Für diesen Tag gibt es schon einen Eintrag mit dieser Tätigkeit."))
    entry.hours, entry.attended, entry.label = fields["hours"], fields["hours"] > 0, fields["label"]
    entry.confirmed_by, entry.confirmed_at = confirmed_by, timezone.now()
    entry.save()
    return entry


def delete_entry(entry: HoursEntry) -> None:
    entry.delete()
