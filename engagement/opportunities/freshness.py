"""Keeping opportunities current, as the national volunteering database asks of its partners.

90 days after the last confirmation (or publication) the members of an ongoing opportunity's
organisation get a mail with a one-click confirmation link. 14 days after an unanswered reminder the
opportunity goes offline, and one click in the dashboard brings it back. Opportunities past their end
date, deadline or date go offline by themselves. Everything runs daily through celery beat; every step
is idempotent.
"""

import datetime as dt

from celery import shared_task
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.actions.unpublish_page import UnpublishPageAction

from engagement.opportunities.models import Freshness, OpportunityPage

from . import links

REMIND_AFTER = dt.timedelta(days=90)
OFFLINE_AFTER_REMINDER = dt.timedelta(days=14)
CONFIRM_LINK_MAX_AGE = int(dt.timedelta(days=30).total_seconds())
SIGNING_SALT = "engagement.freshness.confirm"

ONGOING = [OpportunityPage.ScheduleKind.REGULAR, OpportunityPage.ScheduleKind.FLEXIBLE]


def last_confirmation(page: OpportunityPage, freshness: Freshness | None) -> dt.datetime | None:
    moments = [page.last_published_at, freshness.confirmed_at if freshness else None]
    return max((moment for moment in moments if moment), default=None)


def confirm_token(page: OpportunityPage) -> str:
    return signing.dumps(page.pk, salt=SIGNING_SALT)


def confirm_url(page: OpportunityPage) -> str:
    return links.portal_url(reverse("dashboard:confirm_current", args=[confirm_token(page)]))


def page_for_token(token: str) -> OpportunityPage | None:
    try:
        page_id = signing.loads(token, salt=SIGNING_SALT, max_age=CONFIRM_LINK_MAX_AGE)
    except signing.BadSignature:
        return None
    return OpportunityPage.objects.filter(pk=page_id).first()


def confirm_current(page: OpportunityPage) -> Freshness:
    freshness, _ = Freshness.objects.get_or_create(page=page)
    freshness.confirmed_at = timezone.now()
    freshness.save(update_fields=["confirmed_at"])
    return freshness


@transaction.atomic
def take_offline(page: OpportunityPage, *, reason_stale: bool) -> None:
    if not page.live:
        return
    revision_id = page.live_revision_id
    UnpublishPageAction(page, log_action=True).execute(skip_permission_checks=True)
    if reason_stale:
        Freshness.objects.update_or_create(
            page=page, defaults={"taken_offline_at": timezone.now(), "offline_revision_id": revision_id}
        )


@transaction.atomic
def restore(page: OpportunityPage, user) -> bool:
    """Bring back an opportunity taken offline for staleness: the very version that was online, so no
    moderation is needed. Returns False when there is nothing to restore."""
    freshness = Freshness.objects.filter(page=page, taken_offline_at__isnull=False).first()
    if freshness is None or page.live or freshness.offline_revision is None:
        return False
    freshness.offline_revision.publish(user=user, skip_permission_checks=True)
    freshness.taken_offline_at = None
    freshness.confirmed_at = timezone.now()
    freshness.save(update_fields=["taken_offline_at", "confirmed_at"])
    return True


def stale_candidates(now=None):
    """Live, ongoing opportunities whose last confirmation is older than 90 days and not yet reminded."""
    now = now or timezone.now()
    limit = now - REMIND_AFTER
    return (
        OpportunityPage.objects.live()
        .filter(schedule_kind__in=ONGOING, last_published_at__lt=limit)
        .filter(
            Q(freshness__isnull=True)
            | Q(freshness__confirmed_at__isnull=True)
            | Q(freshness__confirmed_at__lt=limit)
        )
        .filter(
            Q(freshness__isnull=True)
            | Q(freshness__reminded_at__isnull=True)
            | Q(freshness__reminded_at__lt=limit)
        )
    )


def unanswered_reminders(now=None):
    now = now or timezone.now()
    freshness = Freshness.objects.filter(reminded_at__lt=now - OFFLINE_AFTER_REMINDER).filter(
        Q(confirmed_at__isnull=True) | Q(confirmed_at__lt=F("reminded_at"))
    )
    return OpportunityPage.objects.live().filter(freshness__in=freshness)


def expired_but_live(now=None):
    now = now or timezone.now()
    today = timezone.localdate(now)
    one_off_over = Q(schedule_kind=OpportunityPage.ScheduleKind.ONE_OFF) & (
        Q(event_end__lt=now) | Q(event_end__isnull=True, event_start__lt=now)
    )
    return OpportunityPage.objects.live().filter(
        Q(end_date__lt=today) | Q(application_deadline__lt=today) | one_off_over
    )


# --- celery tasks: the daily sweep fans out one small task per opportunity -------------------------


@shared_task(name="dashboard.sweep_freshness")
def sweep_freshness() -> dict:
    counts = {"reminders": 0, "stale_offline": 0, "expired_offline": 0}
    for page_id in stale_candidates().values_list("pk", flat=True):
        send_freshness_reminder.delay(page_id)
        counts["reminders"] += 1
    for page_id in unanswered_reminders().values_list("pk", flat=True):
        take_stale_offline.delay(page_id)
        counts["stale_offline"] += 1
    for page_id in expired_but_live().values_list("pk", flat=True):
        take_expired_offline.delay(page_id)
        counts["expired_offline"] += 1
    return counts


@shared_task(
    name="dashboard.send_freshness_reminder",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def send_freshness_reminder(page_id: int) -> str:
    page = stale_candidates().filter(pk=page_id).select_related("organisation", "city").first()
    if page is None:  # confirmed, reminded or offline in the meantime
        return "skipped"
    recipients = sorted(
        email for email in page.organisation.memberships.values_list("user__email", flat=True) if email
    )
    context = {
        "page": page,
        "city": page.city,
        "public_url": links.public_url(page),
        "confirm_url": confirm_url(page),
        "dashboard_url": links.dashboard_url(),
    }
    with translation.override("de"):
        subject = render_to_string("dashboard/emails/freshness_subject.txt", context).strip()
        body = render_to_string("dashboard/emails/freshness.txt", context)
    if recipients:
        send_mail(subject, body, None, recipients)
    Freshness.objects.update_or_create(page=page, defaults={"reminded_at": timezone.now()})
    return "sent"


@shared_task(name="dashboard.take_stale_offline", acks_late=True)
def take_stale_offline(page_id: int) -> str:
    page = unanswered_reminders().filter(pk=page_id).first()
    if page is None:
        return "skipped"
    take_offline(page, reason_stale=True)
    return "offline"


@shared_task(name="dashboard.take_expired_offline", acks_late=True)
def take_expired_offline(page_id: int) -> str:
    page = expired_but_live().filter(pk=page_id).first()
    if page is None:
        return "skipped"
    take_offline(page, reason_stale=False)
    return "offline"
