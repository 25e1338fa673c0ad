"""Each city's own stage: a Wagtail Site per city host, rooted at the city's section.

`CITY_HOSTS` maps city slugs to host names ("bretten" → "engagement.bretten.de", a port may follow).
Requests to a city host see that city's section as their start page; the regional portal at the main
host (WAGTAILADMIN_BASE_URL) shows every city. Wagtail then writes links to another city's pages with
that city's host, and mails about a city's opportunities link to the city's host.
"""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site

from .models import CityPage


def split_host(host: str, default_port: int = 80) -> tuple[str, int]:
    parts = urlsplit(host if "//" in host else f"//{host}")
    return parts.hostname, parts.port or default_port


def ensure_city_site(page: CityPage) -> Site | None:
    """Create or update the city's Site when a host is configured for it; idempotent."""
    host = settings.CITY_HOSTS.get(page.slug)
    if not host:
        return None
    ensure_portal_site()
    hostname, port = split_host(host)
    site = Site.objects.filter(root_page=page).first() or Site(root_page=page)
    site.hostname, site.port, site.site_name, site.is_default_site = hostname, port, page.stage_name, False
    site.save()
    return site


def ensure_portal_site():
    """The portal's default site answers at the main host, so links from a city host back to the portal
    (and to the other cities' sections) point where the portal really is."""
    parts = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site = Site.objects.filter(is_default_site=True).first()
    port = parts.port or (443 if parts.scheme == "https" else 80)
    if site is not None and (site.hostname, site.port) != (parts.hostname, port):
        site.hostname, site.port = parts.hostname, port
        site.save()


def portal_root():
    """The regional portal's start page: the root of the default site (the cities' sites are the others)."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site.root_page if site is not None else None


def city_for_request(request) -> CityPage | None:
    """The city whose own host the request came to, or None on the regional portal."""
    if not settings.CITY_HOSTS:
        return None
    if not hasattr(request, "_site_city"):
        site = Site.find_for_request(request)
        own = site is not None and not site.is_default_site
        request._site_city = CityPage.objects.filter(pk=site.root_page_id).first() if own else None
    return request._site_city


def base_url(city: CityPage | None = None) -> str:
    """Scheme and host for links in mails: the city's own host when it has one, else the portal's."""
    if city is not None:
        site = Site.objects.filter(root_page_id=city.pk).first()
        if site is not None and not site.is_default_site:
            scheme = urlsplit(settings.WAGTAILADMIN_BASE_URL).scheme or "https"
            default_port = 443 if scheme == "https" else 80
            port = "" if site.port in (80, 443, default_port) else f":{site.port}"
            return f"{scheme}://{site.hostname}{port}"
    return settings.WAGTAILADMIN_BASE_URL
