"""The sitemap of one host, in each language: the pages of that host's Wagtail site (a city's own host
lists its section, the portal everything that has no host of its own), the offers citizens can still
find, and the verified organisations' profiles.

Django's sitemap framework does the XML, the index and the paging (`limit` addresses a file). Its own
`i18n` option would load every item of a section into memory to pair it with each language, so each
language is a section of its own here and every file reads one slice of an ordered, indexed query.
"""

from abc import ABC, abstractmethod

from django.contrib.contenttypes.models import ContentType
from django.contrib.sitemaps import Sitemap
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, Site, get_page_models

from engagement.cities.models import CityPage
from engagement.opportunities.models import OpportunityPage
from engagement.organisations.models import Organisation

# Well below the protocol's 50 000 addresses and 50 MB per file: one file is one indexed slice.
URLS_PER_FILE = 5000


def site_for_request(request) -> Site:
    site = Site.find_for_request(request)
    return site or Site.objects.select_related("root_page").get(is_default_site=True)


class HostSitemap(Sitemap, ABC):
    """A section for one host and one language. Locations are paths; Django adds scheme and host."""

    limit = URLS_PER_FILE

    def __init__(self, request, language):
        self.request = request
        self.language = language
        self.site = site_for_request(request)
        self.root = self.site.root_page

    def other_site_roots(self):
        """Roots of the other sites below this one (the cities' own hosts under the portal)."""
        return [
            path
            for path in Site.objects.exclude(pk=self.site.pk).values_list("root_page__path", flat=True)
            if path.startswith(self.root.path) and path != self.root.path
        ]

    def pages_of_this_host(self, queryset):
        queryset = queryset.filter(path__startswith=self.root.path)
        for path in self.other_site_roots():
            queryset = queryset.exclude(path__startswith=path)
        return queryset

    def location(self, item):
        with translation.override(self.language):
            return self.path_of(item)

    @abstractmethod
    def path_of(self, item):
        """The path of `item` on this host, in the section's language."""


def unlisted_pages():
    """Live pages of the types that decide what citizens may find (`objects.listed()`, e.g. the needs of
    unverified organisations or those marked done) that are not listed now: never in a sitemap."""
    unlisted = Q(pk__in=[])
    for model in get_page_models():
        if model is not OpportunityPage and hasattr(model.objects, "listed"):
            content_type = ContentType.objects.get_for_model(model)
            unlisted |= Q(content_type=content_type) & ~Q(pk__in=model.objects.listed().values("pk"))
    return unlisted


class PageSitemap(HostSitemap):
    """Start pages, city sections, legal pages and other listed pages: every live, public page but the
    offers (a section of their own) and what the page's type does not list."""

    changefreq = "weekly"

    def items(self):
        pages = (
            Page.objects.live().public().not_type(OpportunityPage).exclude(unlisted_pages()).order_by("path")
        )
        return self.pages_of_this_host(pages).only("id", "path", "url_path", "last_published_at")

    def path_of(self, item):
        return item.get_url_parts(self.request)[2]

    def lastmod(self, item):
        return item.last_published_at


class OpportunitySitemap(PageSitemap):
    """The offers a citizen can find: listed (live, verified organisation, not over)."""

    changefreq = "daily"

    def items(self):
        offers = OpportunityPage.objects.listed().order_by("path")
        return self.pages_of_this_host(offers).only("id", "path", "url_path", "last_published_at")


class OrganisationSitemap(HostSitemap):
    """Verified organisations' profiles: on a city's own host its organisations, on the portal those of
    the cities without a host of their own."""

    changefreq = "weekly"

    def items(self):
        organisations = Organisation.objects.verified().order_by("pk")
        cities = self.pages_of_this_host(CityPage.objects.all())
        return organisations.filter(home_city__in=cities).only("slug", "updated_at")

    def path_of(self, item):
        return reverse("organisation_detail", kwargs={"slug": item.slug})

    def lastmod(self, item):
        return item.updated_at


SECTIONS = {"seiten": PageSitemap, "angebote": OpportunitySitemap, "organisationen": OrganisationSitemap}


def sitemaps_for(request, languages) -> dict[str, HostSitemap]:
    """Every section of this host, one per kind and language: "angebote-de", "angebote-en", …"""
    return {
        f"{name}-{language}": section(request, language)
        for name, section in SECTIONS.items()
        for language in languages
    }
