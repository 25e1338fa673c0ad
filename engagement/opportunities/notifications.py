"""The city's decision on a submitted opportunity reaches the organisation's members by e-mail.

Wagtail mails its own approval and rejection notices to whoever submitted, with links into the admin.
Verein members submit from /mein-verein/ and cannot open the admin, so they get our mail instead of
Wagtail's: the two notifiers below keep Wagtail's behaviour for everyone who may use the admin.
"""

from celery import shared_task
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import transaction
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.admin.mail import WorkflowStateApprovalEmailNotifier, WorkflowStateRejectionEmailNotifier
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import workflow_approved, workflow_rejected

from engagement.opportunities.models import OpportunityPage

from . import links

SENT_MARKER_SECONDS = 60 * 60 * 24 * 30


class AdminUsersOnly:
    """Wagtail's notice goes only to recipients who can open the admin page it links to."""

    def get_valid_recipients(self, instance, **kwargs):
        return {
            user
            for user in super().get_valid_recipients(instance, **kwargs)
            if user.has_perm("wagtailadmin.access_admin")
        }


class ApprovalNotifier(AdminUsersOnly, WorkflowStateApprovalEmailNotifier):
    pass


class RejectionNotifier(AdminUsersOnly, WorkflowStateRejectionEmailNotifier):
    pass


# Module-level, because signals hold their receivers weakly. Our apps are ready before wagtail.admin, so
# these take Wagtail's dispatch_uids first; Wagtail's own connect() with the same uid then does nothing
# (Django keeps one receiver per uid and sender). A test fails if that order ever changes.
approval_notifier = ApprovalNotifier()
rejection_notifier = RejectionNotifier()
workflow_approved.connect(
    approval_notifier, sender=WorkflowState, dispatch_uid="workflow_state_approved_email_notification"
)
workflow_rejected.connect(
    rejection_notifier, sender=WorkflowState, dispatch_uid="workflow_state_rejected_email_notification"
)


@receiver(workflow_approved)
@receiver(workflow_rejected)
def notify_organisation_of_decision(sender, instance: WorkflowState, user, **kwargs):
    if instance.content_object is None or not isinstance(instance.content_object.specific, OpportunityPage):
        return
    state_id = instance.pk
    transaction.on_commit(lambda: send_moderation_decision.delay(state_id))


@shared_task(
    name="dashboard.send_moderation_decision",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def send_moderation_decision(workflow_state_id: int) -> str:
    """Idempotent: one mail per decision, however often the task runs."""
    marker = f"mail-sent:moderation-decision:{workflow_state_id}"
    if cache.get(marker):
        return "already sent"
    state = WorkflowState.objects.filter(pk=workflow_state_id).first()
    if state is None:
        return "gone"
    page = state.content_object.specific
    recipients = sorted(
        email for email in page.organisation.memberships.values_list("user__email", flat=True) if email
    )
    if not recipients:
        return "no recipients"
    # The editors' comment on their decision, whether they approved or asked for changes.
    decided = (
        state.task_states.filter(status__in=[TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED])
        .order_by("-finished_at")
        .first()
    )
    context = {
        "page": page,
        "approved": state.status == WorkflowState.STATUS_APPROVED,
        "comment": decided.comment if decided else "",
        "dashboard_url": links.dashboard_url(),
        "public_url": links.public_url(page) if page.live else None,
        "city": page.city,
    }
    with translation.override("de"):
        subject = render_to_string("dashboard/emails/decision_subject.txt", context).strip()
        body = render_to_string("dashboard/emails/decision.txt", context)
    send_mail(subject, body, None, recipients)
    cache.set(marker, True, SENT_MARKER_SECONDS)
    return "sent"
