"""Applying and handling applications. Every state change goes through `change_status`."""

import datetime as dt

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from engagement.opportunities.models import OpportunityPage
from engagement.ratelimit import client_address, hit

from .calendar import ics_for
from .mail import queue_mail
from .models import CONSENT_VERSION, Application, StatusChange

Status = Application.Status
CONFIRM_SALT = "engagement.applications.confirm"
CONFIRM_MAX_AGE = int(dt.timedelta(days=7).total_seconds())

# Who may move an application from where to where.
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


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL + path


def status_url(application) -> str:
    return absolute(reverse("applications:status", args=[application.access_token]))


@transaction.atomic
def apply(*, opportunity: OpportunityPage, request, data: dict) -> Application | None:
    """Save the application first, then ask for confirmation by mail (double opt-in).

    The same address applying again to the same opportunity updates the open application instead of
    creating a second one. A filled-in honeypot returns None and stores nothing.
    """
    hit("apply-ip", client_address(request), limit=10, window_seconds=3600)
    hit("apply-email", data["email"].lower(), limit=3, window_seconds=3600)
    if data.get("website"):
        return None
    if not opportunity.is_open_for_applications:
        raise ValidationError(_("Für dieses Angebot sind gerade keine Bewerbungen möglich."))
    fields = {
        "name": data["name"],
        "phone": data.get("phone", ""),
        "message": data["message"],
        "availability": data.get("availability", ""),
        "age_confirmed": data.get("age_confirmed", False),
        "requirements_confirmed": data.get("requirements_confirmed", False),
        "consent_version": CONSENT_VERSION,
        "consent_given_at": timezone.now(),
    }
    existing = (
        Application.objects.select_for_update()
        .filter(
            opportunity=opportunity,
            email__iexact=data["email"],
            status__in=[Status.REQUESTED, Status.ACCEPTED],
        )
        .first()
    )
    if existing is not None:
        for name, value in fields.items():
            setattr(existing, name, value)
        existing.save()
        application = existing
    else:
        application = Application.objects.create(
            opportunity=opportunity, email=data["email"].lower(), **fields
        )
    if application.confirmed_at is None:
        token = signing.dumps(application.pk, salt=CONFIRM_SALT)
        queue_mail(
            key=f"confirm:{application.pk}:{application.consent_given_at.timestamp()}",
            to=application.email,
            template="confirm",
            context={"url": absolute(reverse("applications:confirm", args=[token]))},
        )
    return application


@transaction.atomic
def confirm(token: str) -> Application | None:
    try:
        application_id = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:
        return None
    application = Application.objects.select_for_update().filter(pk=application_id).first()
    if application is None:
        return None
    if application.confirmed_at is None:
        application.confirmed_at = timezone.now()
        application.save(update_fields=["confirmed_at", "updated_at"])
        page = application.opportunity
        context = {"application": application, "page": page, "city": page.city}
        queue_mail(
            key=f"received:{application.pk}",
            to=application.email,
            template="received",
            context={**context, "status_url": status_url(application)},
        )
        for member_email in page.organisation.memberships.values_list("user__email", flat=True):
            queue_mail(
                key=f"notify:{application.pk}:{member_email}",
                to=member_email,
                template="notify_organisation",
                context={**context, "url": absolute(reverse("applications:detail", args=[application.pk]))},
            )
    return application


@transaction.atomic
def change_status(application: Application, to_status: str, *, by=None, message: str = "") -> Application:
    """The one way an application's status changes: checked against the map, logged, mailed."""
    actor = "applicant" if by is None else "organisation"
    if (
        actor == "organisation"
        and not application.opportunity.organisation.memberships.filter(user=by).exists()
    ):
        raise PermissionDenied
    application = Application.objects.select_for_update().get(pk=application.pk)
    allowed = ALLOWED_TRANSITIONS[actor].get(application.status, set())
    if to_status not in allowed:
        raise ValidationError(_("Dieser Schritt ist gerade nicht möglich."))
    change = StatusChange.objects.create(
        application=application,
        from_status=application.status,
        to_status=to_status,
        changed_by=by,
        message=message,
    )
    application.status = to_status
    application.closed_at = timezone.now() if to_status in (Status.DECLINED, Status.WITHDRAWN) else None
    application.save(update_fields=["status", "closed_at", "updated_at"])
    page = application.opportunity
    if actor == "organisation":
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
            ics=ics,
        )
    update_capacity(page)
    return application


def update_capacity(page: OpportunityPage):
    """Enough acceptances fill the opportunity; fewer than needed open it again (if it was filled)."""
    from engagement.dashboard.services import set_recruitment_status

    accepted = page.applications.filter(status=Status.ACCEPTED).count()
    filled = page.recruitment_status == OpportunityPage.RecruitmentStatus.FILLED
    if accepted >= page.volunteers_needed and not filled:
        set_recruitment_status(page, OpportunityPage.RecruitmentStatus.FILLED)
    elif accepted < page.volunteers_needed and filled:
        set_recruitment_status(page, OpportunityPage.RecruitmentStatus.OPEN)


def export_data(application: Application) -> dict:
    """Art. 15 DSGVO: everything stored about this application."""
    return {
        "angebot": application.opportunity.title,
        "organisation": application.opportunity.organisation.name,
        "name": application.name,
        "email": application.email,
        "telefon": application.phone,
        "nachricht": application.message,
        "zeit": application.availability,
        "status": application.get_status_display(),
        "einwilligung": {
            "version": application.consent_version,
            "erteilt": application.consent_given_at.isoformat(),
            "bestaetigt": application.confirmed_at.isoformat() if application.confirmed_at else None,
        },
        "verlauf": [
            {
                "von": change.from_status,
                "nach": change.to_status,
                "am": change.changed_at.isoformat(),
                "nachricht": change.message,
            }
            for change in application.changes.all()
        ],
    }


@transaction.atomic
def erase(application: Application):
    """Art. 17 DSGVO: the application and its mails are deleted; capacity follows."""
    from .models import OutgoingMail

    page = application.opportunity
    OutgoingMail.objects.filter(to=application.email, key__regex=rf"^[a-z]+:{application.pk}(:|$)").delete()
    application.delete()
    update_capacity(page)
