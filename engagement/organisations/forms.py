from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

from engagement.cities.forms import ChoosableMediaOnlyMixin

from .services import ALLOWED_TRANSITIONS


class OrganisationAdminForm(ChoosableMediaOnlyMixin, WagtailAdminModelForm):
    """Refuses a change of verification state that the rules do not allow, with a German message; the
    logo comes from the editor's own city."""

    def clean_verification_state(self):
        new_state = self.cleaned_data["verification_state"]
        old_state = self.initial.get("verification_state")
        if (
            self.instance.pk
            and new_state != old_state
            and new_state not in ALLOWED_TRANSITIONS.get(old_state, ())
        ):
            raise ValidationError(
                _("Eine geprüfte oder gesperrte Organisation kann nicht wieder „wartend“ werden.")
            )
        return new_state
