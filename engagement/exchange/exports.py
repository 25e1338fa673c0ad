"""The two exports as streams, for the public addresses and the command alike."""

from dataclasses import dataclass

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
    if request is not None:

        def url_of(page):
            return request.build_absolute_uri(page.get_url(request))

        def organisation_url_of(organisation):
            return request.build_absolute_uri(organisation.get_absolute_url())

    else:

        def url_of(page):
            return page.get_full_url()

        def organisation_url_of(organisation):
            return portal_url(organisation.get_absolute_url())

    offers = iterate(exported_offers(city))
    return export.stream(offers, url_of=url_of, organisation_url_of=organisation_url_of)
