from django.conf import settings
from django.views.generic import DetailView

from engagement.operations.pagecache import SITE, cache_publicly
from engagement.organisations.models import Organisation

from .cache_tags import organisation_tag
from .models import OpportunityPage
from .page_cache import listings_change_at


class OrganisationProfileView(DetailView):
    """The public profile of a verified organisation, with its opportunities that are online."""

    template_name = "organisations/organisation_detail.html"
    context_object_name = "organisation"

    def get_queryset(self):
        return Organisation.objects.verified().select_related("home_city", "logo")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["reply_stats_days"] = settings.APPLICATION_REPLY_STATS_DAYS
        context["opportunities"] = (
            OpportunityPage.objects.listed().filter(organisation=self.object).for_listing().order_by("title")
        )
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        return cache_publicly(response, {SITE, organisation_tag(self.object.pk)}, listings_change_at())
