"""Admin forms pick images and documents from the user's own city only.

Wagtail's chooser modal lists what the user may choose (their city's collection), but the form field
behind it accepts the id of any image or document. The mixin narrows the field to what the chooser
offers, so another city's id is a form error and nothing is saved.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.permissions import policy_registry

REFUSED_CHOICE = {
    AbstractImage: _("Bitte wählen Sie ein Bild aus der Sammlung Ihrer Stadt."),
    AbstractDocument: _("Bitte wählen Sie ein Dokument aus der Sammlung Ihrer Stadt."),
}


def _media_base(field):
    model = getattr(getattr(field, "queryset", None), "model", None)
    return next((base for base in REFUSED_CHOICE if model and issubclass(model, base)), None)


class ChoosableMediaOnlyMixin:
    """For Wagtail admin model and page forms (they know `for_user`): every image or document field
    accepts what the user may choose, plus the item the instance already has, so that a form whose
    picture an administrator chose elsewhere still saves unchanged."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.media_field_names = []
        if self.for_user is None:  # built outside a request (services, shell): nobody to restrict
            return
        for name, field in self.fields.items():
            base = _media_base(field)
            if base is None:
                continue
            model = field.queryset.model
            policy = policy_registry.get_by_type(model)
            choosable = policy.instances_user_has_any_permission_for(self.for_user, ["choose"])
            current_pk = getattr(self.initial.get(name), "pk", self.initial.get(name))
            current = Q(pk=current_pk) if current_pk else Q()
            field.queryset = model._default_manager.filter(Q(pk__in=choosable.values("pk")) | current)
            field.error_messages["invalid_choice"] = REFUSED_CHOICE[base]
            self.media_field_names.append(name)

    def full_clean(self):
        super().full_clean()
        refused = [name for name in self.media_field_names if name in self._errors]
        if refused:
            # Shown again, the field offers the item it had, not the refused id: the chooser widget would
            # show that image's title and thumbnail, which belong to another city.
            self.data = self.data.copy()
            for name in refused:
                initial = self.initial.get(name)
                self.data[self.add_prefix(name)] = getattr(initial, "pk", initial) or ""


class CityPageForm(ChoosableMediaOnlyMixin, WagtailAdminPageForm):
    """The city section's form: the stage logo comes from the city's own collection."""
