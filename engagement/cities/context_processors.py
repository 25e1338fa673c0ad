from .models import CityPage
from .sites import city_for_request


def city_sections(request):
    """The city stages, for navigation and footers. Evaluated lazily, once per request.

    On a city's own host, `city` (the theme of base.html) is that city unless the view sets another.
    """
    site_city = city_for_request(request)
    return {
        **({"city": site_city} if site_city else {}),
        "city_sections": CityPage.objects.live()
        .order_by("title")
        .only("title", "stage_name", "url_path", "path"),
    }
