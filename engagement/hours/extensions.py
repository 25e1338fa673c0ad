"""Hours and Nachweise in the applicant's Art. 15 download, and the reason retention keeps an application
(minimised) instead of deleting it: confirmed hours or an issued Nachweis, as long as the volunteer wants
them (engagement/applications/extensions.py)."""

from django.db.models import Exists, OuterRef
from django.utils import timezone

from engagement.applications import extensions

from .models import Certificate, HoursEntry


def export_hours(application) -> list[dict]:
    return [
        {
            "datum": entry.date.isoformat(),
            "zeitraum": entry.period,
            "taetigkeit": entry.label,
            "stunden": str(entry.hours),
            "erschienen": entry.attended,
            "bestaetigt": timezone.localtime(entry.confirmed_at).isoformat(),
        }
        for entry in application.hours_entries.order_by("date", "pk")
    ]


def export_certificates(application) -> list[dict]:
    return [
        {
            "status": certificate.status,
            "code": certificate.display_code,
            "name": certificate.volunteer_name,
            "organisation": certificate.organisation_name,
            "taetigkeiten": certificate.task_list,
            "von": certificate.period_start.isoformat() if certificate.period_start else None,
            "bis": certificate.period_end.isoformat() if certificate.period_end else None,
            "stunden": str(certificate.hours),
            "unterzeichnet_von": certificate.signer_name,
            "angefragt": timezone.localtime(certificate.requested_at).isoformat()
            if certificate.requested_at
            else None,
            "ausgestellt": timezone.localtime(certificate.issued_at).isoformat()
            if certificate.issued_at
            else None,
            "widerrufen": timezone.localtime(certificate.revoked_at).isoformat()
            if certificate.revoked_at
            else None,
        }
        for certificate in application.certificates.order_by("pk")
    ]


def has_hours_or_certificate():
    return Exists(HoursEntry.objects.filter(application=OuterRef("pk"), attended=True)) | Exists(
        Certificate.objects.filter(application=OuterRef("pk"), status=Certificate.Status.ISSUED)
    )


def register() -> None:
    extensions.register_export("stunden", export_hours)
    extensions.register_export("nachweise", export_certificates)
    extensions.register_keeper(has_hours_or_certificate)
