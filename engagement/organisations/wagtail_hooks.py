import django_filters
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from engagement.cities.access import CityEditorsPolicy, cities_edited_by

from .forms import OrganisationAdminForm
from .models import Organisation
from .services import change_verification_state


class OrganisationPolicy(CityEditorsPolicy):
    """The city-owned models' one policy, by the organisation's home city; editors also add organisations
    (for a Verein of their city). Administrators do anything, other cities' editors nothing."""

    city_field = "home_city"
    editor_actions = frozenset({"view", "change", "add"})


register_permission_policy(Organisation, OrganisationPolicy(Organisation))


class OrganisationFilterSet(WagtailFilterSet):
    verification_state = django_filters.ChoiceFilter(
        label=_("Prüfstatus"), choices=Organisation.VerificationState.choices
    )
    kind = django_filters.ChoiceFilter(label=_("Art"), choices=Organisation.Kind.choices)

    class Meta:
        model = Organisation
        fields = ["verification_state", "kind", "home_city"]


def scoped_organisations(view, action):
    return view.permission_policy.instances_user_has_permission_for(view.request.user, action)


class CityScopedObjectMixin:
    """Views of one organisation look it up among the user's own cities only: another city's id is a 404,
    whatever the view would otherwise show."""

    scoped_action = "view"

    def get_object(self, *args, **kwargs):
        pk = getattr(self, "object_pk", None) or self.kwargs.get("pk")
        if not scoped_organisations(self, self.scoped_action).filter(pk=pk).exists():
            raise Http404
        return super().get_object(*args, **kwargs)


class OwnCitiesOnlyFormMixin:
    """Editors create and move organisations only within their own cities."""

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        if "home_city" in form.fields:
            form.fields["home_city"].queryset = cities_edited_by(self.request.user).order_by("title")
        return form


class IndexView(generic.IndexView):
    def get_base_queryset(self):
        return scoped_organisations(self, "view")


class CreateView(OwnCitiesOnlyFormMixin, generic.CreateView):
    pass


class EditView(CityScopedObjectMixin, OwnCitiesOnlyFormMixin, generic.EditView):
    scoped_action = "change"

    def save_instance(self):
        """A changed verification state goes through the service, which records who and when."""
        new_state = self.form.instance.verification_state
        previous_state = self.form.initial.get("verification_state")
        self.form.instance.verification_state = previous_state
        organisation = super().save_instance()
        return change_verification_state(organisation, new_state, by=self.request.user)


class DeleteView(CityScopedObjectMixin, generic.DeleteView):
    scoped_action = "delete"


class InspectView(CityScopedObjectMixin, generic.InspectView):
    pass


class HistoryView(CityScopedObjectMixin, history.HistoryView):
    pass


class UsageView(CityScopedObjectMixin, usage.UsageView):
    pass


class CopyView(CityScopedObjectMixin, OwnCitiesOnlyFormMixin, generic.CopyView):
    scoped_action = "change"


class OrganisationViewSet(ModelViewSet):
    """Organisations in the admin: administrators see all, a city's editors only their city's."""

    model = Organisation
    icon = "group"
    menu_label = _("Organisationen")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "home_city", "kind", "verification_state"]
    filterset_class = OrganisationFilterSet
    search_fields = ["name", "description"]
    inspect_view_enabled = True
    edit_handler = ObjectList(
        [
            FieldPanel(name)
            for name in (
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
            )
        ],
        base_form_class=OrganisationAdminForm,
    )
    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView
    inspect_view_class = InspectView
    history_view_class = HistoryView
    usage_view_class = UsageView
    copy_view_class = CopyView


@hooks.register("register_log_actions")
def register_verification_log_actions(actions):
    actions.register_action(
        "organisations.verify", _("Geprüft"), _("Organisation geprüft und freigeschaltet")
    )
    actions.register_action("organisations.suspend", _("Gesperrt"), _("Organisation gesperrt"))


@hooks.register("register_admin_viewset")
def register_organisation_viewset():
    return OrganisationViewSet("organisations")
