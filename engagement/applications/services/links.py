"""Absolute links for mails (mails leave the site, so they need the host): the city's own host for
what citizens open, so the link looks like the stage they applied on."""

from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from engagement.cities.sites import base_url

from ..models import AccessToken


def absolute(path: str, city=None) -> str:
    return base_url(city) + path


def status_url(application) -> str:
    """The applicant's private link: status, withdraw, export, erase.

    Each call issues a new token: the database keeps only hashes, so an earlier link cannot be written
    again. Links mailed before stay valid.
    """
    token = AccessToken.issue(application, AccessToken.Purpose.STATUS)
    return absolute(reverse("applications:status", args=[token]), application.opportunity.city)


def status_link(application):
    """`status_url` for a mail's context, issued only when the mail is written: the outbox skips a mail
    whose key it already holds (an hourly reminder, say), and that must leave no unused token behind.
    SimpleLazyObject computes it once, so the text and the HTML part carry the same link."""
    return SimpleLazyObject(lambda: status_url(application))


def detail_url(application) -> str:
    """Where the organisation reads the application (after logging in): no personal data in the mail."""
    return absolute(reverse("dashboard:application_detail", args=[application.pk]))
