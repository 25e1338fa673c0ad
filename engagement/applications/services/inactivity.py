"""Every application reaches an end, also on an opportunity that never ends.

An open application (received, on the waiting list or accepted) without activity for
APPLICATION_INACTIVITY_DAYS is closed by the platform (status "expired"). APPLICATION_CLOSING_NOTICE_DAYS
before, the organisation's members get one mail listing the applications concerned; opening one and
choosing "Offen halten" keeps it open. Closed, it is deleted on the usual schedule
(APPLICATION_RETENTION_DAYS after closing, tasks.apply_retention).

Activity is the confirmation, every status change, every message of the organisation and the
organisation keeping it open. An application is never closed without a notice at least
APPLICATION_CLOSING_NOTICE_DAYS old: if the daily task missed a day, the closing waits.

The same daily run closes what the organisation never answered (services/replies.py): the applicant was
told at the end of the city's reply promise, and APPLICATION_REPLY_CLOSE_DAYS later it closes with a polite
mail. Keeping such an application open is activity, not an answer: it still closes for want of one
(writing the person a message is the answer that keeps it open).
"""

import datetime as dt
import hashlib

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from engagement.organisations.models import Organisation

from ..models import Application
from . import replies
from .applying import mail_members
from .links import detail_url
from .status import change_status

Status = Application.Status
OPEN = (Status.REQUESTED, Status.ACCEPTED)


def inactivity_period() -> dt.timedelta:
    return dt.timedelta(days=settings.APPLICATION_INACTIVITY_DAYS)


def notice_period() -> dt.timedelta:
    days = min(settings.APPLICATION_CLOSING_NOTICE_DAYS, settings.APPLICATION_INACTIVITY_DAYS)
    return dt.timedelta(days=days)


def closes_at(application: Application) -> dt.datetime | None:
    """When an open application closes if nothing happens until then (the earlier of the inactivity and the
    unanswered closing); None when it is not open."""
    if not application.is_open or application.last_activity_at is None:
        return None
    closing = application.last_activity_at + inactivity_period()
    if application.closing_notice_at is not None:
        closing = max(closing, application.closing_notice_at + notice_period())
    unanswered = replies.unanswered_closing(application)
    return min(closing, unanswered) if unanswered else closing


def close_inactive_applications(now: dt.datetime | None = None) -> dict[str, int]:
    """The daily rule: tell organisations what closes soon, close what was announced and stayed quiet.

    Idempotent: a second run on the same day notices and closes nothing more. Returns counts.
    """
    now = now or timezone.now()
    noticed = sum(
        _send_notice(organisation, now)
        for organisation in Organisation.objects.filter(
            pk__in=_needing_notice(now).values("opportunity__organisation")
        ).order_by("pk")
    )
    closed = sum(_close(pk, now) for pk in _due_for_closing(now).values_list("pk", flat=True))
    unanswered = sum(
        _close_unanswered(pk, now)
        for pk in replies.due_for_closing(now).order_by("pk").values_list("pk", flat=True)
    )
    return {"noticed": noticed, "closed": closed, "closed_unanswered": unanswered}


@transaction.atomic
def keep_open(application: Application, *, by) -> Application:
    """A member of the organisation keeps an open application open: that counts as activity."""
    application = (
        Application.objects.select_for_update(of=("self",))
        .select_related("opportunity__organisation")
        .get(pk=application.pk)
    )
    if not application.opportunity.organisation.has_member(by):
        raise PermissionDenied
    if not application.is_open or application.confirmed_at is None:
        raise ValidationError(_("Diese Bewerbung ist nicht mehr offen."))
    application.last_activity_at = timezone.now()
    application.closing_notice_at = None
    application.save(update_fields=["last_activity_at", "closing_notice_at", "updated_at"])
    return application


def _open():
    return Application.objects.confirmed().filter(status__in=OPEN)


def _needing_notice(now):
    return _open().filter(
        closing_notice_at__isnull=True, last_activity_at__lt=now - inactivity_period() + notice_period()
    )


def _due_for_closing(now):
    return _open().filter(
        last_activity_at__lt=now - inactivity_period(), closing_notice_at__lte=now - notice_period()
    )


@transaction.atomic
def _send_notice(organisation: Organisation, now: dt.datetime) -> int:
    applications = list(
        _needing_notice(now)
        .filter(opportunity__organisation=organisation)
        .select_for_update(of=("self",))
        .select_related("opportunity")
        .order_by("opportunity__title", "confirmed_at", "pk")
    )
    if not applications:
        return 0
    # The same applications in the same quiet spell make the same key: a second run mails nobody twice.
    spell = ",".join(f"{item.pk}@{item.last_activity_at.isoformat()}" for item in applications)
    key = f"closing-notice:{organisation.pk}:{hashlib.sha256(spell.encode()).hexdigest()[:16]}"
    mail_members(
        organisation,
        key,
        "closing_notice",
        {
            "organisation": organisation,
            "city": None,
            "inactivity_days": settings.APPLICATION_INACTIVITY_DAYS,
            "retention_days": settings.APPLICATION_RETENTION_DAYS,
            "applications": [
                {
                    "application": item,
                    "closes": max(item.last_activity_at + inactivity_period(), now + notice_period()),
                    "url": detail_url(item),
                }
                for item in applications
            ],
        },
    )
    Application.objects.filter(pk__in=[item.pk for item in applications]).update(closing_notice_at=now)
    return len(applications)


@transaction.atomic
def _close(pk: int, now: dt.datetime) -> int:
    # Checked again under the lock: the organisation may have kept it open a moment ago.
    application = _due_for_closing(now).select_for_update(of=("self",)).filter(pk=pk).first()
    if application is None:
        return 0
    change_status(application, Status.EXPIRED, by_platform=True)
    return 1


@transaction.atomic
def _close_unanswered(pk: int, now: dt.datetime) -> int:
    # Checked again under the lock: the organisation may have answered a moment ago.
    application = replies.due_for_closing(now).select_for_update(of=("self",)).filter(pk=pk).first()
    if application is None:
        return 0
    change_status(application, Status.EXPIRED, by_platform=True, reason="unanswered")
    return 1
