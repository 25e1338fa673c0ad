import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Organisation


class OrganisationFilterSet(WagtailFilterSet):
    verification_state = django_filters.ChoiceFilter(
        label=_("Prüfstatus"), choices=Organisation.VerificationState.choices
    )
    kind = django_filters.ChoiceFilter(label=_("Art"), choices=Organisation.Kind.choices)

    class Meta:
        model = Organisation
        fields = ["verification_state", "kind", "home_city"]


class OrganisationViewSet(ModelViewSet):
    """Organisations in the admin. For now for users with the model permissions (administrators);
    city editors get a view filtered to their own city with the moderation issue."""

    model = Organisation
    icon = "group"
    menu_label = _("Organisationen")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "home_city", "kind", "verification_state"]
    filterset_class = OrganisationFilterSet
    search_fields = ["name", "description"]
    form_fields = [
        "name",
        "kind",
        "description",
        "logo",
        "website",
        "email",
        "phone",
        "street",
        "postcode",
        "place",
        "home_city",
        "verification_state",
    ]


@hooks.register("register_admin_viewset")
def register_organisation_viewset():
    return OrganisationViewSet("organisations")
