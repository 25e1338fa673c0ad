from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.forms.pages import CopyForm

from engagement.cities.forms import ChoosableMediaOnlyMixin
from engagement.organisations.models import Organisation


class OpportunityPageForm(ChoosableMediaOnlyMixin, WagtailAdminPageForm):
    """The admin form: tells the page where it will live, offers the organisations (and images) of that
    city only, records when a city editor creates an offer on an organisation's behalf, and applies the
    publishing rules."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        if parent_page is not None and not self.instance.pk:
            self.instance._parent_city_hint = parent_page.specific
        city = self.instance.city_section
        if city is not None and "organisation" in self.fields:
            self.fields["organisation"].queryset = city.organisations.exclude(
                verification_state=Organisation.VerificationState.SUSPENDED
            ).order_by("name")

    def _post_clean(self):
        # "Save draft" defers the required fields (Wagtail's defer_required_fields); the model's
        # completeness rules wait for submission and publishing in the same way.
        self.instance.validating_draft = self.is_deferred_validation
        super()._post_clean()  # the instance now holds the submitted values
        if "action-publish" not in self.data:
            return
        try:
            self.instance.validate_for_publication()
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                if field in self.fields and field not in self._errors:
                    self.add_error(field, messages)

    def save(self, commit=True):
        page = super().save(commit=False)
        user = self.for_user
        # Only creating an offer for an organisation one is no member of is posting on its behalf;
        # editing, reviewing or approving the organisation's own offer is not.
        posting_for_others = (
            user is not None
            and page.pk is None
            and page.organisation_id
            and not page.organisation.has_member(user)
        )
        if posting_for_others and not page.posted_on_behalf_by_id:
            page.posted_on_behalf_by = user
        if commit:
            page.save()
            self.save_m2m()
        return page


class OpportunityCopyForm(CopyForm):
    """Copying an opportunity in the admin: only within its own city. Its postcode and organisation
    belong to that city, so a copy elsewhere could not be saved (Wagtail's copy then failed with a
    server error); a copy into the same section is the volunteer centre's way to reuse an offer."""

    def clean(self):
        cleaned = super().clean()
        parent = cleaned.get("new_parent_page")
        home = self.page.get_parent()
        if parent is not None and parent.pk != home.pk and "new_parent_page" not in self._errors:
            self.add_error(
                "new_parent_page",
                _(
                    "Ein Angebot lässt sich nur in seiner Stadt kopieren: Postleitzahl und Organisation "
                    "gehören zu %(city)s."
                )
                % {"city": home.title},
            )
        return cleaned
