"""No applicant left waiting: every application gets an answer, or an honest word that none came.

- **Answered** means the organisation changed the status or wrote the person a message. `record_answer`
  is the one place that says so (`Application.answered_at`, the first answer); services/status.py calls
  it for both. The applicant's own changes and the platform's are no answer.
- **The promise**: each city promises an answer within `CityPage.reply_promise_days` (default 7) of the
  confirmation. It is fixed on the application when it is confirmed (`reply_due_at`): a city changing
  its promise changes it for new applications, never after the fact.
- **Reminders**: the organisation's members get one mail when APPLICATION_REPLY_REMINDER_DAYS_LEFT days
  of the promise are left (by default 4 and 1: day 3 and day 6 of 7). An hourly task fans out one task
  per application; each reminder is sent once (counted on the application, keyed in the outbox). Had the
  task missed a reminder's moment and a later one is due, only the later one goes out.
- **The deadline**: the applicant is told that the organisation has not answered yet, and is shown
  similar open offers (opportunities.listings.similar_to, as on the "no longer open" page).
- **Closing**: APPLICATION_REPLY_CLOSE_DAYS after that notice, still unanswered, the application closes
  with a polite mail. The daily closing of services/inactivity.py does it, the one place that closes
  applications (`unanswered_closing`).
- **Response time** on the organisation's profile: `update_reply_times`, daily (see its docstring).
"""

import datetime as dt
import math
from collections import defaultdict

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from engagement.operations.pagecache import invalidate
from engagement.opportunities.cache_tags import organisation_tag
from engagement.opportunities.listings import similar_to
from engagement.organisations.models import Organisation

from ..models import Application
from .applying import mail_applicant, mail_members
from .links import absolute, detail_url, status_link

Status = Application.Status


def record_answer(application: Application, at: dt.datetime) -> bool:
    """The organisation answered `application` at `at` (a status change or a message). Only the first
    answer counts; the caller saves `answered_at`. Returns True if this was the first."""
    if application.answered_at is not None:
        return False
    application.answered_at = at
    return True


def reminder_days_left() -> list[int]:
    """Days of the promise left at each reminder, the first reminder first (e.g. [4, 1])."""
    return sorted((days for days in settings.APPLICATION_REPLY_REMINDER_DAYS_LEFT if days > 0), reverse=True)


def close_period() -> dt.timedelta:
    return dt.timedelta(days=settings.APPLICATION_REPLY_CLOSE_DAYS)


def awaiting_answer():
    """Confirmed applications that have a reply promise, are still received and were never answered."""
    return Application.objects.confirmed().filter(
        status=Status.REQUESTED, answered_at__isnull=True, reply_due_at__isnull=False
    )


def overdue():
    """Unanswered past their promise: what the city panel counts."""
    return awaiting_answer().filter(reply_due_at__lt=timezone.now())


def _due_for_step(now: dt.datetime):
    """Unanswered applications with a reminder or the deadline notice due at `now` (one query, indexed
    on `reply_due_at`): the deadline passed, or a reminder's moment passed that was not sent yet (a
    reminder whose moment lies before the confirmation, with a short promise, never is)."""
    condition = Q(reply_due_at__lte=now)
    for number, days in enumerate(reminder_days_left(), start=1):
        ahead = dt.timedelta(days=days)
        condition |= Q(
            reply_reminders_sent__lt=number,
            reply_due_at__lte=now + ahead,
            reply_due_at__gt=F("confirmed_at") + ahead,
        )
    return awaiting_answer().filter(reply_overdue_notice_at__isnull=True).filter(condition)


def applications_due_for_step(now: dt.datetime | None = None) -> list[int]:
    """The ids the hourly task fans out to (`send_reply_step` per id)."""
    return list(_due_for_step(now or timezone.now()).order_by("pk").values_list("pk", flat=True))


@transaction.atomic
def send_reply_step(application_id: int, now: dt.datetime | None = None) -> str:
    """Whatever is due for one application: a reminder to the organisation or, at the deadline, the
    notice to the applicant. Idempotent: checked again under the row's lock, counted on the
    application and keyed in the outbox. Returns "reminder", "overdue" or "" (nothing due)."""
    now = now or timezone.now()
    application = (
        _due_for_step(now)
        .select_for_update(of=("self",))
        .select_related("opportunity", "opportunity__city", "opportunity__organisation")
        .filter(pk=application_id)
        .first()
    )
    if application is None:
        return ""
    days_left = reminder_days_left()
    if application.reply_due_at <= now:
        _tell_applicant(application)
        application.reply_overdue_notice_at = now
        application.reply_reminders_sent = len(days_left)  # none after the deadline
        application.save(update_fields=["reply_overdue_notice_at", "reply_reminders_sent", "updated_at"])
        return "overdue"
    number = max(
        (
            number
            for number, days in enumerate(days_left, start=1)
            if application.confirmed_at < application.reply_due_at - dt.timedelta(days=days) <= now
        ),
        default=0,
    )
    if number <= application.reply_reminders_sent:
        return ""
    _remind(application, number)
    application.reply_reminders_sent = number
    application.save(update_fields=["reply_reminders_sent", "updated_at"])
    return "reminder"


def _remind(application: Application, number: int):
    page = application.opportunity
    left = application.reply_due_at - timezone.now()
    mail_members(
        page.organisation,
        f"reply-reminder:{application.pk}:{number}",
        "reply_reminder",
        {
            "page": page,
            "city": page.city,
            "application": application,
            "promise_days": _promise_days(application),
            "days_left": max(1, math.ceil(left / dt.timedelta(days=1))),
            "due": timezone.localtime(application.reply_due_at),
            "url": detail_url(application),
        },
        about=application,
    )


def _tell_applicant(application: Application):
    page = application.opportunity
    mail_applicant(
        application,
        f"reply-overdue:{application.pk}",
        "reply_overdue",
        {
            "application": application,
            "page": page,
            "city": page.city,
            "promise_days": _promise_days(application),
            "closes": timezone.localtime(timezone.now() + close_period()),
            "similar": [
                {"title": offer.title, "organisation": offer.organisation.name, "url": offer_url(offer)}
                for offer in similar_to(page)
            ],
            "search_url": absolute(reverse("search"), page.city),
            "status_url": status_link(application),
        },
    )


def offer_url(offer) -> str:
    _site, _root, path = offer.get_url_parts()
    return absolute(path, offer.city)


def _promise_days(application: Application) -> int:
    return round((application.reply_due_at - application.confirmed_at) / dt.timedelta(days=1))


# --- Closing (called by services/inactivity.py, the one closing of applications) --------------------


def due_for_closing(now: dt.datetime):
    """Unanswered, and the applicant was told at least APPLICATION_REPLY_CLOSE_DAYS ago. Never without
    that notice: had the hourly task not run, the closing waits for it."""
    return awaiting_answer().filter(reply_overdue_notice_at__lte=now - close_period())


def unanswered_closing(application: Application) -> dt.datetime | None:
    """When an unanswered application closes for want of an answer; None once answered or not open."""
    if application.status != Status.REQUESTED or application.is_answered or application.reply_due_at is None:
        return None
    told = application.reply_overdue_notice_at or application.reply_due_at
    return told + close_period()


# --- How quickly an organisation answers -------------------------------------------------------------


def reply_waits(now: dt.datetime) -> dict[int, list[dt.timedelta | None]]:
    """{organisation id: waits until the first answer (None: never answered)} over the applications
    confirmed in the last APPLICATION_REPLY_STATS_DAYS that count: answered ones, and unanswered ones
    whose promise passed while they were open (withdrawn before the deadline: not the organisation's
    doing). One query over the window's rows."""
    since = now - dt.timedelta(days=settings.APPLICATION_REPLY_STATS_DAYS)
    counted = Q(answered_at__isnull=False) | (
        Q(reply_due_at__lte=now) & (Q(closed_at__isnull=True) | Q(closed_at__gte=F("reply_due_at")))
    )
    rows = (
        Application.objects.confirmed()
        .filter(confirmed_at__gte=since)
        .filter(counted)
        .order_by()
        .values_list("opportunity__organisation_id", "confirmed_at", "answered_at")
    )
    waits = defaultdict(list)
    for organisation_id, confirmed_at, answered_at in rows:
        waits[organisation_id].append(None if answered_at is None else answered_at - confirmed_at)
    return waits


def usual_wait_hours(waits: list[dt.timedelta | None]) -> int | None:
    """Hours within which at least half of the applications were answered (the lower median, counting
    the unanswered as longer than any wait); None if fewer than half were answered or the applications
    are fewer than APPLICATION_REPLY_STATS_MINIMUM.

    Why a minimum: with two or three applications one slow week decides the figure, and a figure about
    so few applications says more about those few people than about the organisation."""
    if len(waits) < settings.APPLICATION_REPLY_STATS_MINIMUM:
        return None
    ordered = sorted(waits, key=lambda wait: (wait is None, wait or dt.timedelta()))
    middle = ordered[math.ceil(len(ordered) / 2) - 1]
    if middle is None:
        return None
    return max(1, math.ceil(middle / dt.timedelta(hours=1)))


def update_reply_times(now: dt.datetime | None = None) -> int:
    """Store each organisation's usual reply time (daily): the profile reads two columns instead of
    counting on every visit. Only organisations whose figure changed are written, and only their
    profiles (and offer pages, tag `organisation:<id>`) leave the page cache. Returns how many changed."""
    now = now or timezone.now()
    waits = reply_waits(now)
    figures = {pk: (usual_wait_hours(items), len(items)) for pk, items in waits.items()}
    stored = Organisation.objects.filter(Q(pk__in=figures) | Q(reply_sample_size__gt=0)).values_list(
        "pk", "reply_median_hours", "reply_sample_size"
    )
    changed = set()
    with transaction.atomic():
        for pk, hours, sample in stored:
            figure = figures.get(pk, (None, 0))
            if (hours, sample) != figure:
                Organisation.objects.filter(pk=pk).update(
                    reply_median_hours=figure[0], reply_sample_size=figure[1]
                )
                if hours != figure[0]:
                    changed.add(pk)
        invalidate({organisation_tag(pk) for pk in changed})
    return len(changed)
