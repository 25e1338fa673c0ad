from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

# The portal page sits on top of the domain apps, which do not know it.
from engagement.cities.models import CityPage
from engagement.operations.pagecache import CachedPageMixin
from engagement.opportunities.cache_tags import OFFERS
from engagement.opportunities.listings import newest, urgently_needed
from engagement.opportunities.page_cache import listings_change_at
from engagement.opportunities.stats import listed_counts
from engagement.taxonomy.models import Category


class HomePage(CachedPageMixin, Page):
    """The regional portal: the entry to all city stages and the whole region's search."""

    hero_heading = models.CharField(
        _("Überschrift"), max_length=120, default="Engagement vernetzt – finden Sie Ihr Ehrenamt"
    )
    intro = RichTextField(_("Einleitung"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("hero_heading"), FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cities.CityPage", "legal.LegalPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Startseite des Portals")

    def page_cache_tags(self, request):
        return {OFFERS}, listings_change_at()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        counts = listed_counts()
        cities = list(CityPage.objects.live().child_of(self).order_by("title"))
        for city in cities:
            city.opportunity_count = counts["cities"].get(city.pk, 0)
        categories = list(Category.objects.all())
        for category in categories:
            category.opportunity_count = counts["categories"].get(category.pk, 0)
        context["cities"] = cities
        context["categories"] = categories
        context["latest_opportunities"] = newest(limit=6)
        context["urgent_opportunities"] = urgently_needed(limit=3)
        return context
