from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from engagement.opportunities.models import OpportunityPage
from engagement.ratelimit import RateLimited

from .forms import ContentReportForm
from .services import report_opportunity


def report_opportunity_view(request, page_id):
    """ "Inhalt melden": anyone may report an opportunity that is online; no account, rate-limited."""
    opportunity = get_object_or_404(OpportunityPage.objects.listed().select_related("city"), pk=page_id)
    form = ContentReportForm(request.POST or None)
    context = {"opportunity": opportunity, "city": opportunity.city, "form": form}
    if request.method == "POST" and form.is_valid():
        try:
            report_opportunity(
                opportunity=opportunity,
                request=request,
                reason=form.cleaned_data["reason"],
                message=form.cleaned_data["message"],
                honeypot=form.cleaned_data["website"],
            )
        except RateLimited:
            context["rate_limited"] = _(
                "Sie haben in kurzer Zeit viele Meldungen geschickt. Bitte versuchen Sie es später."
            )
            return render(request, "moderation/report_form.html", context, status=429)
        return render(request, "moderation/report_thanks.html", context)
    return render(request, "moderation/report_form.html", context, status=400 if form.errors else 200)
