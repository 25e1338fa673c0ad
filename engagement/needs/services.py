"""What Vereine and citizens do with needs: drafts, submission to the city's workflow, fulfilled and
reopened, still current, loans, and contact messages. Views, the admin and commands call these."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.actions.unpublish_page import UnpublishPageAction

from engagement.applications.consent import CONSENT_VERSION
from engagement.mail import outbox
from engagement.opportunities import links
from engagement.organisations.models import Organisation
from engagement.organisations.moderation import refuse_if_suspended, submit_to_city
from engagement.ratelimit import client_key, hit
from engagement.slugs import german_slugify

from .models import FRESH_DAYS, ContactMessage, Loan, NeedPage
from .page_cache import need_changed


def member_need(user, page_id) -> NeedPage:
    """One of the user's organisations' needs; anyone else's is refused (403)."""
    page = NeedPage.objects.of_member(user).filter(pk=page_id).first()
    if page is None:
        raise PermissionDenied
    return page


def _unique_slug(city, title, page=None):
    base = german_slugify(title)[:70] or "bedarf"
    slug, number = base, 2
    siblings = city.get_children()
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    while siblings.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def create_draft(*, organisation: Organisation, user, data: dict) -> NeedPage:
    if not organisation.has_member(user):
        raise PermissionDenied
    refuse_if_suspended(organisation)
    city = organisation.home_city
    page = NeedPage(organisation=organisation, owner=user, live=False, **data)
    page.validating_draft = True
    page._parent_city_hint = city
    page.full_clean(exclude=["slug", "path", "depth"])
    page.slug = _unique_slug(city, page.title)
    city.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return page


@transaction.atomic
def update_draft(*, page: NeedPage, user, data: dict) -> NeedPage:
    """A new revision; the published version stays online until the editors approve this one."""
    latest = page.get_latest_revision_as_object()
    for name, value in data.items():
        setattr(latest, name, value)
    latest.validating_draft = True
    latest.full_clean(exclude=["slug"])
    if not page.first_published_at:
        latest.slug = _unique_slug(page.organisation.home_city, latest.title, page)
    latest.save_revision(user=user, log_action=True)
    return latest


@transaction.atomic
def submit_for_moderation(*, page: NeedPage, user):
    return submit_to_city(
        page,
        user,
        organisation=page.organisation,
        validate=_validate_for_submission,
        already_in_progress=_("Dieser Eintrag ist schon in Prüfung."),
    )


def _validate_for_submission(latest: NeedPage):
    latest.validating_draft = False
    latest.full_clean(exclude=["slug"])


def _set_live_fields(page: NeedPage, **values):
    """State and confirmation are not content: the live row changes at once, without moderation, and
    the latest revision gets the same values so that publishing it later does not bring old ones back."""
    NeedPage.objects.filter(pk=page.pk).update(**values)
    revision = page.latest_revision
    if revision is not None:
        content = revision.content
        for name, value in values.items():
            content[name] = value.isoformat() if hasattr(value, "isoformat") else value
        revision.save(update_fields=["content"])
    for name, value in values.items():
        setattr(page, name, value)
    need_changed(page)


@transaction.atomic
def mark_fulfilled(*, page: NeedPage, user):
    """Found, given away or no longer needed: it leaves the search, its page says so."""
    _set_live_fields(page, state=NeedPage.State.FULFILLED, fulfilled_at=timezone.now())


@transaction.atomic
def reopen(*, page: NeedPage, user):
    """Needed again (or back from a loan): listed again, counted as confirmed today."""
    now = timezone.now()
    _set_live_fields(page, state=NeedPage.State.OPEN, fulfilled_at=None, confirmed_at=now)


@transaction.atomic
def confirm_current(*, page: NeedPage, user):
    """ "Noch aktuell": another FRESH_DAYS in the search."""
    _set_live_fields(page, confirmed_at=timezone.now())


@transaction.atomic
def end(*, page: NeedPage, user):
    """Take it offline (it can be edited and submitted again)."""
    if page.live:
        UnpublishPageAction(page, user=user, log_action=True).execute(skip_permission_checks=True)
    return page


# --- Loans ------------------------------------------------------------------------------------------


@transaction.atomic
def add_loan(*, page: NeedPage, user, starts_on, ends_on, note: str = "") -> Loan:
    """The item is away from `starts_on` to `ends_on` (both days included); loans may not overlap."""
    if page.kind != NeedPage.Kind.LEND:
        raise ValidationError(_("Ausleihen gibt es nur bei Dingen, die Sie verleihen."))
    if ends_on < starts_on:
        raise ValidationError({"ends_on": _("Das Ende darf nicht vor dem Beginn liegen.")})
    # The need's row is locked, so that two members entering loans at once cannot both pass the check.
    NeedPage.objects.select_for_update().filter(pk=page.pk).first()
    clash = page.loans.filter(starts_on__lte=ends_on, ends_on__gte=starts_on).first()
    if clash is not None:
        raise ValidationError(
            {
                "starts_on": _("In dieser Zeit ist es schon verliehen (%(start)s bis %(end)s).")
                % {"start": f"{clash.starts_on:%d.%m.%Y}", "end": f"{clash.ends_on:%d.%m.%Y}"}
            }
        )
    return Loan.objects.create(need=page, starts_on=starts_on, ends_on=ends_on, note=note, created_by=user)


@transaction.atomic
def delete_loan(*, page: NeedPage, user, loan_id: int):
    deleted = page.loans.filter(pk=loan_id).first()
    if deleted is None:
        raise PermissionDenied
    deleted.delete()


# --- Contact ----------------------------------------------------------------------------------------


@transaction.atomic
def contact_organisation(
    *, page: NeedPage, request, name: str, email: str, message: str, honeypot: str = "", language="de"
) -> ContactMessage | None:
    """Save the message, then mail every member of the organisation (after the commit): the sender's
    address goes to the Verein as the address to answer, the Verein's to nobody.

    Raises RateLimited past "need-contact-address" or "need-contact-email". A filled-in honeypot
    stores nothing and answers as if it had.
    """
    hit("need-contact-address", client_key(request))
    hit("need-contact-email", email.strip().lower())
    if honeypot:
        return None
    if not page.takes_contact:
        raise ValidationError(_("Dieser Eintrag ist erledigt oder abgelaufen."))
    contact = ContactMessage.objects.create(
        need=page,
        name=name,
        email=email,
        message=message,
        consent_version=CONSENT_VERSION,
        consent_given_at=timezone.now(),
        language=language,
    )
    context = {
        "need": page,
        "contact": contact,
        "dashboard_url": links.dashboard_url(),
        "need_url": links.public_url(page),
    }
    for membership in page.organisation.memberships.select_related("user"):
        member = membership.user
        if member.email:
            outbox.queue(
                f"need-contact:{contact.pk}:{member.pk}",
                member.email,
                "needs/emails/contact",
                context,
                headers={"Reply-To": email},
                language=outbox.recipient_language(member),
                about=contact,
            )
    return contact


# --- Freshness --------------------------------------------------------------------------------------

REMIND_DAYS_BEFORE = 14


def needs_to_remind(now=None):
    """Listed needs that leave the search within REMIND_DAYS_BEFORE days unless someone confirms them."""
    now = now or timezone.now()
    horizon = now - dt.timedelta(days=FRESH_DAYS - REMIND_DAYS_BEFORE)
    return NeedPage.objects.listed(now).filter(fresh_since__lt=horizon)


@transaction.atomic
def remind_to_confirm(page_id: int) -> int:
    """Ask every member of the organisation whether the need is still current; once per confirmation
    period (the outbox key holds the day it was last confirmed). Returns the number of new mails."""
    page = needs_to_remind().filter(pk=page_id).select_related("organisation").first()
    if page is None:
        return 0
    confirmed = timezone.localdate(page.confirmed_at or page.last_published_at)
    leaves_on = confirmed + dt.timedelta(days=FRESH_DAYS)
    context = {"need": page, "leaves_on": leaves_on, "dashboard_url": links.dashboard_url()}
    sent = 0
    for membership in page.organisation.memberships.select_related("user"):
        member = membership.user
        if member.email:
            sent += outbox.queue(
                f"need-fresh:{page.pk}:{confirmed.isoformat()}:{member.pk}",
                member.email,
                "needs/emails/still_current",
                context,
                language=outbox.recipient_language(member),
            )
    return sent
