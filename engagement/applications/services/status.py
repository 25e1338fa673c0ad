"""The one way an application's status changes: checked against the map, logged, mailed."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from ..calendar import ics_for
from ..mail import queue_mail
from ..models import Application, StatusChange
from .applying import notify_organisation
from .capacity import update_capacity, waiting
from .links import absolute, status_url

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
}
CLOSED = {Status.DECLINED, Status.WITHDRAWN}


@transaction.atomic
def change_status(application: Application, to_status: str, *, by=None, message: str = "") -> Application:
    """Move `application` to `to_status`.

    `by` is the organisation's member acting, or None for the applicant (through the private link).
    Records who and when (StatusChange), mails the applicant in German (the organisation too when the
    applicant withdraws), and lets the opportunity fill up or open again.
    """
    actor = "applicant" if by is None else "organisation"
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
    application.save(update_fields=["status", "closed_at", "updated_at"])

    ics = ics_for(page) if to_status == Status.ACCEPTED and page.event_start else ""
    queue_mail(
        key=f"status:{change.pk}",
        to=application.email,
        template=f"status_{to_status}",
        context={
            "application": application,
            "page": page,
            "city": page.city,
            "message": message,
            "status_url": status_url(application),
        },
        application=application,
        ics=ics,
    )
    if actor == "applicant":
        notify_organisation(application, template="notify_withdrawn", key=f"withdrawn:{change.pk}")
    if update_capacity(page, from_status=from_status, to_status=to_status):
        _tell_waiting_list(page, change)
    return application


def _tell_waiting_list(page, change: StatusChange):
    """A place is free again: the organisation hears how many people wait (no names in the mail)."""
    count = waiting(page).count()
    if not count:
        return
    url = absolute(reverse("dashboard:applications") + f"?opportunity={page.pk}&waiting_list=true")
    for user_id, email in page.organisation.memberships.values_list("user_id", "user__email"):
        if email:
            queue_mail(
                key=f"place-free:{change.pk}:{user_id}",
                to=email,
                template="place_free",
                context={"page": page, "city": page.city, "count": count, "url": url},
            )
