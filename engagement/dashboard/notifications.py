"""The city's decision on a submitted opportunity reaches the organisation's members by e-mail."""

from celery import shared_task
from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import transaction
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import workflow_approved, workflow_rejected

from engagement.opportunities.models import OpportunityPage

SENT_MARKER_SECONDS = 60 * 60 * 24 * 30


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
    rejected = state.task_states.filter(status=TaskState.STATUS_REJECTED).order_by("-finished_at").first()
    context = {
        "page": page,
        "approved": state.status == WorkflowState.STATUS_APPROVED,
        "comment": rejected.comment if rejected else "",
        "dashboard_url": settings.WAGTAILADMIN_BASE_URL + reverse("dashboard:overview"),
        "city": page.city,
    }
    with translation.override("de"):
        subject = render_to_string("dashboard/emails/decision_subject.txt", context).strip()
        body = render_to_string("dashboard/emails/decision.txt", context)
    send_mail(subject, body, None, recipients)
    cache.set(marker, True, SENT_MARKER_SECONDS)
    return "sent"
