"""A safe path for young volunteers: a person under 18 applies with a parent's or guardian's address,
and the parent confirms by a link of their own (a second double opt-in) before the organisation sees
anything. Recorded like the applicant's consent: which text (version) and when.

Order: the young person confirms their own address (applying.confirm), then the parent is asked; only
the parent's confirmation completes the application (`confirmed_at`), which is what
`Application.objects.visible_to` and every list, export and count of the organisation read. Without the
parent's answer the application is deleted after GUARDIAN_CONFIRMATION_DAYS and the young person told.
"""

import datetime as dt
import logging

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from ..consent import GUARDIAN_CONSENT_VERSION
from ..models import AccessToken, Application
from .completion import complete
from .links import absolute, status_link
from .mails import mail_to

logger = logging.getLogger(__name__)


def confirmation_days() -> int:
    return settings.GUARDIAN_CONFIRMATION_DAYS


def confirmation_period() -> dt.timedelta:
    return dt.timedelta(days=confirmation_days())


def ask_guardian(application: Application) -> None:
    """Mail the parent a confirmation link (a random token, only its hash stored, valid for
    GUARDIAN_CONFIRMATION_DAYS). Called in the young person's confirmation, inside its transaction."""
    now = timezone.now()
    token = AccessToken.issue(application, AccessToken.Purpose.GUARDIAN)
    application.guardian_asked_at = now
    application.save(update_fields=["guardian_asked_at", "updated_at"])
    page = application.opportunity
    mail_to(
        application,
        application.guardian_email,
        f"guardian:{application.pk}:{now.timestamp()}",
        "guardian_confirm",
        {
            "application": application,
            "page": page,
            "city": page.city,
            "days": confirmation_days(),
            "url": absolute(reverse("applications:guardian", args=[token]), page.city),
        },
    )


def by_guardian_token(token: str):
    """The application a parent's link opens (none, or one) while the link is valid."""
    return Application.objects.with_token(
        token, AccessToken.Purpose.GUARDIAN, issued_after=timezone.now() - confirmation_period()
    ).filter(is_minor=True, applicant_confirmed_at__isnull=False)


@transaction.atomic
def confirm_by_guardian(token: str) -> Application | None:
    """The parent's consent: recorded with its text's version; only now does the organisation learn of
    the application. Idempotent: a second click changes nothing and mails nobody."""
    application = (
        by_guardian_token(token).select_for_update(of=("self",)).select_related("opportunity").first()
    )
    if application is None:
        return None
    if application.guardian_consent_given_at is None:
        application.guardian_consent_version = GUARDIAN_CONSENT_VERSION
        application.guardian_consent_given_at = timezone.now()
        application.save(
            update_fields=["guardian_consent_version", "guardian_consent_given_at", "updated_at"]
        )
        complete(application)
    return application


@transaction.atomic
def decline_by_guardian(token: str) -> bool:
    """The parent says no: the application is deleted at once, the young person told (the mail is not
    tied to the application, so it outlives it). False for a link that is not (or no longer) valid."""
    application = by_guardian_token(token).select_for_update(of=("self",)).first()
    if application is None or application.guardian_consent_given_at is not None:
        return False
    _tell_and_delete(application, "guardian_declined")
    return True


def expire_guardian_confirmations(now=None) -> int:
    """Delete the minors' applications whose parent did not confirm within GUARDIAN_CONFIRMATION_DAYS of
    being asked, each after queuing a mail to the young person. Idempotent; returns how many."""
    now = now or timezone.now()
    expired = 0
    waiting = Application.objects.filter(
        is_minor=True,
        guardian_consent_given_at__isnull=True,
        guardian_asked_at__lt=now - confirmation_period(),
    ).values_list("pk", flat=True)
    for pk in list(waiting):
        with transaction.atomic():
            application = (
                Application.objects.select_for_update(of=("self",))
                .filter(pk=pk, guardian_consent_given_at__isnull=True)
                .select_related("opportunity", "opportunity__city")
                .first()
            )
            if application is not None:
                _tell_and_delete(application, "guardian_expired")
                expired += 1
    return expired


def _tell_and_delete(application: Application, template: str):
    page = application.opportunity
    mail_to(
        application,
        application.email,
        f"{template}:{application.pk}",
        template,
        {"application_name": application.name, "page": page, "city": page.city, "days": confirmation_days()},
        keep=True,
    )
    application.delete()


def pending_context(application: Application) -> dict:
    """What the young person's confirmation page and mail say while the parent has not answered."""
    return {"guardian_days": confirmation_days(), "status_url": status_link(application)}
