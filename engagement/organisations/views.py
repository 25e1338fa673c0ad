"""The one gate of every Verein view (/mein-verein/, the dashboard's and the applications' screens)."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from .models import Organisation


class MemberRequiredMixin(LoginRequiredMixin):
    """A logged-in user (anonymous visitors go to the login page), who reaches only the organisations
    they belong to. Objects below an organisation are narrowed through the models' own predicates
    (`OpportunityPage.objects.of_member`, `Application.objects.visible_to`), never a filter of a view's own.
    """

    def member_organisations(self):
        return Organisation.objects.of_member(self.request.user)

    def get_member_organisation(self, organisation_id) -> Organisation:
        """One of the user's organisations; any other answers 404 (nobody learns it exists)."""
        return get_object_or_404(self.member_organisations(), pk=organisation_id)

    def get_owned_organisation(self, organisation_id) -> Organisation:
        """An organisation the user is responsible for: 404 if unknown, 403 for members and outsiders."""
        organisation = get_object_or_404(Organisation, pk=organisation_id)
        if not organisation.has_owner(self.request.user):
            raise PermissionDenied
        return organisation
