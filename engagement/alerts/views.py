"""Thin views of the alerts: save a search (no account), confirm, manage, unsubscribe."""

import contextlib

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from engagement.cities.sites import city_for_request
from engagement.ratelimit import RateLimited, client_address, client_key, exceeded, hit
from search.query import SearchQuery

from . import services
from .forms import AlertForm, FrequencyForm


@never_cache
def new_alert_view(request):
    """`/benachrichtigungen/neu/?<the search's query string>`: the search to save, and the form."""
    city = city_for_request(request)
    data = request.POST if request.method == "POST" else None
    query_string = request.POST.get("query", "") if data else _query_string(request)
    search = SearchQuery(query_string, city=city)
    if not search.is_valid:
        lines = [_("Bitte prüfen Sie Ihre Auswahl."), *(f"- {message}" for message in search.messages)]
        return HttpResponseBadRequest("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    form = AlertForm(data, initial={"query": query_string})
    context = {"form": form, "description": services.describe(search), "search_url": _search_path(search)}
    if data is not None and form.is_valid():
        if form.is_spam():
            return render(request, "alerts/subscribed.html", context)
        try:
            services.subscribe(
                query_string=query_string,
                city=city,
                email=form.cleaned_data["email"],
                frequency=form.cleaned_data["frequency"],
                language=get_language(),
                client_address=client_address(request),
            )
        except RateLimited:
            return render(request, "alerts/new.html", {**context, "rate_limited": True}, status=429)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return render(request, "alerts/subscribed.html", context)
    return render(request, "alerts/new.html", context, status=400 if form.errors else 200)


def _query_string(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def _search_path(search) -> str:
    params = search.params.copy()
    params.pop("page", None)
    return f"{reverse('search')}?{params.urlencode()}" if params else reverse("search")


def _alert_or_404(request, token):
    # Guessing links is throttled: unknown tokens are counted per client address.
    address = client_key(request)
    if exceeded("alert-lookup-address", address):
        raise Http404
    alert = services.alert_for_token(token)
    if alert is None:
        with contextlib.suppress(RateLimited):
            hit("alert-lookup-address", address)
        raise Http404
    return alert


def _context(alert, **extra):
    search = services.search_of(alert)
    description = services.describe(search)
    return {"alert": alert, "description": description, "search_url": _search_path(search), **extra}


@never_cache
def confirm_view(request, token):
    # A GET only asks (mail scanners follow links); the POST confirms.
    alert = _alert_or_404(request, token)
    if request.method == "POST":
        services.confirm(alert)
        context = _context(alert, confirmed=True, form=_frequency_form(alert))
        return render(request, "alerts/manage.html", context)
    return render(request, "alerts/confirm.html", _context(alert))


def _frequency_form(alert, data=None):
    return FrequencyForm(data, initial={"frequency": alert.frequency})


@never_cache
def manage_view(request, token):
    alert = _alert_or_404(request, token)
    form = _frequency_form(alert)
    extra = {}
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "delete":
            services.unsubscribe(alert)
            return render(request, "alerts/unsubscribed.html", {})
        if action == "keep":
            services.keep(alert)
            extra["kept"] = True
        elif action == "change":
            form = _frequency_form(alert, request.POST)
            if form.is_valid():
                services.change_frequency(alert, form.cleaned_data["frequency"])
                extra["changed"] = True
        if alert.confirmed_at is None:
            services.confirm(alert)  # a click from the mail is a confirmation too
    status = 400 if form.errors else 200
    return render(request, "alerts/manage.html", _context(alert, form=form, **extra), status=status)


# RFC 8058: the mail program posts `List-Unsubscribe=One-Click` without cookies or a token of ours; the
# signed link is the proof. A GET (a person following the link) asks first.
@csrf_exempt
@never_cache
def unsubscribe_view(request, token):
    alert = _alert_or_404(request, token)
    if request.method == "POST":
        services.unsubscribe(alert)
        return render(request, "alerts/unsubscribed.html", {})
    return render(request, "alerts/unsubscribe.html", _context(alert))
