"""Verification of organisations: the one way their state changes, with who did it and when."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .models import Organisation

State = Organisation.VerificationState

ALLOWED_TRANSITIONS = {
    State.PENDING: {State.VERIFIED, State.SUSPENDED},
    State.VERIFIED: {State.SUSPENDED},
    State.SUSPENDED: {State.VERIFIED},
}

LOG_ACTIONS = {
    State.VERIFIED: "organisations.verify",
    State.SUSPENDED: "organisations.suspend",
}


@transaction.atomic
def change_verification_state(
    organisation: Organisation, new_state: str, *, by, previous_state: str | None = None
):
    """Verify, suspend or reactivate an organisation.

    Opportunities of an organisation that is not verified are neither listed nor served, so suspending
    takes them offline at once and reactivating brings them back, without touching the pages.
    `previous_state` is the state before an edit form changed the instance in memory.
    """
    old_state = previous_state or Organisation.objects.get(pk=organisation.pk).verification_state
    if new_state == old_state:
        return organisation
    if new_state not in ALLOWED_TRANSITIONS.get(old_state, set()):
        raise ValidationError(
            _("Von „%(old)s“ nach „%(new)s“ ist kein erlaubter Wechsel.")
            % {"old": State(old_state).label, "new": State(new_state).label}
        )
    organisation.verification_state = new_state
    if new_state == State.VERIFIED:
        organisation.verified_by, organisation.verified_at = by, timezone.now()
    organisation.save()
    log(instance=organisation, action=LOG_ACTIONS[new_state], user=by)
    return organisation
