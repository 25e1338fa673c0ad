"""An Atom feed of search results: the query string of the search page, its FilterSet and its order.

`/suche/feed/?city=bretten&category=umwelt` lists the newest 30 matching offers. Nothing here parses
parameters of its own: the page's `SearchQuery` decides what is valid, and what it rejects answers 400
with its German messages. No personal data: no contact e-mail or phone.
"""

from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html
from django.utils.translation import gettext as _

from .query import SearchQuery

FEED_SIZE = 30


class Selection:
    """One valid search as the feed was asked for it (the request gives the addresses)."""

    def __init__(self, request, search):
        self.request = request
        self.search = search

    def with_query_string(self, path):
        query_string = self.request.GET.urlencode()
        return self.request.build_absolute_uri(f"{path}?{query_string}" if query_string else path)


class SearchFeed(Feed):
    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        search = SearchQuery.for_request(request)
        if not search.is_valid:
            lines = [_("Bitte prüfen Sie Ihre Auswahl."), *(f"- {message}" for message in search.messages)]
            return HttpResponseBadRequest("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
        return super().__call__(request, *args, selection=Selection(request, search), **kwargs)

    def get_object(self, request, selection):
        return selection

    def title(self, selection):
        title = _("Engagement-Angebote")
        if selection.search.words:
            title += " " + _("„%(words)s“") % {"words": selection.search.words}
        cities = selection.search.chosen_cities
        if len(cities) == 1:
            title += " " + _("in %(city)s") % {"city": cities[0].title}
        return title

    def link(self, selection):
        return selection.with_query_string(reverse("search"))

    def feed_url(self, selection):
        return selection.with_query_string(selection.request.path)

    def items(self, selection):
        cards = selection.search.feed_items(FEED_SIZE)
        for card in cards:
            # The link the search page shows, made absolute: another city's own host when it has one,
            # else the host this feed was asked from.
            card.feed_link = selection.request.build_absolute_uri(card.get_url(selection.request))
        return cards

    def item_title(self, item):
        return item.title  # Atom titles are plain text: the generator escapes them once

    def item_link(self, item):
        return item.feed_link

    def item_guid(self, item):
        return item.feed_link

    def item_description(self, item):
        # Atom marks the summary as HTML: the texts of editors are escaped here, the XML escapes again.
        place = item.city.title if item.city else item.place
        return format_html("<p>{}</p><p>{} · {}</p>", item.teaser, item.organisation.name, place)

    def item_author_name(self, item):
        return item.organisation.name

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [category.display_name for category in item.categories.all()]


search_feed = SearchFeed()
