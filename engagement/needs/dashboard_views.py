"""The Verein's screens for its needs, in the dashboard (`/mein-verein/bedarfe/`): form, submission,
fulfilled / reopened / still current / ended, and the loans of what it lends."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView

from engagement.organisations.views import MemberRequiredMixin

from . import services
from .forms import LoanForm, NeedForm
from .models import NeedPage


class NeedOfMemberMixin(MemberRequiredMixin):
    def member_need(self):
        return services.member_need(self.request.user, self.kwargs["page_id"])


def _report(request, error: ValidationError):
    if hasattr(error, "error_dict"):
        for name, field_messages in error.message_dict.items():
            label = NeedPage._meta.get_field(name).verbose_name if name != "__all__" else ""
            for message in field_messages:
                messages.error(request, f"{label}: {message}" if label else message)
    else:
        messages.error(request, " ".join(error.messages))


def _submit(request, page):
    try:
        services.submit_for_moderation(page=page, user=request.user)
    except ValidationError as error:
        messages.error(request, _("Zum Einreichen fehlt noch etwas:"))
        _report(request, error)
        return redirect("dashboard:need_edit", page_id=page.pk)
    messages.success(
        request,
        _(
            "Eingereicht. Die Redaktion Ihrer Stadt prüft den Eintrag und schreibt Ihnen, "
            "sobald er online ist."
        ),
    )
    return redirect("dashboard:overview")


class NeedFormView(NeedOfMemberMixin, FormView):
    form_class = NeedForm
    template_name = "needs/dashboard/need_form.html"

    def get_organisation(self):
        if "page_id" in self.kwargs:
            return self.member_need().organisation
        return self.get_member_organisation(self.kwargs["organisation_id"])

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if "page_id" in self.kwargs:
            kwargs["instance"] = self.member_need().get_latest_revision_as_object()
        else:
            organisation = self.get_organisation()
            kwargs["instance"] = NeedPage(organisation=organisation)
            kwargs["instance"]._parent_city_hint = organisation.home_city
        return kwargs

    def get_initial(self):
        if "page_id" in self.kwargs:
            return super().get_initial()
        organisation = self.get_organisation()
        return {"postcode": organisation.postcode, "place": organisation.place}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["organisation"] = self.get_organisation()
        context["page"] = self.member_need() if "page_id" in self.kwargs else None
        return context

    def form_valid(self, form):
        try:
            if "page_id" in self.kwargs:
                page = services.update_draft(
                    page=self.member_need(), user=self.request.user, data=form.page_data()
                )
            else:
                page = services.create_draft(
                    organisation=self.get_organisation(), user=self.request.user, data=form.page_data()
                )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        if "submit" in self.request.POST:
            return _submit(self.request, page)
        messages.success(self.request, _("Als Entwurf gespeichert."))
        return redirect("dashboard:overview")

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class NeedSubmitView(NeedOfMemberMixin, View):
    def post(self, request, page_id):
        return _submit(request, self.member_need())


class NeedActionView(NeedOfMemberMixin, View):
    """Erledigt, wieder aktuell, noch aktuell, beenden: one POST each, answered on the overview."""

    ACTIONS = {
        "erledigt": (
            services.mark_fulfilled,
            _("Als erledigt markiert: Der Eintrag erscheint nicht mehr in der Suche."),
        ),
        "wieder-offen": (services.reopen, _("Der Eintrag ist wieder aktuell.")),
        "noch-aktuell": (
            services.confirm_current,
            _("Danke! Der Eintrag bleibt weitere 90 Tage in der Suche."),
        ),
        "beenden": (services.end, _("Beendet: Der Eintrag ist nicht mehr online.")),
    }

    def post(self, request, page_id, action):
        if action not in self.ACTIONS:
            raise PermissionDenied
        service, message = self.ACTIONS[action]
        service(page=self.member_need(), user=request.user)
        messages.success(request, message)
        return redirect("dashboard:overview")


class LoansView(NeedOfMemberMixin, View):
    """When a lent item is away: the list with the Verein's notes, and a form for the next loan."""

    template_name = "needs/dashboard/loans.html"

    def get(self, request, page_id):
        return self.show(LoanForm())

    def post(self, request, page_id):
        page = self.member_need()
        form = LoanForm(request.POST)
        if form.is_valid():
            try:
                services.add_loan(page=page, user=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Die Ausleihe ist eingetragen."))
                return redirect("dashboard:need_loans", page_id=page.pk)
        return self.show(form, status=400)

    def show(self, form, status=200):
        page = self.member_need()
        context = {"page": page, "organisation": page.organisation, "form": form, "loans": page.loans.all()}
        return render(self.request, self.template_name, context, status=status)


class LoanDeleteView(NeedOfMemberMixin, View):
    def post(self, request, page_id, loan_id):
        page = self.member_need()
        services.delete_loan(page=page, user=request.user, loan_id=loan_id)
        messages.success(request, _("Die Ausleihe ist gelöscht."))
        return redirect("dashboard:need_loans", page_id=page.pk)
