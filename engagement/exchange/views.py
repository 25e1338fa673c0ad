"""The public export addresses: every listed offer (or a city's) as a Freiwilligendatenbank CSV or as
Volunteering Data JSON-LD. Streamed (rows are read in chunks while the answer goes out) and kept in the
page cache like the API's lists, until an offer or organisation changes or the lists change by time."""

from django.http import Http404, StreamingHttpResponse
from django.views.decorators.http import require_safe

from engagement.cities.models import CityPage
from engagement.operations.pagecache import SITE, cache_publicly
from engagement.opportunities.cache_tags import OFFERS, offers_in_city
from engagement.opportunities.page_cache import listings_change_at

from .exports import EXPORTS, stream_export


@require_safe
def export_view(request, name, city_slug=None):
    city = None
    if city_slug is not None:
        city = CityPage.objects.live().public().filter(slug=city_slug).first()
        if city is None:
            raise Http404
    export = EXPORTS[name]
    response = StreamingHttpResponse(
        stream_export(name, city=city, request=request), content_type=export.content_type
    )
    filename = export.filename if city is None else f"{city.slug}-{export.filename}"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    tags = {SITE, OFFERS} if city is None else {SITE, offers_in_city(city.pk)}
    return cache_publicly(response, tags, listings_change_at())
