from django import template

from engagement.cities.models import CityPage
from engagement.cities.sites import portal_root

from ..models import LegalPage

register = template.Library()


@register.simple_tag
def legal_pages(city=None):
    """The legal pages for a footer: the city's own ones, completed by the portal's (e.g. Leichte Sprache)."""
    pages = LegalPage.objects.live().order_by("path").only("title", "url_path", "path", "kind")
    home = portal_root()
    portal = list(pages.child_of(home)) if home is not None else []
    if not isinstance(city, CityPage):  # e.g. the search view's city filter value, a slug
        return portal
    own = list(pages.child_of(city))
    own_kinds = {page.kind for page in own}
    return own + [page for page in portal if page.kind not in own_kinds]
