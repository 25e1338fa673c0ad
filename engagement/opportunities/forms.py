from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminPageForm


class OpportunityPageForm(WagtailAdminPageForm):
    """The admin form: tells the page where it will live, and applies the publishing rules on publish."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        if parent_page is not None and not self.instance.pk:
            self.instance._parent_city_hint = parent_page.specific

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
