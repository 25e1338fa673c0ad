"""Absolute links for mails (mails leave the site, so they need the host): the city's own host for
what citizens open, so the link looks like the stage they applied on."""

from django.urls import reverse

from engagement.cities.sites import base_url


def absolute(path: str, city=None) -> str:
    return base_url(city) + path


def status_url(application) -> str:
    """The applicant's private link: status, withdraw, export, erase."""
    return absolute(
        reverse("applications:status", args=[application.access_token]), application.opportunity.city
    )


def detail_url(application) -> str:
    """Where the organisation reads the application (after logging in): no personal data in the mail."""
    return absolute(reverse("dashboard:application_detail", args=[application.pk]))
