"""Absolute links in mails to organisations (mails leave the site, so they need the host).

A public page opens on its city's own host, the stage the offer appears on. "Mein Verein" and the admin
stay on the main host: sessions hold per host, and the members log in there (README, "Eigene Hosts der
Städte").
"""

from django.urls import reverse

from engagement.cities.sites import base_url


def portal_url(path: str) -> str:
    return base_url() + path


def dashboard_url() -> str:
    return portal_url(reverse("dashboard:overview"))


def public_url(page) -> str | None:
    """The live page where citizens find the offer, on the host of its city's stage."""
    parts = page.get_url_parts()
    if parts is None:
        return None
    _site_id, _root_url, path = parts
    return base_url(page.city) + path
