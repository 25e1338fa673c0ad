"""Applying without an account: save first, then double opt-in by mail; duplicates are merged."""

import datetime as dt

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from engagement.cities.models import DEFAULT_REPLY_PROMISE_DAYS
from engagement.mail import outbox
from engagement.opportunities.models import OpportunityPage
from engagement.ratelimit import address_key, hit

from ..models import CONSENT_VERSION, AccessToken, Application
from .links import absolute, detail_url, status_link

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
        application.save()
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


def _context(application, **extra) -> dict:
    page = application.opportunity
    return {"application": application, "page": page, "city": page.city, **extra}


@transaction.atomic
def confirm(token: str) -> Application | None:
    """The second opt-in: only now does the organisation learn of the application (by a link)."""
    application = (
        _by_confirm_token(token)
        .select_for_update(of=("self",))
        .select_related("opportunity", "opportunity__city")
        .first()
    )
    if application is None:
        return None
    if application.confirmed_at is not None:
        return application
    application.confirmed_at = application.last_activity_at = timezone.now()
    # The city's reply promise as it stands now (services/replies.py).
    city = application.opportunity.city
    promise = city.reply_promise_days if city else DEFAULT_REPLY_PROMISE_DAYS
    application.reply_due_at = application.confirmed_at + dt.timedelta(days=promise)
    application.save(update_fields=["confirmed_at", "last_activity_at", "reply_due_at", "updated_at"])
    mail_applicant(
        application,
        f"received:{application.pk}",
        "received",
        _context(application, status_url=status_link(application)),
    )
    notify_organisation(application, template="notify_organisation", key=f"notify:{application.pk}")
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


def notify_organisation(application, *, template: str, key: str):
    """Every member of the organisation gets a link to the application; its content stays on the site."""
    mail_members(
        application.opportunity.organisation,
        key,
        template,
        _context(application, url=detail_url(application)),
        about=application,
    )


def mail_applicant(application: Application, key: str, template: str, context: dict, **options) -> bool:
    """An applicant's mail, in the language they applied in; erased with the application."""
    return outbox.queue(
        key,
        application.email,
        f"applications/emails/{template}",
        context,
        language=application.language,
        about=application,
        **options,
    )


def mail_members(organisation, key: str, template: str, context: dict, about=None):
    """The same mail to every member of the organisation, each in their own language."""
    for membership in organisation.memberships.select_related("user"):
        member = membership.user
        if member.email:
            outbox.queue(
                f"{key}:{member.pk}",
                member.email,
                f"applications/emails/{template}",
                context,
                language=outbox.recipient_language(member),
                about=about,
            )
