"""The city's decision on a submitted opportunity reaches the organisation's members by e-mail.

Wagtail's own notices link into the admin, which Verein members cannot open (engagement/mail/
wagtail_notifications.py leaves them out); they submit from /mein-verein/ and get this mail instead.
"""

from django.dispatch import receiver
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import workflow_approved, workflow_rejected

from engagement.mail import outbox

from . import links
from .models import OpportunityPage


@receiver(workflow_approved)
@receiver(workflow_rejected)
def notify_organisation_of_decision(sender, instance: WorkflowState, user, **kwargs):
    """One mail per member and decision, queued in the transaction of the decision itself."""
    if instance.content_object is None or not isinstance(instance.content_object.specific, OpportunityPage):
        return
    page = instance.content_object.specific
    # The editors' comment on their decision, whether they approved or asked for changes. Its task
    # state keys the mail: a resubmitted offer's next decision gets a mail of its own.
    decided = (
        instance.task_states.filter(status__in=[TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED])
        .order_by("-finished_at", "-pk")
        .first()
    )
    context = {
        "page": page,
        "approved": instance.status == WorkflowState.STATUS_APPROVED,
        "comment": decided.comment if decided else "",
        "dashboard_url": links.dashboard_url(),
        "public_url": links.public_url(page) if page.live else None,
        "city": page.city,
    }
    decision = decided.pk if decided else f"workflow-{instance.pk}"
    for membership in page.organisation.memberships.select_related("user"):
        member = membership.user
        if member.email:
            outbox.queue(
                f"moderation-decision:{decision}:{member.pk}",
                member.email,
                "dashboard/emails/decision",
                context,
                language=outbox.recipient_language(member),
            )
