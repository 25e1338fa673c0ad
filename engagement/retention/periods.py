"""Retention periods of the records that are not applications, in one place.

Applications have their own rules in engagement/applications (APPLICATION_RETENTION_DAYS). The privacy
page (engagement/legal/defaults.py) states each period below; tests/security/test_retention.py keeps
the two in step.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from engagement.legal.models import AccessibilityFeedback
from engagement.moderation.models import ContentReport
from engagement.needs.models import ContactMessage
from engagement.organisations.membership import INVITATION_MAX_AGE
from engagement.organisations.models import Invitation

ACCESSIBILITY_FEEDBACK_DAYS = 365  # after the answer (or the receipt, if never answered)
CONTENT_REPORT_DAYS = 183  # after the editors resolved the report
UNCONFIRMED_ACCOUNT_DAYS = 7  # after registration; the confirmation link is valid for 3 days
INVITATION_DAYS = 30  # after the invitation was accepted, revoked or expired
NEED_CONTACT_DAYS = 30  # after a message about a need was written (the Verein has it by mail)


def _before(days: int, now=None):
    return (now or timezone.now()) - dt.timedelta(days=days)


def expired_accessibility_feedback(now=None):
    return AccessibilityFeedback.objects.annotate(settled_at=Coalesce("answered_at", "created_at")).filter(
        settled_at__lt=_before(ACCESSIBILITY_FEEDBACK_DAYS, now)
    )


def expired_content_reports(now=None):
    return ContentReport.objects.filter(
        status=ContentReport.Status.RESOLVED, resolved_at__lt=_before(CONTENT_REPORT_DAYS, now)
    )


def expired_unconfirmed_accounts(now=None):
    """Registrations whose address was never confirmed: never active, never logged in, no staff."""
    return get_user_model().objects.filter(
        is_active=False,
        last_login__isnull=True,
        is_staff=False,
        is_superuser=False,
        memberships__isnull=True,
        date_joined__lt=_before(UNCONFIRMED_ACCOUNT_DAYS, now),
    )


def expired_invitations(now=None):
    cutoff = _before(INVITATION_DAYS, now)
    expired_before = cutoff - dt.timedelta(seconds=INVITATION_MAX_AGE)
    return Invitation.objects.filter(
        Q(accepted_at__lt=cutoff) | Q(revoked_at__lt=cutoff) | Q(created_at__lt=expired_before)
    )


def expired_need_contacts(now=None):
    return ContactMessage.objects.filter(created_at__lt=_before(NEED_CONTACT_DAYS, now))


EXPIRED = {
    "accessibility_feedback": expired_accessibility_feedback,
    "content_reports": expired_content_reports,
    "unconfirmed_accounts": expired_unconfirmed_accounts,
    "invitations": expired_invitations,
    "need_contacts": expired_need_contacts,
}
