"""The two exports as streams, for the public addresses and the command alike."""

from dataclasses import dataclass
from types import SimpleNamespace

from engagement.opportunities.links import portal_url

from . import freiwilligendatenbank, volunteeringdata
from .offers import exported_offers, iterate


@dataclass(frozen=True)
class Export:
    filename: str
    content_type: str
    stream: object


EXPORTS = {
    "freiwilligendatenbank": Export(
        "freiwilligendatenbank.csv", "text/csv; charset=utf-8", freiwilligendatenbank.stream
    ),
    "volunteeringdata": Export(
        "volunteeringdata.jsonld", "application/ld+json; charset=utf-8", volunteeringdata.stream
    ),
}


def stream_export(name: str, *, city=None, request=None):
    """The export `name` of the listed offers (of `city`, or all). With a request, links name its host
    (as the API's do); without one (the command), each page's site and the portal's address."""
    export = EXPORTS[name]
    # Wagtail keeps the sites' root paths on the object it is given (the request, else this one), so they
    # are read once per export, not once per offer; each organisation's address is built once.
    cache_object = request if request is not None else SimpleNamespace()
    organisation_urls = {}

    def url_of(page):
        if request is not None:
            return request.build_absolute_uri(page.get_url(request))
        return page.get_full_url(cache_object)

    def organisation_url_of(organisation):
        if organisation.pk not in organisation_urls:
            path = organisation.get_absolute_url()
            organisation_urls[organisation.pk] = (
                request.build_absolute_uri(path) if request is not None else portal_url(path)
            )
        return organisation_urls[organisation.pk]

    offers = iterate(exported_offers(city))
    return export.stream(offers, url_of=url_of, organisation_url_of=organisation_url_of)
