from django.views.generic import DetailView

from engagement.organisations.models import Organisation

from .models import OpportunityPage


class OrganisationProfileView(DetailView):
    """The public profile of a verified organisation, with its opportunities that are online."""

    template_name = "organisations/organisation_detail.html"
    context_object_name = "organisation"

    def get_queryset(self):
        return Organisation.objects.verified().select_related("home_city", "logo")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["opportunities"] = (
            OpportunityPage.objects.listed().filter(organisation=self.object).for_listing().order_by("title")
        )
        return context
