"""Capacity: enough acceptances fill an opportunity; the organisation (or a cancellation) opens it again.

The switch happens only when the number of acceptances crosses "volunteers needed": after an
organisation reopens a filled opportunity on purpose, further acceptances do not close it again.

`recruitment_status` belongs to the opportunity's lifecycle (`opportunities.lifecycle.set_recruitment_status`,
which keeps the live row and the latest revision in step).
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from engagement.opportunities.lifecycle import set_recruitment_status
from engagement.opportunities.models import OpportunityPage

from ..models import Application

Recruitment = OpportunityPage.RecruitmentStatus
Status = Application.Status


def update_capacity(page: OpportunityPage, *, from_status: str, to_status: str) -> bool:
    """Call inside the transaction of a status change (or erasure) of one application on `page`.

    Returns True when a filled opportunity has a free place again.
    """
    if Status.ACCEPTED not in (from_status, to_status) or from_status == to_status:
        return False
    # Lock the page row: two acceptances at the same moment count one after the other.
    page = OpportunityPage.objects.select_for_update(of=("self",)).get(pk=page.pk)
    accepted = Application.objects.filter(opportunity=page, status=Status.ACCEPTED).count()
    needed = page.volunteers_needed
    if to_status == Status.ACCEPTED and accepted == needed and page.is_open_for_applications:
        set_recruitment_status(page, Recruitment.FILLED)
    elif (
        from_status == Status.ACCEPTED
        and accepted == needed - 1
        and page.recruitment_status == Recruitment.FILLED
    ):
        set_recruitment_status(page, Recruitment.OPEN)
        return True
    return False


def waiting(page: OpportunityPage):
    """Confirmed applications still waiting for an answer that came while every place was taken."""
    return Application.objects.confirmed().filter(
        opportunity=page, on_waiting_list=True, status=Status.REQUESTED
    )


@transaction.atomic
def reopen(page: OpportunityPage, *, by) -> OpportunityPage:
    """The organisation takes applications again although every place is taken (e.g. a waiting list)."""
    if not page.organisation.has_member(by):
        raise PermissionDenied
    if page.recruitment_status == Recruitment.FILLED:
        set_recruitment_status(page, Recruitment.OPEN)
    return page
