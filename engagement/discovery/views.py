"""robots.txt and the sitemap, for whichever host is asked (portal or a city's own host)."""

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_safe

from .sitemaps import sitemaps_for

# Crawlers ask now and then; the index counts every section, so an answer is kept for an hour.
SITEMAP_CACHE_SECONDS = 60 * 60

# Personal, private or endless: the Verein area, the applicants' status links, the verification pages
# of Engagementnachweise (they name a person), forms, the admin and
# the API (its data is in the pages and the sitemap already). Both languages.
PRIVATE_PATHS = [
    "/admin/",
    "/mein-verein/",
    "/bewerbung/",
    "/bewerben/",
    "/nachweis/",
    "/benachrichtigungen/",
    "/melden/",
    "/api/",
]
UNPREFIXED_PATHS = {"/admin/", "/api/"}


def _languages():
    return [code for code, _name in settings.LANGUAGES]


@require_safe
def robots_txt(request):
    prefixes = [""] + [f"/{code}" for code in _languages() if code != settings.LANGUAGE_CODE]
    lines = ["User-agent: *"]
    for path in PRIVATE_PATHS:
        # The admin and the API have no language prefix; everything else has one per other language.
        for prefix in [""] if path in UNPREFIXED_PATHS else prefixes:
            lines.append(f"Disallow: {prefix}{path}")
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap_index'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
@cache_page(SITEMAP_CACHE_SECONDS)
def sitemap_index(request):
    sitemaps = sitemaps_for(request, _languages())
    return sitemap_views.index(request, sitemaps, sitemap_url_name="sitemap_section")


@require_safe
@cache_page(SITEMAP_CACHE_SECONDS)
def sitemap_section(request, section):
    return sitemap_views.sitemap(request, sitemaps_for(request, _languages()), section=section)
