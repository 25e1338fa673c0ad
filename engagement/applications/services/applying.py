"""Applying without an account: save first, then double opt-in by mail; duplicates are merged."""

import datetime as dt

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from engagement.opportunities.models import OpportunityPage
from engagement.ratelimit import address_key, hit

from ..models import CONSENT_VERSION, AccessToken, Application
from . import guardians
from .completion import complete
from .links import absolute, status_link
from .mails import context as _context
from .mails import mail_applicant, mail_members, notify_organisation

__all__ = ["apply", "complete", "confirm", "mail_applicant", "mail_members", "notify_organisation"]

Status = Application.Status
CONFIRM_SALT = "engagement.applications.confirm"
CONFIRM_MAX_AGE = dt.timedelta(days=7)


def confirm_token(application: Application) -> str:
    """A new confirmation token: random, names no id, only its hash is stored, valid for CONFIRM_MAX_AGE."""
    return AccessToken.issue(application, AccessToken.Purpose.CONFIRM)


@transaction.atomic
def apply(*, opportunity: OpportunityPage, client_address: str, data: dict) -> Application | None:
    """Store the application and ask for confirmation by mail (double opt-in).

    Raises RateLimited past the per-address or per-e-mail limit, ValidationError when the opportunity
    takes no applications. A filled-in honeypot returns None and stores nothing (the bot sees success).
    One open application per address and opportunity: an unconfirmed one is updated and its link sent
    again; a confirmed one is left as it is (whoever typed the address has not proven it is theirs) and
    its owner gets the status link instead. The caller shows the same page in every case, so the form
    never tells whether an address has applied before.
    """
    email = data["email"].strip().lower()
    hit("apply-address", address_key(client_address))
    hit("apply-email", email)
    if data.get("website"):
        return None
    if not opportunity.takes_applications:
        raise ValidationError(_("Für dieses Angebot sind gerade keine Bewerbungen möglich."))
    now = timezone.now()
    fields = {
        "name": data["name"],
        "phone": data.get("phone", ""),
        "message": data["message"],
        "availability": data.get("availability", ""),
        "age_confirmed": bool(data.get("age_confirmed")),
        "requirements_confirmed": bool(data.get("requirements_confirmed")),
        "is_minor": bool(data.get("is_minor")),
        "guardian_email": (data.get("guardian_email") or "").strip().lower() if data.get("is_minor") else "",
        "consent_version": CONSENT_VERSION,
        "consent_given_at": now,
        "on_waiting_list": not opportunity.is_open_for_applications,
        "language": translation.get_language() or settings.LANGUAGE_CODE,
    }
    application = _open_application(opportunity, email)
    if application is None:
        try:
            with transaction.atomic():
                application = Application.objects.create(opportunity=opportunity, email=email, **fields)
        except IntegrityError:  # the same address applied in a parallel request a moment ago
            application = _open_application(opportunity, email)
    elif application.confirmed_at is None:
        for name, value in fields.items():
            setattr(application, name, value)
        # Changed details are confirmed again; for a minor that asks the parent (perhaps a new address).
        application.applicant_confirmed_at = None
        application.save()
        # A parent's link names the details as they were: it ends, and the parent asked next gets a new one.
        application.tokens.filter(purpose=AccessToken.Purpose.GUARDIAN).delete()
    else:
        mail_applicant(
            application,
            f"again:{application.pk}:{now.timestamp()}",
            "already_applied",
            _context(application, status_url=status_link(application)),
        )
        return application
    mail_applicant(
        application,
        f"confirm:{application.pk}:{now.timestamp()}",
        "confirm",
        {
            "city": opportunity.city,
            "url": absolute(
                reverse("applications:confirm", args=[confirm_token(application)]), opportunity.city
            ),
        },
    )
    return application


def _open_application(opportunity, email) -> Application | None:
    return (
        Application.objects.select_for_update()
        .filter(opportunity=opportunity, email=email, status__in=[Status.REQUESTED, Status.ACCEPTED])
        .first()
    )


@transaction.atomic
def confirm(token: str) -> Application | None:
    """The applicant's opt-in. An adult's application is then complete and the organisation learns of
    it (by a link); a minor's waits for a parent or guardian, who is asked now (guardians.py)."""
    application = (
        _by_confirm_token(token)
        .select_for_update(of=("self",))
        .select_related("opportunity", "opportunity__city")
        .first()
    )
    if application is None:
        return None
    if application.confirmed_at is not None or application.applicant_confirmed_at is not None:
        return application
    application.applicant_confirmed_at = timezone.now()
    application.save(update_fields=["applicant_confirmed_at", "updated_at"])
    if application.is_minor:
        guardians.ask_guardian(application)
    else:
        complete(application)
    return application


def _by_confirm_token(token: str):
    """The application a confirmation token opens (none, or one) while it is younger than CONFIRM_MAX_AGE."""
    if ":" not in token:  # random tokens (token_urlsafe) have no colon; signed values always do
        return Application.objects.with_token(
            token, AccessToken.Purpose.CONFIRM, issued_after=timezone.now() - CONFIRM_MAX_AGE
        )
    # Links mailed before the tokens were stored hashed were signed values naming the id or the status
    # token (whose hash migration 0008 kept). The signature's age limits them to 7 days, like the others.
    try:
        reference = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:  # forged, damaged or older than 7 days (SignatureExpired)
        return Application.objects.none()
    if isinstance(reference, int):
        return Application.objects.filter(pk=reference)
    return Application.objects.with_token(str(reference), AccessToken.Purpose.STATUS)
