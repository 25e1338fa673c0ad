"""The head of every public page: canonical address, the same page in the other language, what a
search engine may index, and the Open Graph card a messenger shows for a shared link."""

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext, gettext_noop

register = template.Library()

PREVIEW_DESCRIPTION_CHARS = 200
PREVIEW_IMAGE_SPEC = "fill-1200x630"
# The same text as the default description in base.html (one catalogue entry).
DEFAULT_DESCRIPTION = gettext_noop(
    "Ehrenamt in Baden-Baden, Bretten und Ettlingen: Finden Sie ein Engagement, das zu Ihnen passt."
)
OPEN_GRAPH_LOCALES = {"de": "de_DE", "en": "en_GB"}

# Views whose address is the content: indexed, with a canonical address and its other languages.
INDEXED_VIEWS = {"wagtail_serve", "organisation_detail"}
# Searches: the bare page is a landing page; every combination of filters is not.
SEARCH_VIEWS = {"search", "city_search", "finder", "city_finder"}


@register.simple_tag(takes_context=True)
def page_meta(context):
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if match is None:
        return ""
    view = match.url_name
    canonical = None
    if view in INDEXED_VIEWS:
        canonical = _canonical(request, context, view)
    elif view in SEARCH_VIEWS and not request.GET:
        canonical = request.build_absolute_uri(request.path)
    preview = _preview(request, context, view)
    return render_to_string(
        "components/page_meta.html",
        {
            "canonical": canonical,
            "alternates": _alternates(canonical) if canonical else [],
            "indexable": canonical is not None,
            "preview": preview,
            "url": canonical or request.build_absolute_uri(request.path),
            "locale": OPEN_GRAPH_LOCALES.get(get_language(), "de_DE"),
        },
    )


def _canonical(request, context, view):
    if view == "organisation_detail":
        return request.build_absolute_uri(request.path) if context.get("organisation") else None
    page = context.get("page")
    if page is None:  # "not found" from Wagtail's route
        return None
    # The page's own host (a city's host where it has one, else the host asked, as the API's links),
    # wherever it was opened; a further page of a listing is a page of its own.
    url = request.build_absolute_uri(page.get_url(request))
    query = request.GET.urlencode() if request.GET.keys() == {"page"} else ""
    return f"{url}?{query}" if query else url


def _alternates(canonical):
    languages = [code for code, _name in settings.LANGUAGES]
    links = [(code, translate_url(canonical, code)) for code in languages]
    default = dict(links)[settings.LANGUAGE_CODE]
    return [*links, ("x-default", default)]


def _preview(request, context, view):
    """Title, description and image of the shared link's card."""
    page = context.get("page") if view == "wagtail_serve" else None
    organisation = context.get("organisation") if view == "organisation_detail" else None
    # The stage the page belongs to: a city's section is its own stage, an offer has its city.
    city = context.get("city") or (page if hasattr(page, "stage_name") else getattr(page, "city", None))
    site_name = city.stage_name if city is not None else gettext("Engagement vernetzt Mittelbaden")
    title, description, image = site_name, "", None
    if page is not None:
        title = page.seo_title or page.title
        description = page.search_description or getattr(page, "teaser", "")
        image = getattr(page, "image", None) or getattr(city, "logo", None)
    elif organisation is not None:
        title = organisation.name
        description = organisation.description
        image = organisation.logo
    elif view in SEARCH_VIEWS:
        title = gettext("Engagement finden")
    description = Truncator(strip_tags(description or "")).chars(PREVIEW_DESCRIPTION_CHARS)
    return {
        "site_name": site_name,
        "title": title,
        "description": description or gettext(DEFAULT_DESCRIPTION),
        "image": request.build_absolute_uri(image.get_rendition(PREVIEW_IMAGE_SPEC).url) if image else None,
    }
