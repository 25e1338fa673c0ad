from .models import CityPage


def city_sections(request):
    """The city stages, for navigation and footers. Evaluated lazily, once per request."""
    return {
        "city_sections": CityPage.objects.live()
        .order_by("title")
        .only("title", "stage_name", "url_path", "path")
    }
