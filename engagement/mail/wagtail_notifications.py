"""Wagtail's own moderation notices, sent through the outbox.

Wagtail mails its workflow notices (submitted, approved, rejected) from signal receivers, talking SMTP
in the editor's request. Its documented extension point is the notifier: a callable connected to the
workflow signal. These notifiers keep Wagtail's templates and the recipient's admin language and queue
each notice instead of sending it. A notice links into the admin, so it goes only to recipients who may
open the admin (Verein members, who submit from /mein-verein/, get the dashboard's own mail instead).
They take the dispatch_uids Wagtail uses, so Wagtail's own connect() with the same uid later does
nothing (Django keeps one receiver per uid and sender); a test fails if that order ever changes.
"""

from wagtail.admin.mail import (
    GroupApprovalTaskStateSubmissionEmailNotifier,
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
    WorkflowStateSubmissionEmailNotifier,
)
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from . import outbox


class OutboxNotifier:
    """Mixin for Wagtail's EmailNotificationMixin notifiers: queue one keyed mail per recipient."""

    def get_valid_recipients(self, instance, **kwargs):
        return {
            user
            for user in super().get_valid_recipients(instance, **kwargs)
            if user.has_perm("wagtailadmin.access_admin")
        }

    def get_context(self, instance, **kwargs):
        # Each decision and each submission has a task state of its own; its id keys the notice, so a
        # second run of the same signal queues nothing, while a resubmission gets its own notice.
        if isinstance(instance, TaskState):
            task_state = instance
        else:
            task_state = instance.task_states.order_by("pk").last()
        return {
            **super().get_context(instance, **kwargs),
            "outbox_key": f"wagtail-{self.notification}:{task_state.pk if task_state else instance.pk}",
        }

    def send_emails(self, template_set, context, recipients, **kwargs):
        base = template_set["text"].removesuffix(".txt")
        for recipient in recipients:
            outbox.queue(
                f"{context['outbox_key']}:{recipient.pk}",
                recipient.email,
                outbox.Templates.named(base),
                {**context, "user": recipient},
                language=outbox.recipient_language(recipient),
            )
        return True


class SubmissionNotifier(OutboxNotifier, WorkflowStateSubmissionEmailNotifier):
    pass


class TaskSubmissionNotifier(OutboxNotifier, GroupApprovalTaskStateSubmissionEmailNotifier):
    pass


class ApprovalNotifier(OutboxNotifier, WorkflowStateApprovalEmailNotifier):
    pass


class RejectionNotifier(OutboxNotifier, WorkflowStateRejectionEmailNotifier):
    pass


def connect(notifier, signal, sender, dispatch_uid):
    signal.connect(notifier, sender=sender, dispatch_uid=dispatch_uid)
    return notifier


# Module-level, because signals hold their receivers weakly.
task_submission_notifier = connect(
    TaskSubmissionNotifier(), task_submitted, TaskState, "group_approval_task_submitted_email_notification"
)
submission_notifier = connect(
    SubmissionNotifier(), workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification"
)
approval_notifier = connect(
    ApprovalNotifier(), workflow_approved, WorkflowState, "workflow_state_approved_email_notification"
)
rejection_notifier = connect(
    RejectionNotifier(), workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification"
)
