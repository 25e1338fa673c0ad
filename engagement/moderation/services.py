from django.core.exceptions import PermissionDenied
from django.utils import timezone

from engagement.cities.access import cities_edited_by
from engagement.ratelimit import client_key, hit

from .models import ContentReport


def report_opportunity(*, opportunity, request, reason: str, message: str, honeypot: str = ""):
    """Store a report for the opportunity's city. Raises RateLimited past the limit "content-report".

    A filled-in honeypot returns None without storing anything: the bot sees the same answer.
    """
    hit("content-report", client_key(request))
    if honeypot:
        return None
    return ContentReport.objects.create(
        opportunity=opportunity, city=opportunity.city, reason=reason, message=message
    )


def resolve_report(report: ContentReport, *, by, note: str = "") -> ContentReport:
    """Only an editor of the report's city resolves it, whoever calls (admin view, shell, a future API)."""
    if not cities_edited_by(by).filter(pk=report.city_id).exists():
        raise PermissionDenied
    report.status = ContentReport.Status.RESOLVED
    report.resolved_by, report.resolved_at = by, timezone.now()
    if note:
        report.editor_note = note
    report.save()
    return report
