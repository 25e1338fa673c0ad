""" "Vereine einladen" in the admin: a city's editors invite the Vereine they know, one by one or as a CSV
list, and see who has accepted. Editors see and invite into their own cities only."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from engagement.cities.access import cities_edited_by
from engagement.organisations import city_invitations


class CityChoiceForm(forms.Form):
    city = forms.ModelChoiceField(queryset=None, label=gettext_lazy("Stadt"), empty_label=None)

    def __init__(self, *args, cities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = cities
        self.fields["city"].error_messages["invalid_choice"] = _("Bitte wählen Sie eine Ihrer Städte.")


class SingleInvitationForm(CityChoiceForm, city_invitations.VereinForm):
    pass


class ListInvitationForm(CityChoiceForm):
    list_file = forms.FileField(
        label=gettext_lazy("Liste als CSV-Datei"),
        help_text=gettext_lazy(
            "Erste Zeile: Name; E-Mail; Art; Straße; PLZ; Ort; Telefon; Webseite (Name und E-Mail sind "
            "Pflicht). Komma oder Semikolon, wie Excel oder LibreOffice sie speichern."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )


class CityInvitationsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "moderation/invitations.html"
    page_title = gettext_lazy("Vereine einladen")
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not self.cities.exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def cities(self):
        return cities_edited_by(self.request.user).order_by("title")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("single_form", SingleInvitationForm(cities=self.cities))
        context.setdefault("list_form", ListInvitationForm(cities=self.cities))
        context.setdefault("list_errors", [])
        invitations = list(city_invitations.invitations_seen_by(self.request.user)[:500])
        context["invitations"] = invitations
        context["accepted_count"] = sum(1 for invitation in invitations if invitation.accepted_at)
        return context

    def post(self, request):
        if "list_file" in request.FILES or request.POST.get("mode") == "list":
            form = ListInvitationForm(request.POST, request.FILES, cities=self.cities)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(list_form=form), status=400)
            parsed = city_invitations.parse_list(form.cleaned_data["list_file"])
            if parsed.errors:
                context = self.get_context_data(list_form=form, list_errors=parsed.errors)
                return self.render_to_response(context, status=400)
            rows = parsed.rows
        else:
            form = SingleInvitationForm(request.POST, cities=self.cities)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(single_form=form), status=400)
            rows = [form.cleaned_data]
        result = city_invitations.invite_vereine(city=form.cleaned_data["city"], rows=rows, by=request.user)
        if result.invited:
            messages.success(
                request,
                _("%(count)s Einladung(en) verschickt. Die Vereine sind schon als geprüft eingetragen.")
                % {"count": len(result.invited)},
            )
        if result.skipped:
            messages.warning(
                request,
                _("Schon eingeladen, nicht noch einmal: %(emails)s") % {"emails": ", ".join(result.skipped)},
            )
        return redirect("city_invitations")
