"""Creating the legal pages, and accepting accessibility feedback."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from engagement.cities.models import CityPage
from engagement.mail import outbox
from engagement.ratelimit import RateLimited, client_key, hit

from .defaults import default_body
from .models import AccessibilityFeedback, LegalPage

CITY_KINDS = [LegalPage.Kind.IMPRESSUM, LegalPage.Kind.PRIVACY, LegalPage.Kind.ACCESSIBILITY]
PORTAL_KINDS = [*CITY_KINDS, LegalPage.Kind.EASY_LANGUAGE]


class FeedbackRateLimited(Exception):
    pass


def ensure_legal_pages(parent: Page) -> list[LegalPage]:
    """Give the portal or a city its legal pages with German defaults. Existing pages stay as edited."""
    city = CityPage.objects.filter(pk=parent.pk).first()
    kinds = CITY_KINDS if city is not None else PORTAL_KINDS
    existing = {page.kind: page for page in LegalPage.objects.child_of(parent)}
    pages = []
    for kind in kinds:
        page = existing.get(kind)
        if page is None:
            page = LegalPage(
                title=str(LegalPage.Kind(kind).label),
                slug=kind,
                kind=kind,
                body=default_body(kind, city),
                show_in_menus=False,
            )
            parent.add_child(instance=page)
            page.save_revision().publish()
        pages.append(page)
    return pages


def legal_pages_for(parent: Page):
    return LegalPage.objects.live().child_of(parent).order_by("path")


def _check_rate_limit(request) -> None:
    try:
        hit("legal-feedback", client_key(request))
    except RateLimited as error:
        raise FeedbackRateLimited from error


def submit_feedback(*, page: LegalPage, request, data: dict) -> AccessibilityFeedback | None:
    """Store a feedback message and queue its mail to the city in the same transaction.

    A filled-in honeypot is dropped silently (None): the bot sees the same answer as a person.
    """
    _check_rate_limit(request)
    if data.get("website"):
        return None
    with transaction.atomic():
        feedback = AccessibilityFeedback.objects.create(
            page=page,
            city=page.city,
            name=data.get("name", ""),
            email=data.get("email", ""),
            location=data.get("location", ""),
            message=data["message"],
        )
        context = {
            "feedback": feedback,
            "title": feedback.location or page.title,
            "statement": page.full_url or page.url_path,
        }
        for number, address in enumerate(page.feedback_recipients()):
            outbox.queue(
                f"accessibility-feedback:{feedback.pk}:{number}",
                address,
                "legal/emails/feedback",
                context,
                headers={"Reply-To": feedback.email} if feedback.email else None,
                language=settings.LANGUAGE_CODE,  # the city's staff read German
                about=feedback,
            )
    return feedback


def mark_feedback_answered(feedback: AccessibilityFeedback, *, by) -> AccessibilityFeedback:
    """Record who answered the sender and when. Marking it again keeps the first answer."""
    if feedback.answered_at is None:
        feedback.answered_at, feedback.answered_by = timezone.now(), by
        feedback.save(update_fields=["answered_at", "answered_by"])
    return feedback
