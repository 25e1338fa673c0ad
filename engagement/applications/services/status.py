"""The one way an application's status changes: checked against the map, logged, mailed."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from ..calendar import ics_for
from ..models import Application, StatusChange
from .applying import mail_applicant, mail_members, notify_organisation
from .capacity import update_capacity, waiting
from .links import absolute, status_link
from .replies import record_answer

Status = Application.Status

# Who may move an application from where to where. Anything not listed is refused.
ALLOWED_TRANSITIONS = {
    "organisation": {
        Status.REQUESTED: {Status.ACCEPTED, Status.DECLINED},
        Status.ACCEPTED: {Status.DECLINED},
        Status.DECLINED: {Status.ACCEPTED},
    },
    "applicant": {
        Status.REQUESTED: {Status.WITHDRAWN},
        Status.ACCEPTED: {Status.WITHDRAWN},
    },
    # The platform itself, after a period without activity (services/inactivity.py).
    "platform": {
        Status.REQUESTED: {Status.EXPIRED},
        Status.ACCEPTED: {Status.EXPIRED},
    },
}
CLOSED = {Status.DECLINED, Status.WITHDRAWN, Status.EXPIRED}


@transaction.atomic
def change_status(
    application: Application,
    to_status: str,
    *,
    by=None,
    message: str = "",
    by_platform: bool = False,
    reason: str = "",
) -> Application:
    """Move `application` to `to_status`.

    `by` is the organisation's member acting, or None for the applicant (through the private link);
    `by_platform` is the platform closing an inactive application (`reason` "unanswered": closed for
    want of an answer, services/replies.py; it picks the applicant's mail). Records who and when
    (StatusChange), mails the applicant in their language (the organisation too when the applicant
    withdraws), and lets the opportunity fill up or open again. Every change counts as activity
    (services/inactivity.py); the organisation's counts as its answer (services/replies.py).
    """
    actor = "platform" if by_platform else "applicant" if by is None else "organisation"
    application = (
        Application.objects.select_for_update(of=("self",))
        .select_related("opportunity", "opportunity__organisation", "opportunity__city")
        .get(pk=application.pk)
    )
    page = application.opportunity
    if actor == "organisation" and not page.organisation.has_member(by):
        raise PermissionDenied
    if application.confirmed_at is None:
        raise ValidationError(_("Diese Bewerbung ist noch nicht bestätigt."))
    from_status = application.status
    if to_status not in ALLOWED_TRANSITIONS[actor].get(from_status, set()):
        raise ValidationError(_("Dieser Schritt ist gerade nicht möglich."))
    change = StatusChange.objects.create(
        application=application, from_status=from_status, to_status=to_status, changed_by=by, message=message
    )
    application.status = to_status
    application.closed_at = change.changed_at if to_status in CLOSED else None
    application.last_activity_at = change.changed_at
    application.closing_notice_at = None
    if actor == "organisation":
        record_answer(application, change.changed_at)
    application.save(
        update_fields=[
            "status",
            "closed_at",
            "last_activity_at",
            "closing_notice_at",
            "answered_at",
            "updated_at",
        ]
    )

    ics = ics_for(page) if to_status == Status.ACCEPTED and page.event_start else ""
    mail_applicant(
        application,
        f"status:{change.pk}",
        f"status_{to_status}_{reason}" if reason else f"status_{to_status}",
        {
            "application": application,
            "page": page,
            "city": page.city,
            "message": message,
            "status_url": status_link(application),
            "inactivity_days": settings.APPLICATION_INACTIVITY_DAYS,
            "retention_days": settings.APPLICATION_RETENTION_DAYS,
        },
        attachments=[("termin.ics", ics, "text/calendar")] if ics else (),
    )
    if actor == "applicant":
        notify_organisation(application, template="notify_withdrawn", key=f"withdrawn:{change.pk}")
    if update_capacity(page, from_status=from_status, to_status=to_status):
        _tell_waiting_list(page, change)
    return application


@transaction.atomic
def write_message(application: Application, message: str, *, by) -> Application:
    """A member of the organisation writes the applicant without changing the status ("Wir melden uns
    nächste Woche"). Recorded in the history like a status change (from and to the same status),
    mailed the same way; it counts as activity and as the organisation's answer."""
    application = (
        Application.objects.select_for_update(of=("self",))
        .select_related("opportunity", "opportunity__organisation", "opportunity__city")
        .get(pk=application.pk)
    )
    page = application.opportunity
    if not page.organisation.has_member(by):
        raise PermissionDenied
    if application.confirmed_at is None or not application.is_open:
        raise ValidationError(_("Diese Bewerbung ist nicht mehr offen."))
    message = message.strip()
    if not message:
        raise ValidationError(_("Bitte schreiben Sie eine Nachricht."))
    change = StatusChange.objects.create(
        application=application,
        from_status=application.status,
        to_status=application.status,
        changed_by=by,
        message=message,
    )
    application.last_activity_at = change.changed_at
    application.closing_notice_at = None
    record_answer(application, change.changed_at)
    application.save(update_fields=["last_activity_at", "closing_notice_at", "answered_at", "updated_at"])
    mail_applicant(
        application,
        f"message:{change.pk}",
        "message",
        {
            "application": application,
            "page": page,
            "city": page.city,
            "message": message,
            "status_url": status_link(application),
        },
    )
    return application


def _tell_waiting_list(page, change: StatusChange):
    """A place is free again: the organisation hears how many people wait (no names in the mail)."""
    count = waiting(page).count()
    if not count:
        return
    url = absolute(reverse("dashboard:applications") + f"?opportunity={page.pk}&waiting_list=true")
    mail_members(
        page.organisation,
        f"place-free:{change.pk}",
        "place_free",
        {"page": page, "city": page.city, "count": count, "url": url},
    )
