"""The moment an application is complete: every opt-in is in (the applicant's, and a parent's for a
minor). Only from here on does the organisation see it."""

from django.utils import timezone

from ..models import Application
from .links import status_link
from .mails import context, mail_applicant, notify_organisation


def complete(application: Application) -> None:
    """Every opt-in is in: the organisation may see the application now."""
    application.confirmed_at = application.last_activity_at = timezone.now()
    application.save(update_fields=["confirmed_at", "last_activity_at", "updated_at"])
    mail_applicant(
        application,
        f"received:{application.pk}",
        "received",
        context(application, status_url=status_link(application)),
    )
    notify_organisation(application, template="notify_organisation", key=f"notify:{application.pk}")
