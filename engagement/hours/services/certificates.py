"""The Engagementnachweis: the volunteer asks for it, a person responsible for the Verein issues it (their
name signs it through the platform), the Verein can revoke it, anyone holding its code can verify it."""

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Min, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from engagement.applications.models import Application
from engagement.applications.services.links import absolute, status_url
from engagement.mail import outbox
from engagement.organisations.models import Membership

from ..models import Certificate, HoursEntry, new_code, normalise_code

User = get_user_model()


def _attended(application: Application):
    return HoursEntry.objects.filter(application=application, attended=True)


@transaction.atomic
def request_certificate(application: Application) -> Certificate:
    """The volunteer asks the Verein for a Nachweis (once at a time); there must be confirmed hours."""
    if not _attended(application).exists():
        raise ValidationError(_("Für einen Nachweis braucht es zuerst bestätigte Stunden."))
    Application.objects.select_for_update(of=("self",)).filter(pk=application.pk).first()
    existing = application.certificates.filter(status=Certificate.Status.REQUESTED).first()
    if existing is not None:
        return existing
    certificate = Certificate.objects.create(
        application=application,
        organisation_id=application.opportunity.organisation_id,
        city_id=application.opportunity.city_id,
        status=Certificate.Status.REQUESTED,
        requested_at=timezone.now(),
    )
    page = application.opportunity
    url = absolute(reverse("dashboard:certificates"))
    # To the persons responsible (only they issue), each in their language; no name in the mail.
    owners = User.objects.filter(
        memberships__organisation_id=page.organisation_id, memberships__role=Membership.Role.OWNER
    ).exclude(email="")
    for user in owners:
        outbox.queue(
            f"certificate-requested:{certificate.pk}:{user.pk}",
            user.email,
            "hours/emails/certificate_requested",
            {"page": page, "city": page.city, "url": url},
            language=outbox.recipient_language(user),
            about=application,
        )
    return certificate


def suggested_tasks(application: Application) -> str:
    """The tasks the confirmed entries name (or the offer's title), one a line: the issuer may edit them."""
    labels = list(dict.fromkeys(_attended(application).exclude(label="").values_list("label", flat=True)))
    return "\n".join(labels or [application.opportunity.title])


@transaction.atomic
def issue_certificate(application: Application, *, by, signer_name: str, signer_role: str, tasks: str):
    """Issue a Nachweis of all hours confirmed for `application`, signed by `by` (a person responsible
    for the Verein) under `signer_name`. A pending request of the volunteer is fulfilled by it."""
    organisation = application.opportunity.organisation
    if not organisation.has_owner(by):
        raise PermissionDenied
    summary = _attended(application).aggregate(hours=Sum("hours"), first=Min("date"), last=Max("date"))
    if not summary["hours"]:
        raise ValidationError(_("Für einen Nachweis braucht es zuerst bestätigte Stunden."))
    last = summary["last"]
    # A month's entry stands for the whole month.
    month_entries = _attended(application).filter(date=last, period=HoursEntry.Period.MONTH)
    if month_entries.exists():
        next_month = (last.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        last = min(next_month - dt.timedelta(days=1), timezone.localdate())
    certificate = application.certificates.filter(status=Certificate.Status.REQUESTED).first() or Certificate(
        application=application, organisation=organisation, city_id=application.opportunity.city_id
    )
    city = application.opportunity.city
    certificate.status = Certificate.Status.ISSUED
    certificate.volunteer_name = application.name
    certificate.organisation_name = organisation.name
    certificate.stage_name = city.stage_name if city else ""
    certificate.tasks = "\n".join(line.strip() for line in tasks.splitlines() if line.strip())[:2000]
    certificate.period_start, certificate.period_end = summary["first"], last
    certificate.hours = Decimal(summary["hours"])
    certificate.signer_name = " ".join(signer_name.split())[:150]
    certificate.signer_role = " ".join(signer_role.split())[:120]
    certificate.issued_by, certificate.issued_at = by, timezone.now()
    for _attempt in range(5):
        certificate.code = new_code()
        try:
            with transaction.atomic():
                certificate.save()
        except IntegrityError:
            continue
        page = application.opportunity
        outbox.queue(
            f"certificate-issued:{certificate.pk}",
            application.email,
            "hours/emails/certificate_issued",
            {
                "application": application,
                "page": page,
                "city": page.city,
                "record_url": SimpleLazyObject(lambda: status_url(application) + "stunden/"),
            },
            language=application.language,
            about=application,
        )
        return certificate
    raise RuntimeError("No free verification code after 5 attempts")


@transaction.atomic
def revoke_certificate(certificate: Certificate, *, by) -> Certificate:
    """The Verein withdraws a Nachweis it issued (e.g. by mistake): its verification page says so."""
    if not certificate.organisation.has_owner(by):
        raise PermissionDenied
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.status != Certificate.Status.ISSUED:
        raise ValidationError(_("Nur ein ausgestellter Nachweis lässt sich widerrufen."))
    certificate.status = Certificate.Status.REVOKED
    certificate.revoked_by, certificate.revoked_at = by, timezone.now()
    certificate.save(update_fields=["status", "revoked_by", "revoked_at"])
    return certificate


def verify(code: str) -> Certificate | None:
    """The issued or revoked Nachweis with this code (as typed or scanned), or None."""
    return (
        Certificate.objects.filter(code=normalise_code(code))
        .exclude(status=Certificate.Status.REQUESTED)
        .select_related("city")
        .first()
    )
