"""The rules of a saved search alert: subscribe (double opt-in), confirm, change, keep, unsubscribe,
send what is new, and forget subscribers who went silent.

Every mail goes through the outbox with a key that makes it unique, in the transaction that records
why it was sent, so a retried task never mails twice and a crash never loses one.
"""

import datetime as dt
import logging

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _

from engagement.cities.sites import base_url
from engagement.mail import outbox
from engagement.opportunities.models import OpportunityPage
from engagement.ratelimit import address_key, hit
from search.query import SearchQuery

from .consent import CONSENT_VERSION
from .models import SearchAlert

logger = logging.getLogger(__name__)

TOKEN_SALT = "engagement.alerts"
PERIODS = {
    SearchAlert.Frequency.DAILY: dt.timedelta(days=1),
    SearchAlert.Frequency.WEEKLY: dt.timedelta(days=7),
}
# The hourly run may start a little early; an alert due within this slack is sent in this run.
SLACK = dt.timedelta(minutes=30)
OFFERS_PER_MAIL = 20
UNCONFIRMED_DAYS = 7  # an alert never confirmed is deleted after this
KEEP_DAYS = 365  # an alert without a sign of life (confirmation, "weiter erhalten") is deleted after this
REMINDER_DAYS = 30  # the subscriber is asked this long before


# --- Links -------------------------------------------------------------------------------------------


def token_for(alert: SearchAlert) -> str:
    """The alert's private link part: signed, bound to this alert and its secret."""
    return signing.Signer(salt=TOKEN_SALT).sign(f"{alert.pk}.{alert.secret}")


def alert_for_token(token: str) -> SearchAlert | None:
    try:
        value = signing.Signer(salt=TOKEN_SALT).unsign(token)
    except signing.BadSignature:
        return None
    pk, _separator, secret = value.partition(".")
    alert = SearchAlert.objects.select_related("city").filter(pk=int(pk)).first() if pk.isdigit() else None
    if alert is None or not constant_time_compare(alert.secret, secret):
        return None
    return alert


def link(alert: SearchAlert, view: str) -> str:
    """An absolute link to one of the alert's pages, on the host it was saved on, in its language."""
    with translation.override(alert.language):
        return base_url(alert.city) + reverse(view, args=[token_for(alert)])


def search_of(alert: SearchAlert, opportunities=None) -> SearchQuery:
    return SearchQuery(alert.query_string, city=alert.city, opportunities=opportunities)


def search_url(alert: SearchAlert, sort=None) -> str:
    search = search_of(alert)
    params = search.params.copy()
    params.pop("page", None)
    if sort:
        params["sort"] = sort
    with translation.override(alert.language):
        path = reverse("search")
    return f"{base_url(alert.city)}{path}?{params.urlencode()}" if params else base_url(alert.city) + path


def describe(search: SearchQuery) -> str:
    """The search in a few words, for pages and mails: "„Tiere“ in Bretten, Umwelt & Natur"."""
    if not search.is_valid:
        return ""
    parts = []
    if search.words:
        parts.append(_("„%(words)s“") % {"words": search.words})
    data = search.filterset.form.cleaned_data
    cities = [city.title for city in search.chosen_cities]
    if cities:
        parts.append(_("in %(city)s") % {"city": ", ".join(cities)})
    if search.form.cleaned_data.get("near"):
        parts.append(_("bei %(place)s") % {"place": search.form.cleaned_data["near"]})
    parts += [str(term) for name in ("category", "activity", "target_group") for term in data.get(name) or []]
    parts += [str(organisation.name) for organisation in data.get("organisation") or []]
    return " · ".join(parts) or _("alle Angebote")


# --- Subscribing -------------------------------------------------------------------------------------


@transaction.atomic
def subscribe(*, query_string, city, email, frequency, language, client_address, now=None) -> SearchAlert:
    """Save an alert (unconfirmed) and mail the confirmation link. Raises ValidationError for a search
    that is not valid, RateLimited past the form's budgets."""
    search = SearchQuery(query_string, city=city)
    if not search.is_valid:
        raise ValidationError(search.messages)
    hit("alert-address", address_key(client_address))
    hit("alert-email", email.strip().lower())
    now = now or timezone.now()
    alert = SearchAlert.objects.create(
        email=email,
        query_string=query_string,
        city=city,
        frequency=frequency,
        language=language,
        consent_version=CONSENT_VERSION,
        consent_given_at=now,
    )
    outbox.queue(
        f"alert-confirm:{alert.pk}",
        alert.email,
        "alerts/emails/confirm",
        {"alert": alert, "description": describe(search), "confirm_url": link(alert, "alerts:confirm")},
        language=alert.language,
        about=alert,
    )
    return alert


def confirm(alert: SearchAlert, now=None) -> SearchAlert:
    """The subscriber clicked the link: from now on, new offers are mailed (none from before)."""
    now = now or timezone.now()
    if alert.confirmed_at is None:
        alert.confirmed_at = alert.sent_until = now
    alert.kept_at, alert.reminded_at = now, None
    alert.save(update_fields=["confirmed_at", "sent_until", "kept_at", "reminded_at"])
    return alert


def keep(alert: SearchAlert, now=None) -> SearchAlert:
    """A sign of life: the year until deletion starts again."""
    alert.kept_at, alert.reminded_at = now or timezone.now(), None
    alert.save(update_fields=["kept_at", "reminded_at"])
    return alert


def change_frequency(alert: SearchAlert, frequency: str) -> SearchAlert:
    alert.frequency = frequency
    alert.save(update_fields=["frequency"])
    return keep(alert)


def unsubscribe(alert: SearchAlert) -> None:
    """Delete the alert and everything stored with it (its queued mails too)."""
    alert.mails.all().delete()
    alert.delete()


# --- Sending -----------------------------------------------------------------------------------------


def due_alerts(now=None):
    now = (now or timezone.now()) + SLACK
    due = SearchAlert.objects.none()
    for frequency, period in PERIODS.items():
        due |= SearchAlert.objects.filter(
            confirmed_at__isnull=False, frequency=frequency, sent_until__lte=now - period
        )
    return due


def send_alert(alert_id: int, now=None) -> int:
    """Mail the offers that went online since the last mail and match; return how many. Idempotent: a
    second run finds the alert not due (or its mail already in the outbox under the same key)."""
    now = now or timezone.now()
    with transaction.atomic():
        due = due_alerts(now).filter(pk=alert_id).select_related("city")
        alert = due.select_for_update(of=("self",)).first()
        if alert is None:
            return 0
        new = OpportunityPage.objects.listed().filter(
            first_published_at__gt=alert.sent_until, first_published_at__lte=now
        )
        search = search_of(alert, opportunities=new)
        offers, more = [], False
        if search.is_valid:
            results = search.results(sort="newest", count_limit=OFFERS_PER_MAIL)
            offers = search.cards(results[:OFFERS_PER_MAIL])
            results.count()  # stops after OFFERS_PER_MAIL + 1: `capped` says whether there are more
            more = results.capped
        else:
            logger.warning("Search alert %s no longer valid: %s", alert.pk, "; ".join(search.messages))
        if offers:
            _queue_digest(alert, search, offers, capped=more, now=now)
            alert.last_mailed_at = now
        alert.sent_until = now
        alert.save(update_fields=["sent_until", "last_mailed_at"])
        return len(offers)


def _queue_digest(alert, search, offers, *, capped, now):
    unsubscribe_url = link(alert, "alerts:unsubscribe")
    with translation.override(alert.language):
        items = [
            {"title": offer.title, "organisation": offer.organisation.name, "url": _offer_url(offer)}
            for offer in offers
        ]
    outbox.queue(
        f"alert:{alert.pk}:{now:%Y%m%dT%H%M%S}",
        alert.email,
        "alerts/emails/digest",
        {
            "alert": alert,
            "description": describe(search),
            "offers": items,
            "more": capped,
            "search_url": search_url(alert, sort="newest"),
            "manage_url": link(alert, "alerts:manage"),
            "unsubscribe_url": unsubscribe_url,
        },
        # RFC 2369 and RFC 8058: mail programs offer "Abmelden" and unsubscribe with one POST.
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
        language=alert.language,
        about=alert,
    )


def _offer_url(offer) -> str:
    """The offer on its city's host (or the portal), as in every other mail."""
    _site, _root, path = offer.get_url_parts()
    return base_url(offer.city) + path


# --- Forgetting --------------------------------------------------------------------------------------


def expire_alerts(now=None) -> dict[str, int]:
    """Delete alerts never confirmed and alerts a year without a sign of life; remind a month before."""
    now = now or timezone.now()
    counts = {"unconfirmed": 0, "reminded": 0, "expired": 0}
    unconfirmed = SearchAlert.objects.filter(
        confirmed_at__isnull=True, created_at__lt=now - dt.timedelta(days=UNCONFIRMED_DAYS)
    )
    expired = SearchAlert.objects.filter(
        confirmed_at__isnull=False, kept_at__lt=now - dt.timedelta(days=KEEP_DAYS)
    )
    for alert in [*unconfirmed, *expired]:
        counts["expired" if alert.confirmed_at else "unconfirmed"] += 1
        unsubscribe(alert)
    remind = SearchAlert.objects.filter(
        confirmed_at__isnull=False,
        reminded_at__isnull=True,
        kept_at__lt=now - dt.timedelta(days=KEEP_DAYS - REMINDER_DAYS),
    ).select_related("city")
    for alert in remind:
        with transaction.atomic():
            outbox.queue(
                f"alert-reminder:{alert.pk}:{alert.kept_at:%Y%m%dT%H%M%S}",
                alert.email,
                "alerts/emails/reminder",
                {
                    "alert": alert,
                    "description": describe(search_of(alert)),
                    "manage_url": link(alert, "alerts:manage"),
                    "deleted_on": timezone.localdate(alert.kept_at + dt.timedelta(days=KEEP_DAYS)),
                },
                language=alert.language,
                about=alert,
            )
            alert.reminded_at = now
            alert.save(update_fields=["reminded_at"])
        counts["reminded"] += 1
    return counts
