"""The moment an application is complete: every opt-in is in (the applicant's, and a parent's for a
minor). Only from here on does the organisation see it."""

import datetime as dt

from django.utils import timezone

from engagement.cities.models import DEFAULT_REPLY_PROMISE_DAYS

from ..models import Application
from .links import status_link
from .mails import context, mail_applicant, notify_organisation


def complete(application: Application) -> None:
    """Every opt-in is in: the organisation may see the application now."""
    application.confirmed_at = application.last_activity_at = timezone.now()
    # The city's reply promise as it stands now (replies.py): it runs from the moment the organisation
    # can see the application, i.e. for a minor from the parent's confirmation.
    city = application.opportunity.city
    promise = city.reply_promise_days if city else DEFAULT_REPLY_PROMISE_DAYS
    application.reply_due_at = application.confirmed_at + dt.timedelta(days=promise)
    application.save(update_fields=["confirmed_at", "last_activity_at", "reply_due_at", "updated_at"])
    mail_applicant(
        application,
        f"received:{application.pk}",
        "received",
        context(application, status_url=status_link(application)),
    )
    notify_organisation(application, template="notify_organisation", key=f"notify:{application.pk}")
