"""Who belongs to an organisation: founding it, asking to join, invitations, removal."""

import datetime as dt

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from engagement.mail import outbox

from .models import Invitation, Membership, MembershipRequest, Organisation

INVITATION_SALT = "engagement.organisations.invitation"
INVITATION_MAX_AGE = 60 * 60 * 24 * 14


def require_owner(user, organisation):
    if not organisation.has_owner(user):
        raise PermissionDenied


@transaction.atomic
def found_organisation(*, user, data: dict, logo=None) -> Organisation:
    """A new organisation waits for its city's editors (pending); its founder is its first owner.
    A logo goes into the home city's collection, where that city's editors can see and moderate it."""
    organisation = Organisation.objects.create(
        **data, verification_state=Organisation.VerificationState.PENDING
    )
    if logo is not None:
        image = get_image_model().objects.create(
            title=f"Logo {organisation.name}",
            file=logo,
            collection=organisation.home_city.collection,
            uploaded_by_user=user,
        )
        Organisation.objects.filter(pk=organisation.pk).update(logo=image)
        organisation.logo = image
    Membership.objects.create(organisation=organisation, user=user, role=Membership.Role.OWNER)
    return organisation


def request_membership(*, user, organisation, message="") -> MembershipRequest:
    if organisation.has_member(user):
        raise ValidationError(_("Sie gehören schon zu dieser Organisation."))
    request, _created = MembershipRequest.objects.get_or_create(
        organisation=organisation,
        user=user,
        status=MembershipRequest.Status.PENDING,
        defaults={"message": message},
    )
    return request


@transaction.atomic
def decide_request(*, membership_request: MembershipRequest, by, approve: bool):
    require_owner(by, membership_request.organisation)
    if membership_request.status != MembershipRequest.Status.PENDING:
        return membership_request
    membership_request.status = (
        MembershipRequest.Status.APPROVED if approve else MembershipRequest.Status.DECLINED
    )
    membership_request.decided_by, membership_request.decided_at = by, timezone.now()
    membership_request.save()
    if approve:
        Membership.objects.get_or_create(
            organisation=membership_request.organisation, user=membership_request.user
        )
    return membership_request


@transaction.atomic
def invite(*, organisation, email: str, by) -> Invitation:
    require_owner(by, organisation)
    return send_invitation(organisation=organisation, email=email, by=by)


def send_invitation(*, organisation, email: str, by, role=Membership.Role.MEMBER, sent_by_city=False):
    """The invitation and its mail, in the caller's transaction; whoever calls has checked the right."""
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email.strip().lower(),
        invited_by=by,
        role=role,
        sent_by_city=sent_by_city,
    )
    url = settings.WAGTAILADMIN_BASE_URL + reverse(
        "dashboard:accept_invitation", args=[invitation_token(invitation)]
    )
    outbox.queue(
        f"invitation:{invitation.pk}",
        invitation.email,
        "dashboard/emails/city_invitation" if sent_by_city else "dashboard/emails/invitation",
        {"invitation": invitation, "url": url},
        about=invitation,
    )
    return invitation


def invitation_token(invitation: Invitation) -> str:
    return signing.dumps(invitation.pk, salt=INVITATION_SALT)


def open_invitation(token: str) -> Invitation | None:
    """The invitation a link names, if it can still be accepted (for the page before accepting)."""
    try:
        invitation_id = signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE)
    except signing.BadSignature:
        return None
    return (
        Invitation.objects.filter(pk=invitation_id, accepted_at__isnull=True, revoked_at__isnull=True)
        .select_related("organisation")
        .first()
    )


def open_invitations(organisation):
    """Invitations that can still be accepted: not used, not revoked, not expired."""
    since = timezone.now() - dt.timedelta(seconds=INVITATION_MAX_AGE)
    return organisation.invitations.filter(
        accepted_at__isnull=True, revoked_at__isnull=True, created_at__gt=since
    ).order_by("-created_at")


def revoke_invitation(*, invitation: Invitation, by) -> None:
    require_owner(by, invitation.organisation)
    Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


@transaction.atomic
def accept_invitation(*, token: str, user) -> Organisation | None:
    """The organisation the invitation lets `user` join, in the invitation's role; None for a forged,
    expired, used or revoked link.

    The link is bound to the invited address: only an account with that (confirmed) e-mail address
    accepts it, so a forwarded link makes nobody else a member (ValidationError).
    """
    try:
        invitation_id = signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE)
    except signing.BadSignature:
        return None
    invitation = (
        Invitation.objects.select_for_update()
        .filter(pk=invitation_id, accepted_at__isnull=True, revoked_at__isnull=True)
        .first()
    )
    if invitation is None:
        return None
    if not user.is_active or user.email.strip().lower() != invitation.email:
        raise ValidationError(
            _(
                "Diese Einladung gilt für eine andere E-Mail-Adresse. Bitte melden Sie sich mit dem "
                "Konto dieser Adresse an oder bitten Sie um eine Einladung an Ihre Adresse."
            )
        )
    membership, created = Membership.objects.get_or_create(
        organisation=invitation.organisation, user=user, defaults={"role": invitation.role}
    )
    if not created and invitation.role == Membership.Role.OWNER and membership.role != invitation.role:
        membership.role = invitation.role
        membership.save(update_fields=["role"])
    invitation.accepted_by, invitation.accepted_at = user, timezone.now()
    invitation.save()
    return invitation.organisation


@transaction.atomic
def remove_member(*, membership: Membership, by):
    require_owner(by, membership.organisation)
    owners = membership.organisation.memberships.filter(role=Membership.Role.OWNER)
    if membership.role == Membership.Role.OWNER and owners.count() == 1:
        raise ValidationError(_("Die letzte verantwortliche Person kann nicht entfernt werden."))
    membership.delete()
