"""Thin views: the citizen's side (apply, confirm, private status link) and the organisation's side
(/mein-verein/bewerbungen/, mounted by the dashboard's URLs; members of the organisation only, via
MemberRequiredMixin and Application.objects.visible_to)."""

import contextlib
import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.cache import never_cache

from engagement.opportunities.listings import similar_to
from engagement.opportunities.models import OpportunityPage
from engagement.organisations.views import MemberRequiredMixin
from engagement.ratelimit import RateLimited, client_address, client_key, exceeded, hit
from engagement.spreadsheets import SpreadsheetExport

from . import services
from .filters import ApplicationFilterSet
from .forms import ApplicationForm, GuardianForm, StatusForm
from .models import AccessToken, Application
from .services import guardians
from .tasks import UNCONFIRMED_DAYS


def apply_view(request, page_id):
    opportunity = get_object_or_404(
        OpportunityPage.objects.reachable().select_related("city", "organisation"), pk=page_id
    )
    if opportunity.has_ended:
        # Also a form sent from a page opened before the end: the same message as the offer's page.
        context = {"page": opportunity, "city": opportunity.city, "similar": similar_to(opportunity)}
        return render(request, "applications/apply.html", context, status=410)
    form = ApplicationForm(request.POST or None, opportunity=opportunity)
    context = {"page": opportunity, "city": opportunity.city, "form": form}
    if request.method == "POST" and form.is_valid():
        try:
            services.apply(
                opportunity=opportunity, client_address=client_address(request), data=form.cleaned_data
            )
        except RateLimited:
            context["rate_limited"] = True
            return render(request, "applications/apply.html", context, status=429)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return render(request, "applications/apply_done.html", context)
    return render(request, "applications/apply.html", context, status=400 if form.errors else 200)


def privacy_view(request):
    """The privacy notice of applying, with the periods as configured."""
    periods = {
        "unconfirmed_days": UNCONFIRMED_DAYS,
        "retention_days": settings.APPLICATION_RETENTION_DAYS,
        "inactivity_days": settings.APPLICATION_INACTIVITY_DAYS,
        "notice_days": settings.APPLICATION_CLOSING_NOTICE_DAYS,
        "guardian_days": guardians.confirmation_days(),
    }
    return render(request, "applications/privacy.html", periods)


@never_cache
def confirm_view(request, token):
    # A GET only asks (mail scanners follow links); the POST confirms.
    if request.method == "POST":
        # Failed confirmations count against the same budget as unknown status links.
        address = client_key(request)
        if exceeded("status-lookup-address", address):
            return render(request, "applications/status_rate_limited.html", status=429)
        application = services.confirm(token)
        if application is None:
            with contextlib.suppress(RateLimited):
                hit("status-lookup-address", address)
            return render(request, "applications/confirm.html", {"invalid": True}, status=400)
        context = {
            "application": application,
            "confirmed": True,
            "guardian_days": guardians.confirmation_days(),
        }
        return render(request, "applications/confirm.html", context)
    return render(request, "applications/confirm.html", {"token": token})


@never_cache
def guardian_view(request, token):
    """A parent's or guardian's link: GET shows what the young person applied to and on what terms (mail
    scanners follow links, so it only asks); a POST with the consent confirms, or declines."""
    address = client_key(request)
    if exceeded("status-lookup-address", address):
        return render(request, "applications/status_rate_limited.html", status=429)
    application = (
        guardians.by_guardian_token(token)
        .select_related("opportunity", "opportunity__organisation", "opportunity__city")
        .first()
    )
    if application is None:
        with contextlib.suppress(RateLimited):
            hit("status-lookup-address", address)
        return render(request, "applications/guardian.html", {"invalid": True}, status=400)
    form = GuardianForm(request.POST or None)
    context = {
        "application": application,
        "page": application.opportunity,
        "form": form,
        "guardian_days": guardians.confirmation_days(),
    }
    if application.guardian_consent_given_at is not None:
        return render(request, "applications/guardian.html", {**context, "confirmed": True})
    if request.method == "POST":
        if request.POST.get("action") == "decline":
            guardians.decline_by_guardian(token)
            return render(request, "applications/guardian.html", {**context, "declined": True})
        if form.is_valid():
            guardians.confirm_by_guardian(token)
            return render(request, "applications/guardian.html", {**context, "confirmed": True})
        return render(request, "applications/guardian.html", context, status=400)
    return render(request, "applications/guardian.html", context)


@never_cache
def status_view(request, token):
    # Guessing status links is throttled: unknown tokens are counted per client address.
    address = client_key(request)
    if exceeded("status-lookup-address", address):
        return render(request, "applications/status_rate_limited.html", status=429)
    application = (
        Application.objects.with_token(token, AccessToken.Purpose.STATUS)
        .select_related("opportunity", "opportunity__organisation")
        .first()
    )
    if application is None:
        with contextlib.suppress(RateLimited):
            hit("status-lookup-address", address)
        raise Http404
    context = {
        "application": application,
        "page": application.opportunity,
        "token": token,
        "deleted_on": _deletion_date(application),
        "inactivity_days": settings.APPLICATION_INACTIVITY_DAYS,
    }
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "withdraw":
            if request.POST.get("confirm") != "yes":
                return render(request, "applications/withdraw_confirm.html", {**context, "action": action})
            try:
                services.change_status(application, Application.Status.WITHDRAWN)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request, _("Ihre Bewerbung ist zurückgezogen. Die Organisation ist informiert.")
                )
        elif action == "export":
            response = JsonResponse(
                services.export_data(application), json_dumps_params={"ensure_ascii": False, "indent": 2}
            )
            response["Content-Disposition"] = 'attachment; filename="meine-bewerbung.json"'
            return response
        elif action == "erase":
            if request.POST.get("confirm") != "yes":
                return render(request, "applications/erase_confirm.html", {**context, "action": action})
            services.erase(application)
            return render(request, "applications/erased.html", {})
        return redirect("applications:status", token=token)
    return render(request, "applications/status.html", context)


def _deletion_date(application):
    """When a closed application's data goes (tasks.apply_retention); None while it is open."""
    if application.closed_at is None:
        return None
    return timezone.localdate(application.closed_at + dt.timedelta(days=settings.APPLICATION_RETENTION_DAYS))


class OrganisationListView(MemberRequiredMixin, View):
    """The applications to the member's organisations' opportunities, filtered; also as CSV or XLSX."""

    def get(self, request):
        filterset = ApplicationFilterSet(
            request.GET or None,
            queryset=Application.objects.visible_to(request.user)
            .select_related("opportunity", "opportunity__organisation")
            .order_by("-created_at"),
            user=request.user,
        )
        applications = filterset.qs
        export_format = request.GET.get(ApplicationSpreadsheet.export_parameter)
        if export_format in ApplicationSpreadsheet.FORMATS:
            return ApplicationSpreadsheet().as_spreadsheet(applications, export_format)
        selected = filterset.form.cleaned_data.get("opportunity") if filterset.is_bound else None
        return render(
            request,
            "applications/organisation_list.html",
            {
                "applications": applications,
                "filter_form": filterset.form,
                "selected_opportunity": selected,
                "csv_query": _export_query(request, SpreadsheetExport.FORMAT_CSV),
                "xlsx_query": _export_query(request, SpreadsheetExport.FORMAT_XLSX),
            },
        )


def _export_query(request, export_format) -> str:
    query = request.GET.copy()
    query[ApplicationSpreadsheet.export_parameter] = export_format
    return query.urlencode()


def _received_on(moment):
    return timezone.localdate(moment)


class ApplicationSpreadsheet(SpreadsheetExport):
    """The Verein's application list as CSV (semicolons, as German spreadsheet programs expect) or XLSX."""

    export_parameter = "format"
    export_filename = "bewerbungen"
    csv_delimiter = ";"
    csv_byte_order_mark = True
    csv_streaming = False
    list_export = [
        "opportunity.title",
        "name",
        "email",
        "phone",
        "availability",
        "message",
        "get_status_display",
        "created_at",
    ]
    export_headings = {
        "opportunity.title": gettext_lazy("Angebot"),
        "name": gettext_lazy("Name"),
        "email": gettext_lazy("E-Mail"),
        "phone": gettext_lazy("Telefon"),
        "availability": gettext_lazy("Zeit"),
        "message": gettext_lazy("Nachricht"),
        "get_status_display": gettext_lazy("Status"),
        "created_at": gettext_lazy("Eingegangen"),
    }
    custom_field_preprocess = {
        "created_at": {
            SpreadsheetExport.FORMAT_CSV: lambda moment: f"{_received_on(moment):%d.%m.%Y}",
            SpreadsheetExport.FORMAT_XLSX: _received_on,
        }
    }


class OrganisationDetailView(MemberRequiredMixin, View):
    """One application, its history and the organisation's answer (accept, decline, …)."""

    def get(self, request, pk):
        return self.answer(request, pk)

    def post(self, request, pk):
        return self.answer(request, pk)

    def answer(self, request, pk):
        application = get_object_or_404(
            Application.objects.visible_to(request.user).select_related("opportunity"), pk=pk
        )
        form = StatusForm(request.POST or None)
        awaiting_answer = not application.is_answered and application.status == Application.Status.REQUESTED
        if request.method == "POST" and form.is_valid():
            try:
                if form.cleaned_data["status"] == StatusForm.MESSAGE_ONLY:
                    services.write_message(application, form.cleaned_data["message"], by=request.user)
                else:
                    services.change_status(
                        application,
                        form.cleaned_data["status"],
                        by=request.user,
                        message=form.cleaned_data["message"],
                    )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Gespeichert. Die Person bekommt eine E-Mail."))
            return redirect("dashboard:application_detail", pk=application.pk)
        return render(
            request,
            "applications/organisation_detail.html",
            {
                "application": application,
                "form": form,
                "changes": application.changes.all(),
                "closes_at": services.closes_at(application),
                "reply_due_at": application.reply_due_at if awaiting_answer else None,
                "reply_overdue": awaiting_answer
                and application.reply_due_at is not None
                and application.reply_due_at < timezone.now(),
            },
            status=400 if form.errors else 200,
        )


class KeepOpenView(MemberRequiredMixin, View):
    """The organisation keeps an open application open: it is not closed for lack of activity."""

    def post(self, request, pk):
        application = get_object_or_404(Application.objects.visible_to(request.user), pk=pk)
        try:
            application = services.keep_open(application, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            closing = formats.date_format(timezone.localtime(services.closes_at(application)), "j. F Y")
            messages.success(
                request,
                _("Die Bewerbung bleibt offen. Ohne weitere Aktivität schließen wir sie am %(date)s.")
                % {"date": closing},
            )
        return redirect("dashboard:application_detail", pk=application.pk)


class ReopenView(MemberRequiredMixin, View):
    """Applications again although every place is taken (e.g. for a waiting list)."""

    def post(self, request, page_id):
        page = get_object_or_404(OpportunityPage.objects.of_member(request.user), pk=page_id)
        services.reopen(page, by=request.user)
        messages.success(request, _("Das Angebot nimmt wieder Bewerbungen an."))
        return redirect(f"{reverse('dashboard:applications')}?opportunity={page.pk}")
