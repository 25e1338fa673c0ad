"""Public views of needs: the search tab, its feed, the contact form. The need's own page is its
Wagtail page (models.NeedPage, templates/needs/need_page.html)."""

from django.contrib.syndication.views import Feed
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from engagement.cities.models import CityPage
from engagement.operations.pagecache import SITE, cache_publicly, next_local_midnight
from engagement.ratelimit import RateLimited
from search.views import tab_query

from . import services
from .cache_tags import NEEDS
from .forms import ContactForm
from .models import NeedPage
from .search import NeedSearch

PAGE_SIZE = 20
FEED_SIZE = 30


def need_search(request, section_city=None):
    """`/suche/bedarfe/`: what Vereine look for, lend or give, with the offers' query contract."""
    search = NeedSearch(request.GET, section_city)
    context = {
        "search": search,
        "form": search.form,
        "filterset": search.filterset,
        "section_city": section_city,
        "tab_query": tab_query(request.GET),
    }
    if not search.is_valid:
        context["page_obj"] = Paginator([], PAGE_SIZE).get_page(1)
        return render(request, "needs/search.html", context, status=400)
    page = Paginator(search.results(), PAGE_SIZE).get_page(request.GET.get("page"))
    circle = search.circle
    for need in page.object_list:
        need.distance_km = (
            circle.distance_km(need.latitude, need.longitude)
            if circle is not None and need.latitude is not None
            else None
        )
    query = request.GET.copy()
    query.pop("page", None)
    context.update(
        page_obj=page,
        query=search.words,
        query_string=query.urlencode(),
        feed_url=f"{reverse('need_feed')}?{query.urlencode()}" if query else reverse("need_feed"),
    )
    return cache_publicly(render(request, "needs/search.html", context), {SITE, NEEDS}, next_local_midnight())


def city_need_search(request, city_slug):
    return need_search(request, section_city=get_object_or_404(CityPage.objects.live(), slug=city_slug))


def contact(request, page_id):
    """The contact form of a need: anyone may write, without an account; rate-limited, with a honeypot.
    The message is saved first and mailed to the Verein's members after the commit."""
    need = get_object_or_404(NeedPage.objects.reachable().select_related("city", "organisation"), pk=page_id)
    form = ContactForm(request.POST or None)
    context = {"need": need, "city": need.city, "form": form}
    if not need.takes_contact:
        return render(request, "needs/contact_form.html", {**context, "closed": True}, status=410)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.contact_organisation(
                page=need,
                request=request,
                name=data["name"],
                email=data["email"],
                message=data["message"],
                honeypot=data["website"],
                language=get_language() or "de",
            )
        except RateLimited:
            context["rate_limited"] = _(
                "Sie haben in kurzer Zeit viele Nachrichten geschickt. Bitte versuchen Sie es später."
            )
            return render(request, "needs/contact_form.html", context, status=429)
        except ValidationError as error:
            form.add_error(None, error)
            return render(request, "needs/contact_form.html", context, status=400)
        return render(request, "needs/contact_thanks.html", context)
    return render(request, "needs/contact_form.html", context, status=400 if form.errors else 200)


class NeedFeed(Feed):
    """Atom: the newest matching needs, no personal data (no names, no addresses beyond the place)."""

    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        search = NeedSearch(request.GET)
        if not search.is_valid:
            lines = [_("Bitte prüfen Sie Ihre Auswahl."), *(f"- {message}" for message in search.messages)]
            return HttpResponseBadRequest("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
        self.request = request
        response = super().__call__(request, *args, search=search, **kwargs)
        return cache_publicly(response, {SITE, NEEDS}, next_local_midnight())

    def get_object(self, request, search):
        return search

    def title(self, search):
        title = _("Gesucht und zu verleihen")
        if search.words:
            title += " " + _("„%(words)s“") % {"words": search.words}
        return title

    def link(self, search):
        return self.request.build_absolute_uri(reverse("need_search"))

    def items(self, search):
        needs = list(search.results()[:FEED_SIZE])
        for need in needs:
            need.feed_link = self.request.build_absolute_uri(need.get_url(self.request))
        return needs

    def item_title(self, item):
        return f"{item.get_kind_display()}: {item.title}"

    def item_link(self, item):
        return item.feed_link

    def item_guid(self, item):
        return item.feed_link

    def item_description(self, item):
        return format_html(
            "<p>{}</p><p>{} · {}</p>", item.description, item.organisation.name, item.place or item.city.title
        )

    def item_author_name(self, item):
        return item.organisation.name

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.get_kind_display(), item.get_resource_display()]


need_feed = NeedFeed()
