"""The empty state of the search: concrete links that widen it (larger radius, one filter less).

Built from the query string and the validated filters only; no query is run to build them, so the
links cannot promise results, they only take a narrowing away.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .filters import DEFAULT_RADIUS_KM, MAX_RADIUS_KM

LARGER_RADII_KM = [25, 50, MAX_RADIUS_KM]
# Filters whose every value can be taken away on its own.
SINGULAR = {
    "city": gettext_lazy("Stadt"),
    "category": gettext_lazy("Thema"),
    "activity": gettext_lazy("Tätigkeit"),
    "target_group": gettext_lazy("Zielgruppe"),
    "schedule": gettext_lazy("Zeitlicher Rahmen"),
    "inclusion": gettext_lazy("Barrierefreiheit"),
}
MULTI_VALUE = list(SINGULAR)
SINGLE_VALUE = [
    "remote",
    "date_from",
    "date_to",
    "min_age_ok",
    "youth",
    "barrier_free",
    "no_certificate",
    "open",
]


@dataclass(frozen=True)
class Link:
    label: str
    url: str


def _url(path, params):
    params = params.copy()
    params.pop("page", None)
    query = params.urlencode()
    return f"{path}?{query}" if query else path


def _without(params, key, value=None):
    params = params.copy()
    if value is None:
        params.pop(key, None)
    else:
        params.setlist(key, [item for item in params.getlist(key) if item != value])
    return params


def widening_links(path, params, form, filterset):
    """Links for a search without results: each removes one narrowing or widens the radius."""
    links = []
    data = form.cleaned_data if form.is_valid() else {}
    cleaned = filterset.form.cleaned_data if filterset.is_valid() else {}
    near = (data.get("near") or "").strip()
    if near and data.get("origin"):
        radius = data.get("radius") or DEFAULT_RADIUS_KM
        for larger in [km for km in LARGER_RADII_KM if km > radius][:2]:
            widened = params.copy()
            widened["radius"] = str(larger)
            links.append(Link(_("Im Umkreis von %(km)s km suchen") % {"km": larger}, _url(path, widened)))
        without_place = _without(_without(params, "near"), "radius")
        if without_place.get("sort") == "distance":
            without_place.pop("sort")
        label = _("Ohne Ort suchen: „%(place)s“ weglassen") % {"place": near}
        links.append(Link(label, _url(path, without_place)))

    filter_links = []
    for key in MULTI_VALUE:
        field = filterset.form.fields[key]
        choices = dict(getattr(field, "choices", []) or [])
        for value in cleaned.get(key) or []:
            slug = getattr(value, "slug", value)
            label = str(value) if hasattr(value, "slug") else str(choices.get(value, value))
            filter_links.append(
                Link(
                    _("%(filter)s „%(value)s“ weglassen") % {"filter": SINGULAR[key], "value": label},
                    _url(path, _without(params, key, slug)),
                )
            )
    for key in SINGLE_VALUE:
        if cleaned.get(key) not in (None, "", False):
            label = _("Filter „%(filter)s“ weglassen") % {"filter": filterset.form.fields[key].label}
            filter_links.append(Link(label, _url(path, _without(params, key))))
    links += filter_links
    if len(filter_links) > 1:
        everything = params.copy()
        for key in MULTI_VALUE + SINGLE_VALUE:
            everything.pop(key, None)
        links.append(Link(_("Alle Filter weglassen"), _url(path, everything)))

    query = (data.get("q") or "").strip()
    if query:
        without_words = _without(params, "q")
        if without_words.get("sort") == "relevance":
            without_words.pop("sort")
        label = _("Ohne Suchwort „%(query)s“ suchen") % {"query": query}
        links.append(Link(label, _url(path, without_words)))
    return links
