"""The opportunity's lifecycle: drafts, submission to the city's workflow, duplicate, pause, resume, end
and the recruitment status. The Verein dashboard's views call these; so may commands and tasks.

Every change is a Wagtail page revision under the organisation's city section, owned by the member;
"Zur Prüfung einreichen" starts the city's moderation workflow. A published opportunity stays online
unchanged until the editors approve the new revision.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.images import get_image_model
from wagtail.models import TaskState, WorkflowState

from engagement.opportunities import page_cache
from engagement.opportunities.models import OpportunityPage
from engagement.organisations.models import Organisation
from engagement.organisations.moderation import refuse_if_suspended, submit_to_city
from engagement.slugs import german_slugify

RELATIONS = ("categories", "activities", "target_groups", "suitable_for")


def member_opportunity(user, page_id) -> OpportunityPage:
    """One of the user's organisations' opportunities; anyone else's is refused (403)."""
    page = OpportunityPage.objects.of_member(user).filter(pk=page_id).first()
    if page is None:
        raise PermissionDenied
    return page


@dataclass(frozen=True)
class OpportunityState:
    key: str
    label: str
    comment: str = ""


STATE_LABELS = {
    "draft": gettext_lazy("Entwurf"),
    "in_moderation": gettext_lazy("In Prüfung"),
    "changes_requested": gettext_lazy("Änderungen erbeten"),
    "published": gettext_lazy("Veröffentlicht"),
    "published_with_changes": gettext_lazy("Veröffentlicht, Änderungen noch nicht eingereicht"),
    "expired": gettext_lazy("Abgelaufen"),
    "filled": gettext_lazy("Alle Plätze vergeben"),
    "ended": gettext_lazy("Beendet"),
}


def state_of(
    page: OpportunityPage, workflow_state: WorkflowState | None = None, *, is_listed: bool | None = None
) -> OpportunityState:
    """Where an opportunity stands, in the words the dashboard uses.

    For a list, pass the workflow state (with its task states prefetched) and whether the page is
    listed, so that no row costs a query of its own.
    """
    if workflow_state is not None and workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
        return OpportunityState("in_moderation", STATE_LABELS["in_moderation"])
    if workflow_state is not None and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        rejected = workflow_state.task_states.filter(status=TaskState.STATUS_REJECTED).order_by(
            "-finished_at"
        )
        comment = rejected.first().comment if rejected.exists() else ""
        return OpportunityState("changes_requested", STATE_LABELS["changes_requested"], comment)
    if not page.live:
        key = "ended" if page.first_published_at else "draft"
        return OpportunityState(key, STATE_LABELS[key])
    if is_listed is None:
        is_listed = OpportunityPage.objects.listed().filter(pk=page.pk).exists()
    if not is_listed:
        return OpportunityState("expired", STATE_LABELS["expired"])
    if page.recruitment_status == OpportunityPage.RecruitmentStatus.FILLED:
        return OpportunityState("filled", STATE_LABELS["filled"])
    if page.has_unpublished_changes:
        return OpportunityState("published_with_changes", STATE_LABELS["published_with_changes"])
    return OpportunityState("published", STATE_LABELS["published"])


def _unique_slug(city, title, page=None):
    base = german_slugify(title)[:70] or "angebot"
    slug, number = base, 2
    siblings = city.get_children()
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    while siblings.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _store_image(upload, *, organisation: Organisation, user, title: str):
    """An uploaded picture goes into the home city's collection, where that city's editors see it."""
    return get_image_model().objects.create(
        title=title[:255],
        file=upload,
        collection=organisation.home_city.collection,
        uploaded_by_user=user,
    )


def _with_image(data: dict, image, *, organisation, user) -> dict:
    """`image`: a new upload, False to remove the picture, None to keep it."""
    if image is False:
        return {**data, "image": None, "image_alt": ""}
    if image is not None:
        return {
            **data,
            "image": _store_image(image, organisation=organisation, user=user, title=data["title"]),
        }
    return data


def _apply(page, data):
    relations = {name: data.pop(name) for name in RELATIONS if name in data}
    for name, value in data.items():
        setattr(page, name, value)
    for name, values in relations.items():
        setattr(page, name, list(values))


def prefill(organisation: Organisation, user) -> dict:
    """What a new offer can take from its organisation (the address, if the city takes its postcode)
    and from the account (the contact person), so that nobody types it again."""
    values = {
        "contact_name": user.get_full_name(),
        "contact_email": user.email,
        "contact_phone": organisation.phone,
    }
    if organisation.postcode and organisation.home_city.takes_postcode(organisation.postcode):
        values.update(street=organisation.street, postcode=organisation.postcode, place=organisation.place)
    return {name: value for name, value in values.items() if value}


@transaction.atomic
def create_draft(*, organisation: Organisation, user, data: dict, image=None) -> OpportunityPage:
    if not organisation.has_member(user):
        raise PermissionDenied
    refuse_if_suspended(organisation)
    city = organisation.home_city
    data = _with_image(dict(data), image, organisation=organisation, user=user)
    relations = {name: data.pop(name) for name in RELATIONS if name in data}
    page = OpportunityPage(organisation=organisation, owner=user, live=False, **data)
    page.validating_draft = True  # a draft needs its title; submission asks for the rest
    page.slug = _unique_slug(city, page.title)
    city.add_child(instance=page)
    for name, values in relations.items():
        getattr(page, name).set(values)
    page.save_revision(user=user, log_action=True)
    return page


@transaction.atomic
def create_imported_draft(*, organisation: Organisation, user, data: dict, source_id: str) -> OpportunityPage:
    """An offer read from another platform's file (engagement/exchange), by an administrator: a draft in
    the organisation's city, remembered by the id its source gave it. Never published here: the caller
    submits it to the city's moderation like any Verein's offer."""
    if not user.is_superuser:
        raise PermissionDenied
    city = organisation.home_city
    data = dict(data)
    relations = {name: data.pop(name) for name in RELATIONS if name in data}
    page = OpportunityPage(organisation=organisation, owner=user, live=False, source_id=source_id, **data)
    page.validating_draft = True
    page.slug = _unique_slug(city, page.title)
    city.add_child(instance=page)
    for name, values in relations.items():
        getattr(page, name).set(values)
    page.save_revision(user=user, log_action=True)
    return page


@transaction.atomic
def update_draft(*, page: OpportunityPage, user, data: dict, image=None) -> OpportunityPage:
    """A new revision; a published version stays online until the editors approve this one."""
    latest = page.get_latest_revision_as_object()
    _apply(latest, _with_image(dict(data), image, organisation=page.organisation, user=user))
    latest.validating_draft = True
    latest.full_clean(exclude=["slug"])
    if not page.first_published_at:
        # Until it has been online, the address follows the title (a copy renamed, a draft retitled).
        latest.slug = _unique_slug(page.organisation.home_city, latest.title, page)
    latest.save_revision(user=user, log_action=True)
    return latest


@transaction.atomic
def submit_for_moderation(*, page: OpportunityPage, user):
    return submit_to_city(
        page,
        user,
        organisation=page.organisation,
        validate=_validate_for_submission,
        already_in_progress=_("Dieses Angebot ist schon in Prüfung."),
    )


def _validate_for_submission(latest: OpportunityPage):
    """What is written must be consistent, then everything missing is named at once."""
    latest.validating_draft = True
    latest.full_clean(exclude=["slug"])
    latest.validate_for_submission()
    latest.validate_for_publication()


@transaction.atomic
def duplicate(*, page: OpportunityPage, user) -> OpportunityPage:
    source = page.get_latest_revision_as_object()
    data = {
        field.name: getattr(source, field.name)
        for field in OpportunityPage._meta.local_concrete_fields
        if field.editable and field.name not in {"page_ptr", "organisation", "posted_on_behalf_by"}
    }
    # The same title: the copy opens in its edit form, and its address follows the title it gets there.
    data["title"] = source.title
    for name in RELATIONS:
        data[name] = list(getattr(source, name).all())
    return create_draft(organisation=page.organisation, user=user, data=data)


@transaction.atomic
def end(*, page: OpportunityPage, user):
    """Take an opportunity offline for good (it can be edited and submitted again)."""
    if page.live:
        # Members hold no Wagtail page permissions; membership (checked by the caller) is the right here.
        UnpublishPageAction(page, user=user, log_action=True).execute(skip_permission_checks=True)
    return page


def set_recruitment_status(page: OpportunityPage, status: str):
    """`recruitment_status` is a page field, but pausing or filling up is not a content change and must not
    wait for the city's moderation. So the live row is updated directly, and the page's latest revision (a
    newer draft in moderation, or the published one) gets the same value, so publishing that revision later
    does not bring back an outdated status."""
    OpportunityPage.objects.filter(pk=page.pk).update(recruitment_status=status)
    revision = page.latest_revision
    if revision is not None and revision.content.get("recruitment_status") != status:
        revision.content["recruitment_status"] = status
        revision.save(update_fields=["content"])
    page.recruitment_status = status
    page_cache.opportunity_changed(page)


@transaction.atomic
def pause(*, page: OpportunityPage, user):
    """No new applications for now; the opportunity stays visible. Not a content change, so no
    moderation: the live row and the latest revision both get the new recruitment status."""
    set_recruitment_status(page, OpportunityPage.RecruitmentStatus.CLOSED)


@transaction.atomic
def resume(*, page: OpportunityPage, user):
    set_recruitment_status(page, OpportunityPage.RecruitmentStatus.OPEN)
