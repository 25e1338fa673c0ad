"""Absolute links for mails (mails leave the site, so they need the host)."""

from django.conf import settings
from django.urls import reverse


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL + path


def status_url(application) -> str:
    """The applicant's private link: status, withdraw, export, erase."""
    return absolute(reverse("applications:status", args=[application.access_token]))


def detail_url(application) -> str:
    """Where the organisation reads the application (after logging in): no personal data in the mail."""
    return absolute(reverse("applications:detail", args=[application.pk]))
