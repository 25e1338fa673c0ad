"""Thin views. The volunteer's side (their record through the private status link, the PDF, the public
verification page) and the Verein's side under /mein-verein/stunden/ (members of the organisation only,
through MemberRequiredMixin and the models' `visible_to`; issuing and revoking: persons responsible)."""

import contextlib

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.decorators.cache import never_cache

from engagement.applications.models import AccessToken, Application
from engagement.opportunities.models import OpportunityPage
from engagement.organisations.models import Organisation
from engagement.organisations.views import MemberRequiredMixin
from engagement.ratelimit import RateLimited, client_key, exceeded, hit

from . import services
from .forms import AttendanceForm, CorrectionForm, IssueForm
from .models import Certificate, HoursEntry
from .pdf import LANGUAGES, certificate_pdf
from .services.certificates import suggested_tasks


def _application_by_token(request, token):
    """The application the private status link opens, or a 404 counted against guessing (the same
    budget as the status page: a guess here is a guess there)."""
    address = client_key(request)
    if exceeded("status-lookup-address", address):
        raise RateLimited
    application = (
        Application.objects.with_token(token, AccessToken.Purpose.STATUS)
        .select_related("opportunity", "opportunity__organisation", "opportunity__city")
        .first()
    )
    if application is None:
        with contextlib.suppress(RateLimited):
            hit("status-lookup-address", address)
        raise Http404
    return application


@never_cache
def record_view(request, token):
    try:
        application = _application_by_token(request, token)
    except RateLimited:
        return render(request, "applications/status_rate_limited.html", status=429)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "request":
            try:
                services.request_certificate(application)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request, _("Ihre Anfrage ist bei der Organisation. Sie stellt den Nachweis aus.")
                )
        elif action == "erase":
            if request.POST.get("confirm") != "yes":
                return render(
                    request, "hours/erase_confirm.html", {"application": application, "token": token}
                )
            services.erase_record(application)
            messages.success(request, _("Ihre Stunden und Nachweise sind gelöscht."))
        return redirect("hours:record", token=token)
    record = services.volunteer_record(application)
    context = {
        "application": application,
        "page": application.opportunity,
        "city": application.opportunity.city,
        "token": token,
        **record,
        "thresholds": services.thresholds_reached(application, record["per_year"], record["total"]),
    }
    return render(request, "hours/record.html", context)


@never_cache
def certificate_download_view(request, token, pk, language):
    try:
        application = _application_by_token(request, token)
    except RateLimited:
        return render(request, "applications/status_rate_limited.html", status=429)
    if language not in LANGUAGES:
        raise Http404
    certificate = get_object_or_404(
        application.certificates.select_related("city"), pk=pk, status=Certificate.Status.ISSUED
    )
    response = HttpResponse(certificate_pdf(certificate, language), content_type="application/pdf")
    filename = f"engagementnachweis-{certificate.code}-{language}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
def verify_view(request, code):
    """Anyone holding a code sees that the Nachweis is genuine (or revoked) and what it states; nothing
    else. Unknown codes are counted per client address against guessing."""
    address = client_key(request)
    if exceeded("certificate-lookup-address", address):
        return render(request, "hours/verify.html", {"rate_limited": True}, status=429)
    certificate = services.verify(code)
    if certificate is None:
        with contextlib.suppress(RateLimited):
            hit("certificate-lookup-address", address)
        return render(request, "hours/verify.html", {"unknown": True}, status=404)
    return render(request, "hours/verify.html", {"certificate": certificate, "city": certificate.city})


class AttendanceView(MemberRequiredMixin, View):
    """Per offer: confirm who came and the hours for a day or a month, all accepted applicants at once;
    below, the entries so far, each correctable."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.page = get_object_or_404(
            OpportunityPage.objects.of_member(request.user).select_related("organisation"),
            pk=kwargs["page_id"],
        )
        return super().dispatch(request, *args, **kwargs)

    def applications(self):
        return (
            Application.objects.visible_to(self.request.user)
            .filter(opportunity=self.page, status=Application.Status.ACCEPTED)
            .order_by("name", "pk")
        )

    def get(self, request, page_id):
        return self.show(AttendanceForm(initial=self.initial(), applications=self.applications()))

    def post(self, request, page_id):
        form = AttendanceForm(request.POST, applications=self.applications())
        if form.is_valid():
            try:
                recorded = services.record_attendance(
                    self.page.organisation, form.items(), confirmed_by=request.user
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                count = len(recorded)
                messages.success(
                    request,
                    ngettext("Gespeichert: %(count)s Eintrag.", "Gespeichert: %(count)s Einträge.", count)
                    % {"count": count},
                )
                return redirect("dashboard:attendance", page_id=self.page.pk)
        return self.show(form, status=400)

    def initial(self):
        regular = self.page.schedule_kind == OpportunityPage.ScheduleKind.REGULAR
        return {
            "period": HoursEntry.Period.MONTH if regular else HoursEntry.Period.DAY,
            "label": self.page.title,
        }

    def show(self, form, status=200):
        entries = (
            HoursEntry.objects.visible_to(self.request.user)
            .filter(application__opportunity=self.page)
            .select_related("application", "confirmed_by")
            .order_by("-date", "application__name", "pk")
        )
        issuable = []
        if self.page.organisation.has_owner(self.request.user):
            issuable = (
                Application.objects.visible_to(self.request.user)
                .filter(opportunity=self.page, hours_entries__attended=True)
                .distinct()
                .order_by("name", "pk")
            )
        return render(
            self.request,
            "hours/attendance.html",
            {"page": self.page, "form": form, "entries": entries, "issuable": issuable},
            status=status,
        )


class CorrectionView(MemberRequiredMixin, View):
    """One entry: correct hours, attendance or task, or delete it."""

    def get_entry(self, request, pk):
        return get_object_or_404(
            HoursEntry.objects.visible_to(request.user).select_related("application__opportunity"), pk=pk
        )

    def get(self, request, pk):
        entry = self.get_entry(request, pk)
        form = CorrectionForm(
            initial={
                "attended": entry.attended,
                "hours": entry.hours if entry.attended else None,
                "label": entry.label,
            }
        )
        return render(request, "hours/correct.html", {"entry": entry, "form": form})

    def post(self, request, pk):
        entry = self.get_entry(request, pk)
        page_id = entry.application.opportunity_id
        if request.POST.get("action") == "delete":
            services.delete_entry(entry)
            messages.success(request, _("Der Eintrag ist gelöscht."))
            return redirect("dashboard:attendance", page_id=page_id)
        form = CorrectionForm(request.POST)
        if form.is_valid():
            try:
                services.correct_entry(
                    entry,
                    hours=form.cleaned_data["hours"] or 0,
                    attended=form.cleaned_data["attended"],
                    label=form.cleaned_data["label"],
                    confirmed_by=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Der Eintrag ist korrigiert."))
                return redirect("dashboard:attendance", page_id=page_id)
        return render(request, "hours/correct.html", {"entry": entry, "form": form}, status=400)


class CertificateListView(MemberRequiredMixin, View):
    """The Nachweise of the member's organisations: requests waiting, issued, revoked."""

    def get(self, request):
        certificates = (
            Certificate.objects.visible_to(request.user)
            .select_related("application", "application__opportunity", "organisation")
            .order_by("status", "-requested_at", "-issued_at")
        )
        owned = set(Organisation.objects.owned_by(request.user).values_list("pk", flat=True))
        return render(request, "hours/certificates.html", {"certificates": certificates, "owned": owned})


class IssueView(MemberRequiredMixin, View):
    """A person responsible for the Verein issues (and so signs) a Nachweis of an applicant's hours."""

    def get_application(self, request, application_id):
        application = get_object_or_404(
            Application.objects.visible_to(request.user).select_related(
                "opportunity__organisation", "opportunity__city"
            ),
            pk=application_id,
        )
        if not application.opportunity.organisation.has_owner(request.user):
            raise PermissionDenied
        return application

    def get(self, request, application_id):
        application = self.get_application(request, application_id)
        user = request.user
        form = IssueForm(initial={"signer_name": user.get_full_name(), "tasks": suggested_tasks(application)})
        return self.show(application, form)

    def post(self, request, application_id):
        application = self.get_application(request, application_id)
        form = IssueForm(request.POST)
        if form.is_valid():
            try:
                services.issue_certificate(application, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, _("Der Nachweis ist ausgestellt. Die Person lädt ihn über ihren Link herunter.")
                )
                return redirect("dashboard:certificates")
        return self.show(application, form, status=400)

    def show(self, application, form, status=200):
        record = services.volunteer_record(application)
        return render(
            self.request,
            "hours/issue.html",
            {"application": application, "form": form, **record},
            status=status,
        )


class RevokeView(MemberRequiredMixin, View):
    def post(self, request, pk):
        certificate = get_object_or_404(
            Certificate.objects.visible_to(request.user).select_related("organisation"), pk=pk
        )
        if not certificate.organisation.has_owner(request.user):
            raise PermissionDenied
        if request.POST.get("confirm") != "yes":
            return render(request, "hours/revoke_confirm.html", {"certificate": certificate})
        try:
            services.revoke_certificate(certificate, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Der Nachweis ist widerrufen. Seine Prüfseite sagt das nun."))
        return redirect(reverse("dashboard:certificates"))
