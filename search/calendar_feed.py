"""An iCalendar subscription of a search: the dated one-off offers it finds, for a calendar app.

`/suche/kalender.ics?city=bretten&category=umwelt` takes the query string of the search page (and its
Atom feed); a city's feed is `?city=<slug>`, an organisation's `?organisation=<slug>`. A subscription
stays in sync where a downloaded file would not: each offer keeps its UID (`opportunity-<id>@…`) when
its time changes, so the calendar moves the event instead of adding a second one. Nothing personal.
"""

import datetime as dt

from django.http import HttpResponse, HttpResponseBadRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from engagement.cities.sites import city_for_request
from engagement.opportunities.calendar import calendar_of, opportunity_event
from engagement.opportunities.models import OpportunityPage

from .query import SearchQuery
from .results import RESULT_CAP

CALENDAR_SIZE = 200
# How often a calendar app should ask again (RFC 7986 REFRESH-INTERVAL).
REFRESH = dt.timedelta(hours=6)
UID_DOMAIN = "engagement-vernetzt"


def upcoming_events():
    """Offers citizens may find that are one-off and not over: those have a date for a calendar."""
    return OpportunityPage.objects.listed().filter(
        schedule_kind=OpportunityPage.ScheduleKind.ONE_OFF, event_start__isnull=False
    )


def calendar_name(search):
    name = _("Engagement-Termine")
    cities = search.chosen_cities
    if len(cities) == 1:
        name += " " + _("in %(city)s") % {"city": cities[0].title}
    organisations = list(search.filterset.form.cleaned_data.get("organisation") or [])
    if len(organisations) == 1:
        name += " – " + organisations[0].name
    if search.words:
        name += " " + _("„%(words)s“") % {"words": search.words}
    return name


@require_safe
def search_calendar(request):
    search = SearchQuery(request.GET, city=city_for_request(request), opportunities=upcoming_events())
    if not search.is_valid:
        lines = [_("Bitte prüfen Sie Ihre Auswahl."), *(f"- {message}" for message in search.messages)]
        return HttpResponseBadRequest("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    offers = search.cards(search.results(sort="date", count_limit=RESULT_CAP)[:CALENDAR_SIZE])
    events = [
        opportunity_event(
            offer,
            uid=f"opportunity-{offer.pk}@{UID_DOMAIN}",
            url=request.build_absolute_uri(offer.get_url(request)),
            modified=offer.last_published_at or timezone.now(),
        )
        for offer in offers
    ]
    content = calendar_of(events, name=calendar_name(search), refresh=REFRESH)
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="engagement.ics"'
    return response
