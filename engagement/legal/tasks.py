from celery import shared_task
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

SUBJECT = "Rückmeldung zur Barrierefreiheit: {title}"
BODY = """Über die Erklärung zur Barrierefreiheit ist eine Rückmeldung eingegangen.

Seite der Erklärung: {statement}
Betroffene Seite: {location}
Name: {name}
E-Mail: {email}

Nachricht:
{message}

Bitte antworten Sie innerhalb von sechs Wochen (§ 10 Abs. 2 L-BGG Baden-Württemberg).
"""


@shared_task(
    name="legal.send_accessibility_feedback",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def send_accessibility_feedback(feedback_id: int) -> str:
    """Mail one feedback message to the city. Idempotent: a message already sent is not sent again."""
    from .models import AccessibilityFeedback

    with transaction.atomic():
        feedback = (
            AccessibilityFeedback.objects.select_for_update()
            .select_related("page")
            .filter(pk=feedback_id)
            .first()
        )
        if feedback is None:
            return "missing"
        if feedback.mailed_at is not None:
            return "already sent"
        recipients = feedback.page.feedback_recipients()
        if not recipients:
            return "no recipient"
        EmailMessage(
            subject=SUBJECT.format(title=feedback.location or feedback.page.title)[:200],
            body=BODY.format(
                statement=feedback.page.full_url or feedback.page.url_path,
                location=feedback.location or "–",
                name=feedback.name or "–",
                email=feedback.email or "–",
                message=feedback.message,
            ),
            to=recipients,
            reply_to=[feedback.email] if feedback.email else None,
        ).send()
        feedback.mailed_at = timezone.now()
        feedback.save(update_fields=["mailed_at"])
    return "sent"
