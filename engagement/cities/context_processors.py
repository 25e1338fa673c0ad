from .models import CityPage
from .sites import city_for_request


def city_sections(request):
    """The city stages, for navigation and footers. Evaluated lazily, once per request.

    On a city's own host, `city` (the theme of base.html) is that city unless the view sets another;
    elsewhere it is None, so that every template may ask for it.
    """
    return {
        "city": city_for_request(request),
        "city_sections": CityPage.objects.live()
        .order_by("title")
        .only("title", "stage_name", "url_path", "path"),
    }
