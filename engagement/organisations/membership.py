"""Who belongs to an organisation: founding it, asking to join, invitations, removal."""

from celery import shared_task
from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

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
    invitation = Invitation.objects.create(
        organisation=organisation, email=email.strip().lower(), invited_by=by
    )
    invitation_id = invitation.pk
    transaction.on_commit(lambda: send_invitation.delay(invitation_id))
    return invitation


def invitation_token(invitation: Invitation) -> str:
    return signing.dumps(invitation.pk, salt=INVITATION_SALT)


@transaction.atomic
def accept_invitation(*, token: str, user) -> Organisation | None:
    try:
        invitation_id = signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE)
    except signing.BadSignature:
        return None
    invitation = (
        Invitation.objects.select_for_update().filter(pk=invitation_id, accepted_at__isnull=True).first()
    )
    if invitation is None:
        return None
    Membership.objects.get_or_create(organisation=invitation.organisation, user=user)
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


@shared_task(
    name="organisations.send_invitation",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def send_invitation(invitation_id: int) -> str:
    invitation = Invitation.objects.filter(pk=invitation_id, accepted_at__isnull=True).first()
    if invitation is None:
        return "skipped"
    url = settings.WAGTAILADMIN_BASE_URL + reverse(
        "dashboard:accept_invitation", args=[invitation_token(invitation)]
    )
    context = {"invitation": invitation, "url": url}
    with translation.override("de"):
        body = render_to_string("dashboard/emails/invitation.txt", context)
        subject = _("Einladung: %(name)s bei „Engagement vernetzt“") % {"name": invitation.organisation.name}
    send_mail(subject, body, None, [invitation.email])
    return "sent"
