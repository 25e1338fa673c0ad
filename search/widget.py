"""The embeddable widget: a Verein's or a city's current offers, in a frame on their own website.

`/widget/?organisation=tafel-bretten` (German) or `/en/widget/?city=bretten&category=umwelt-natur`
takes the query string of the search page: the one `SearchQuery` (filters.py) decides what it finds and
what is invalid. Its own parameter is `size`, the number of offers shown (1 to 20). Each offer links
to its page on our site, in a new window (an iframe's links would otherwise open inside the frame).

The frame sets no cookie (no form, no session, no language cookie), loads nothing from another host and
counts nothing. It is the only page that others may frame: `frame-ancestors` in its CSP comes from
`WIDGET_FRAME_ANCESTORS` (any site by default), and X-Frame-Options is left off; every other page keeps
`frame-ancestors 'none'` and `X-Frame-Options: DENY`. `/widget.js` (outside the language prefix, a
stable address) sizes the frames on the embedding page from the heights the frames post to it.
"""

from csp.constants import SELF
from django import forms
from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from engagement.cities.models import CityPage
from engagement.operations.pagecache import SITE, cache_publicly, page_tag
from engagement.opportunities.cache_tags import OFFERS, offers_in_city, organisation_tag
from engagement.opportunities.embed import DEFAULT_SIZE, size_field
from engagement.opportunities.page_cache import listings_change_at

from .query import SearchQuery
from .results import RESULT_CAP

DEFAULT_ACCENT = CityPage._meta.get_field("accent_colour").default
SCRIPT_MAX_AGE = 24 * 60 * 60


class WidgetForm(forms.Form):
    """What the widget asks beyond the search: how many offers it shows."""

    size = size_field()


def frameable(response):
    """Let the sites of WIDGET_FRAME_ANCESTORS (and our own pages: the previews) frame `response`."""
    ancestors = [SELF, *(source for source in settings.WIDGET_FRAME_ANCESTORS if source != SELF)]
    response._csp_replace = {"frame-ancestors": ancestors}
    response.xframe_options_exempt = True  # what Django's decorator sets: no X-Frame-Options header
    return response


def widget_heading(search):
    """ "Engagement-Angebote von Tafel Bretten e. V." / "… in Bretten" / "Engagement-Angebote"."""
    organisations = list(search.filterset.form.cleaned_data.get("organisation") or [])
    if len(organisations) == 1:
        return gettext("Engagement-Angebote von %(name)s") % {"name": organisations[0].name}
    cities = search.chosen_cities
    if len(cities) == 1:
        return gettext("Engagement-Angebote in %(city)s") % {"city": cities[0].title}
    return gettext("Engagement-Angebote")


def accent_city(search):
    """Whose colours the widget wears: the one city chosen, else the home city of the one organisation
    chosen, else the city of the host; None on the portal (the platform's default colour)."""
    cities = search.chosen_cities
    if len(cities) == 1:
        return cities[0]
    organisations = list(search.filterset.form.cleaned_data.get("organisation") or [])
    if len(organisations) == 1:
        return organisations[0].home_city
    return search.city


def cache_tags(search, city):
    """What the widget shows, for the page cache: the chosen organisations' offers, else the chosen
    cities', else every offer; and the city whose colours it wears."""
    organisations = search.filterset.form.cleaned_data.get("organisation") or []
    if organisations:
        tags = {organisation_tag(organisation.pk) for organisation in organisations}
    elif search.chosen_cities and not search.circle:
        tags = {offers_in_city(chosen.pk) for chosen in search.chosen_cities}
    else:
        tags = {OFFERS}
    tags.add(SITE)
    if city is not None:
        tags.add(page_tag(city.pk))
    return tags


@require_safe
def widget(request):
    search = SearchQuery.for_request(request)
    form = WidgetForm(request.GET)
    valid = form.is_valid() & search.is_valid
    if not valid:
        messages = [*search.messages, *(str(m) for errors in form.errors.values() for m in errors)]
        context = {
            "errors": messages,
            "heading": gettext("Engagement-Angebote"),
            "accent": search.city.accent_colour if search.city else DEFAULT_ACCENT,
        }
        response = render(request, "search/widget.html", context, status=400)
        return frameable(response)

    size = form.cleaned_data["size"] or DEFAULT_SIZE
    results = search.results(sort=search.sort(default="newest"), count_limit=RESULT_CAP)
    offers = search.cards(results[:size])
    for offer in offers:
        offer.widget_url = request.build_absolute_uri(offer.get_url(request))
        offer.widget_apply_url = request.build_absolute_uri(reverse("applications:apply", args=[offer.pk]))
    city = accent_city(search)
    params = request.GET.copy()
    for own in ("size", "page"):
        params.pop(own, None)
    search_url = reverse("search") + (f"?{params.urlencode()}" if params else "")
    context = {
        "heading": widget_heading(search),
        "offers": offers,
        "total": len(results),
        "capped": results.capped,
        "accent": city.accent_colour if city else DEFAULT_ACCENT,
        "stage_name": city.stage_name if city else settings.WAGTAIL_SITE_NAME,
        "search_url": request.build_absolute_uri(search_url),
    }
    response = render(request, "search/widget.html", context)
    return frameable(cache_publicly(response, cache_tags(search, city), listings_change_at()))


@require_safe
def widget_script(request):
    """The script an embedding page loads beside the frame: sizes each frame of ours to its content."""
    response = HttpResponse(
        render_to_string("search/widget.js"), content_type="text/javascript; charset=utf-8"
    )
    response["Cache-Control"] = f"public, max-age={SCRIPT_MAX_AGE}"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response
