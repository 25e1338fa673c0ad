import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from engagement.opportunities.models import OpportunityPage
from engagement.ratelimit import RateLimited

from . import services
from .forms import ApplicationForm, StatusForm
from .models import Application


def apply_view(request, page_id):
    opportunity = get_object_or_404(
        OpportunityPage.objects.listed().select_related("city", "organisation"), pk=page_id
    )
    form = ApplicationForm(request.POST or None, opportunity=opportunity)
    context = {"page": opportunity, "city": opportunity.city, "form": form}
    if request.method == "POST" and form.is_valid():
        try:
            services.apply(opportunity=opportunity, request=request, data=form.cleaned_data)
        except RateLimited:
            context["rate_limited"] = True
            return render(request, "applications/apply.html", context, status=429)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return render(request, "applications/apply_done.html", context)
    return render(request, "applications/apply.html", context, status=400 if form.errors else 200)


def confirm_view(request, token):
    # A GET only asks (mail scanners follow links); the POST confirms.
    if request.method == "POST":
        application = services.confirm(token)
        if application is None:
            return render(request, "applications/confirm.html", {"invalid": True}, status=400)
        return render(request, "applications/confirm.html", {"application": application, "confirmed": True})
    return render(request, "applications/confirm.html", {"token": token})


def status_view(request, token):
    application = get_object_or_404(Application.objects.select_related("opportunity"), access_token=token)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "withdraw":
            try:
                services.change_status(application, Application.Status.WITHDRAWN)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
        elif action == "export":
            response = JsonResponse(
                services.export_data(application), json_dumps_params={"ensure_ascii": False, "indent": 2}
            )
            response["Content-Disposition"] = 'attachment; filename="meine-bewerbung.json"'
            return response
        elif action == "erase":
            services.erase(application)
            return render(request, "applications/erased.html", {})
        return redirect("applications:status", token=token)
    return render(
        request, "applications/status.html", {"application": application, "page": application.opportunity}
    )


@login_required
def organisation_list(request):
    applications = (
        Application.objects.visible_to(request.user)
        .select_related("opportunity", "opportunity__organisation")
        .order_by("-created_at")
    )
    status = request.GET.get("status")
    if status in Application.Status.values:
        applications = applications.filter(status=status)
    if request.GET.get("format") == "csv":
        return _csv(applications)
    return render(
        request,
        "applications/organisation_list.html",
        {"applications": applications, "status": status, "statuses": Application.Status.choices},
    )


def _csv(applications):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="bewerbungen.csv"'
    response.write("\ufeff")  # so that spreadsheet programs read the umlauts right
    writer = csv.writer(response, delimiter=";")
    writer.writerow(["Angebot", "Name", "E-Mail", "Telefon", "Zeit", "Status", "Eingegangen"])
    for application in applications:
        writer.writerow(
            [
                application.opportunity.title,
                application.name,
                application.email,
                application.phone,
                application.availability,
                application.get_status_display(),
                application.created_at.strftime("%d.%m.%Y"),
            ]
        )
    return response


@login_required
def organisation_detail(request, pk):
    application = get_object_or_404(
        Application.objects.visible_to(request.user).select_related("opportunity"), pk=pk
    )
    form = StatusForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
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
        return redirect("applications:detail", pk=application.pk)
    return render(
        request,
        "applications/organisation_detail.html",
        {"application": application, "form": form, "changes": application.changes.all()},
    )
