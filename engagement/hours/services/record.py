"""What a volunteer sees through their private link: the hours confirmed for their application, per year,
the thresholds of their city they reach (worded as a fact, never as a decision on eligibility), and
erasing the record (hours and Nachweise) whenever they want."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.db.models.functions import ExtractYear

from engagement.applications.models import Application

from ..models import Certificate, HoursEntry, RecognitionThreshold


@dataclass(frozen=True)
class ThresholdResult:
    threshold: RecognitionThreshold
    year: int | None  # None: counted over all years
    hours: Decimal

    @property
    def reached(self) -> bool:
        return self.hours >= self.threshold.hours


def volunteer_record(application: Application) -> dict:
    entries = list(application.hours_entries.order_by("date", "pk").select_related(None))
    per_year = (
        application.hours_entries.filter(attended=True)
        .annotate(year=ExtractYear("date"))
        .values("year")
        .annotate(total=Sum("hours"))
        .order_by("-year")
    )
    total = sum((entry.hours for entry in entries if entry.attended), Decimal(0))
    certificates = list(application.certificates.exclude(status=Certificate.Status.REQUESTED))
    issued = [
        certificate.hours for certificate in certificates if certificate.status == Certificate.Status.ISSUED
    ]
    return {
        "entries": entries,
        "per_year": [(row["year"], row["total"]) for row in per_year],
        "total": total,
        "certificates": certificates,
        # A new Nachweis is worth asking for once more hours are confirmed than the last one states.
        "latest_certified": max(issued, default=Decimal(0)),
        "open_request": application.certificates.filter(status=Certificate.Status.REQUESTED).first(),
    }


def thresholds_reached(application: Application, per_year, total) -> list[ThresholdResult]:
    """Every threshold of the offer's city, with the hours it is compared to: the best calendar year for a
    yearly threshold (the current year if nothing was confirmed yet), all hours for a total one."""
    city_id = application.opportunity.city_id
    if city_id is None:
        return []
    results = []
    for threshold in RecognitionThreshold.objects.filter(city_id=city_id).order_by("sort_order", "pk"):
        if threshold.period == RecognitionThreshold.Period.TOTAL:
            results.append(ThresholdResult(threshold, None, total))
        else:
            year, hours = max(per_year, key=lambda row: row[1]) if per_year else (None, Decimal(0))
            results.append(ThresholdResult(threshold, year, hours))
    return results


@transaction.atomic
def erase_record(application: Application) -> None:
    """Delete the volunteer's hours and Nachweise; their verification pages then find nothing."""
    HoursEntry.objects.filter(application=application).delete()
    Certificate.objects.filter(application=application).delete()
