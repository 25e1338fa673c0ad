"""How an organisation's page (an offer, a need) reaches its city's moderation: one rule for both.

The page goes to the moderation its city section has (a Wagtail workflow), or, after the city asked for
changes, the same moderation continues with the new version. A suspended organisation submits nothing;
a page already being checked is not submitted twice."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.models import WorkflowState

from .models import Organisation


def refuse_if_suspended(organisation: Organisation):
    if organisation.verification_state == Organisation.VerificationState.SUSPENDED:
        raise ValidationError(
            _("Ihre Organisation ist gesperrt. Bitte wenden Sie sich an die Redaktion Ihrer Stadt.")
        )


def submit_to_city(page, user, *, organisation: Organisation, validate, already_in_progress: str):
    """Start the city's moderation of `page`, or resume it after "changes requested". `validate` checks
    the latest version (a ValidationError names what is missing) before anything starts;
    `already_in_progress` is the message when the page is being checked."""
    refuse_if_suspended(organisation)
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        validate(page.get_latest_revision_as_object())
        return state.resume(user)
    if page.workflow_in_progress:
        raise ValidationError(already_in_progress)
    workflow = page.get_workflow()
    if workflow is None:
        raise ValidationError(
            _("Für diese Stadt ist keine Prüfung eingerichtet. Bitte melden Sie sich bei der Stadt.")
        )
    validate(page.get_latest_revision_as_object())
    return workflow.start(page, user)
