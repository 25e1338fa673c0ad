from django import template
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from engagement.needs.cache_tags import needs_in_city
from engagement.needs.lending import lending_calendar, loans_ahead
from engagement.needs.models import NeedPage
from engagement.operations.pagecache import shows

register = template.Library()


@register.simple_tag
def need_calendar(need):
    """The coming months of a thing to lend, each day free or taken."""
    return lending_calendar(loans_ahead(need))


@register.inclusion_tag("needs/dashboard/rows.html", takes_context=True)
def organisation_needs(context, organisation):
    """The needs of one organisation on the Verein's overview, with where each stands."""
    needs = list(
        NeedPage.objects.filter(organisation=organisation).order_by("-latest_revision_created_at", "-pk")
    )
    states = {
        int(state.object_id): state
        for state in WorkflowState.objects.filter(
            base_content_type__model="page",
            object_id__in=[str(need.pk) for need in needs],
            status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
        )
    }
    listed = set(
        NeedPage.objects.listed().filter(pk__in=[need.pk for need in needs]).values_list("pk", flat=True)
    )
    rows = [(need, _state(need, states.get(need.pk), need.pk in listed)) for need in needs]
    return {
        "organisation": organisation,
        "rows": rows,
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
        "today": timezone.localdate(),
    }


def _state(need, workflow_state, is_listed) -> str:
    if workflow_state is not None:
        return (
            "in_moderation"
            if workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
            else "changes_requested"
        )
    if not need.live:
        return "ended" if need.first_published_at else "draft"
    if need.state == NeedPage.State.FULFILLED:
        return "fulfilled"
    if not is_listed:
        return "stale"
    return "published"


SHOWN_ON_CITY_PAGE = 3


@register.inclusion_tag("needs/needs_section.html", takes_context=True)
def city_needs(context, city):
    """The newest needs of a city on its page, with a link to all of them; the page cache learns that
    the page shows them."""
    request = context.get("request")
    shows(request, {needs_in_city(city.pk)})
    needs = list(
        NeedPage.objects.listed()
        .filter(city=city)
        .for_listing()
        .order_by("-last_published_at", "-pk")[:SHOWN_ON_CITY_PAGE]
    )
    return {
        "needs": needs,
        "all_url": reverse("city_need_search", args=[city.slug]),
        "heading_id": "city-needs",
        "city": city,
    }


@register.inclusion_tag("needs/needs_section.html", takes_context=True)
def organisation_public_needs(context, organisation):
    """What an organisation looks for, lends or gives, on its profile (its tag is the profile's own)."""
    needs = list(
        NeedPage.objects.listed()
        .filter(organisation=organisation)
        .for_listing()
        .order_by("-last_published_at", "-pk")
    )
    return {"needs": needs, "all_url": None, "heading_id": "organisation-needs", "city": None}
