from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminPageForm

from engagement.cities.forms import ChoosableMediaOnlyMixin


class OpportunityPageForm(ChoosableMediaOnlyMixin, WagtailAdminPageForm):
    """The admin form: tells the page where it will live, offers the organisations (and images) of that
    city only, records when a city editor posts on an organisation's behalf, and applies the publishing
    rules."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        if parent_page is not None and not self.instance.pk:
            self.instance._parent_city_hint = parent_page.specific
        city = self.instance.city_section
        if city is not None and "organisation" in self.fields:
            self.fields["organisation"].queryset = city.organisations.exclude(
                verification_state="suspended"
            ).order_by("name")

    def _post_clean(self):
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
        posting_for_others = (
            user is not None
            and page.organisation_id
            and not page.organisation.memberships.filter(user=user).exists()
        )
        if posting_for_others and not page.posted_on_behalf_by_id:
            page.posted_on_behalf_by = user
        if commit:
            page.save()
            self.save_m2m()
        return page
