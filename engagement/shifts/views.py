"""Thin views: the citizen's sign-up and cancellation (through the application's private link), and the
Verein's shifts, copy, roster (print and CSV) and message under /mein-verein/ (members of the offer's
organisation only: Shift.objects.of_member, ShiftBooking.objects.visible_to)."""

import contextlib

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from django.views.decorators.cache import never_cache

from engagement.applications.models import AccessToken, Application
from engagement.opportunities.lifecycle import member_opportunity
from engagement.opportunities.models import OpportunityPage
from engagement.organisations.views import MemberRequiredMixin
from engagement.ratelimit import RateLimited, client_address, client_key, exceeded, hit
from engagement.spreadsheets import SpreadsheetExport

from .forms import CopyShiftsForm, RosterAttendanceForm, ShiftForm, ShiftMessageForm, ShiftSignupForm
from .models import Shift, ShiftBooking
from .services import attendance, booking, notices, planning


def signup_view(request, page_id):
    page = get_object_or_404(
        OpportunityPage.objects.reachable().select_related("city", "organisation"), pk=page_id
    )
    shifts = Shift.objects.filter(opportunity=page).upcoming().with_places()
    if page.has_ended or not page.takes_applications or not shifts.exists():
        raise Http404
    form = ShiftSignupForm(request.POST or None, opportunity=page, shifts=shifts)
    context = {"page": page, "city": page.city, "form": form}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            result = booking.sign_up(
                opportunity=page,
                client_address=client_address(request),
                data=data,
                shifts=data["shifts"],
                party_size=data["party_size"],
            )
        except RateLimited:
            context["rate_limited"] = True
            return render(request, "shifts/signup.html", context, status=429)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            # The same page whoever signs up with whatever address (nothing tells if it applied before).
            return render(request, "shifts/signup_done.html", {**context, "result": result})
    return render(request, "shifts/signup.html", context, status=400 if form.errors else 200)


@never_cache
def cancel_view(request, token):
    """The signed-up person cancels one shift (`booking`) or all, from their private status link."""
    if request.method != "POST":
        return redirect("applications:status", token=token)
    address = client_key(request)
    if exceeded("status-lookup-address", address):
        return render(request, "applications/status_rate_limited.html", status=429)
    application = Application.objects.with_token(token, AccessToken.Purpose.STATUS).first()
    if application is None:
        with contextlib.suppress(RateLimited):
            hit("status-lookup-address", address)
        raise Http404
    chosen = request.POST.get("booking")
    try:
        cancelled = booking.cancel(
            application, None if chosen == "all" else [chosen] if chosen and chosen.isdigit() else []
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if cancelled:
            messages.success(request, _("Abgesagt. Die Organisation ist informiert."))
        else:
            messages.error(request, _("Es gibt nichts mehr, das Sie absagen können."))
    return redirect("applications:status", token=token)


@never_cache
def add_view(request, token):
    """A confirmed person adds further shifts of the offer from their private status link."""
    if request.method != "POST":
        return redirect("applications:status", token=token)
    address = client_key(request)
    if exceeded("status-lookup-address", address):
        return render(request, "applications/status_rate_limited.html", status=429)
    application = Application.objects.with_token(token, AccessToken.Purpose.STATUS).first()
    if application is None:
        with contextlib.suppress(RateLimited):
            hit("status-lookup-address", address)
        raise Http404
    chosen = [value for value in request.POST.getlist("shifts") if value.isdigit()][:50]
    shifts = Shift.objects.filter(opportunity_id=application.opportunity_id, pk__in=chosen)
    try:
        result = booking.add_shifts(application, shifts)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if result.booked:
            messages.success(
                request,
                ngettext(
                    "Sie sind für %(count)s weitere Schicht angemeldet.",
                    "Sie sind für %(count)s weitere Schichten angemeldet.",
                    len(result.booked),
                )
                % {"count": len(result.booked)},
            )
        if result.waiting:
            messages.info(
                request,
                _("Ausgebucht, Sie stehen auf der Warteliste: %(shifts)s")
                % {"shifts": "; ".join(booking.label(shift) for shift in result.waiting)},
            )
    return redirect("applications:status", token=token)


class ShiftsView(MemberRequiredMixin, View):
    """The shifts of one of the member's offers: list with counts, a new shift, copy from another offer."""

    def get(self, request, page_id):
        return self.show(request, member_opportunity(request.user, page_id))

    def post(self, request, page_id):
        page = member_opportunity(request.user, page_id)
        form = ShiftForm(request.POST)
        if form.is_valid():
            form.instance.opportunity = page
            form.save()
            messages.success(request, _("Die Schicht ist angelegt."))
            return redirect("dashboard:shifts", page_id=page.pk)
        return self.show(request, page, form=form, status=400)

    def show(self, request, page, form=None, copy_form=None, status=200):
        shifts = Shift.objects.filter(opportunity=page).with_places()
        return render(
            request,
            "shifts/organisation_shifts.html",
            {
                "page": page,
                "shifts": shifts,
                "form": form or ShiftForm(),
                "copy_form": copy_form or CopyShiftsForm(user=request.user, target=page),
            },
            status=status,
        )


class CopyShiftsView(ShiftsView):
    def post(self, request, page_id):
        page = member_opportunity(request.user, page_id)
        form = CopyShiftsForm(request.POST, user=request.user, target=page)
        if not form.is_valid():
            return self.show(request, page, copy_form=form, status=400)
        copies = planning.copy_shifts(
            source=form.cleaned_data["source"], target=page, days=form.cleaned_data["days"], by=request.user
        )
        messages.success(
            request,
            ngettext("%(count)s Schicht übernommen.", "%(count)s Schichten übernommen.", len(copies))
            % {"count": len(copies)},
        )
        return redirect("dashboard:shifts", page_id=page.pk)


class ShiftEditView(MemberRequiredMixin, View):
    def get(self, request, pk):
        shift = get_object_or_404(Shift.objects.of_member(request.user), pk=pk)
        return self.show(request, shift, ShiftForm(instance=shift))

    def post(self, request, pk):
        shift = get_object_or_404(Shift.objects.of_member(request.user).select_related("opportunity"), pk=pk)
        if request.POST.get("action") == "delete":
            if shift.bookings.active().exists():
                messages.error(
                    request,
                    _("Für diese Schicht sind Personen angemeldet. Bitte schreiben Sie ihnen zuerst."),
                )
                return redirect("dashboard:shift_edit", pk=shift.pk)
            shift.delete()
            messages.success(request, _("Die Schicht ist gelöscht."))
            return redirect("dashboard:shifts", page_id=shift.opportunity_id)
        form = ShiftForm(request.POST, instance=shift)
        if form.is_valid():
            form.save()
            messages.success(request, _("Die Schicht ist gespeichert."))
            return redirect("dashboard:shifts", page_id=shift.opportunity_id)
        return self.show(request, shift, form, status=400)

    def show(self, request, shift, form, status=200):
        return render(
            request,
            "shifts/organisation_shift_edit.html",
            {"shift": shift, "page": shift.opportunity, "form": form},
            status=status,
        )


class RosterSpreadsheet(SpreadsheetExport):
    export_parameter = "format"
    export_filename = "schicht"
    csv_delimiter = ";"
    csv_byte_order_mark = True
    csv_streaming = False
    list_export = [
        "application.name",
        "application.email",
        "application.phone",
        "party_size",
        "get_state_display",
        "application.message",
    ]
    export_headings = {
        "application.name": gettext_lazy("Name"),
        "application.email": gettext_lazy("E-Mail"),
        "application.phone": gettext_lazy("Telefon"),
        "party_size": gettext_lazy("Personen"),
        "get_state_display": gettext_lazy("Stand"),
        "application.message": gettext_lazy("Nachricht"),
    }


class RosterView(MemberRequiredMixin, View):
    """Who comes to one shift (and who waits): page, print view, CSV. A place for the attendance action
    ("Anwesenheit", engagement/hours) is kept in the template's `attendance` block."""

    def get(self, request, pk, form=None, status=200, attendance_form=None):
        shift = self.shift(request, pk)
        bookings = self.bookings(request, shift)
        export_format = request.GET.get(RosterSpreadsheet.export_parameter)
        if export_format in RosterSpreadsheet.FORMATS:
            export = RosterSpreadsheet()
            export.export_filename = f"schicht-{shift.pk}"
            return export.as_spreadsheet(bookings, export_format)
        template = "shifts/roster_print.html" if request.GET.get("druck") else "shifts/roster.html"
        context = {}
        if attendance.is_due(shift):
            present = attendance.attendable(bookings)
            entries = attendance.recorded(shift, present)
            context = {
                "attendance_form": attendance_form
                or RosterAttendanceForm(
                    bookings=present, default_hours=attendance.default_hours(shift), recorded=entries
                ),
                "attendance_entries": entries,
                "person_hours": attendance.person_hours(present, entries),
            }
        return render(
            request,
            template,
            {
                "shift": shift,
                "page": shift.opportunity,
                "booked": [b for b in bookings if b.state == ShiftBooking.State.BOOKED],
                "waiting": [b for b in bookings if b.state == ShiftBooking.State.WAITING],
                "message_form": form or ShiftMessageForm(),
                "label": booking.label(shift),
                **context,
            },
            status=status,
        )

    def shift(self, request, pk):
        return get_object_or_404(
            Shift.objects.of_member(request.user)
            .with_places()
            .select_related("opportunity", "opportunity__organisation"),
            pk=pk,
        )

    def bookings(self, request, shift):
        return (
            ShiftBooking.objects.visible_to(request.user)
            .active()
            .filter(shift=shift)
            .select_related("application")
            .order_by("state", "created_at")
        )


class RosterAttendanceView(RosterView):
    """The Verein confirms on the roster who came and for how long (on the shift's day or after)."""

    def post(self, request, pk):
        shift = self.shift(request, pk)
        if not attendance.is_due(shift):
            messages.error(request, _("Stunden lassen sich erst bestätigen, wenn der Einsatz war."))
            return redirect("dashboard:shift_roster", pk=shift.pk)
        present = attendance.attendable(self.bookings(request, shift))
        form = RosterAttendanceForm(
            request.POST, bookings=present, default_hours=attendance.default_hours(shift)
        )
        if not present:
            raise Http404
        if form.is_valid():
            try:
                entries = attendance.confirm(shift, form.attendance(), confirmed_by=request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                came = sum(1 for entry in entries if entry.attended)
                messages.success(
                    request,
                    ngettext(
                        "Anwesenheit für %(count)s Anmeldung bestätigt, davon da: %(came)s.",
                        "Anwesenheit für %(count)s Anmeldungen bestätigt, davon da: %(came)s.",
                        len(entries),
                    )
                    % {"came": came, "count": len(entries)},
                )
                return redirect("dashboard:shift_roster", pk=shift.pk)
        return self.get(request, pk, status=400, attendance_form=form)


class ShiftMessageView(RosterView):
    def post(self, request, pk):
        shift = get_object_or_404(
            Shift.objects.of_member(request.user).select_related("opportunity__organisation"), pk=pk
        )
        form = ShiftMessageForm(request.POST)
        if not form.is_valid():
            return self.get(request, pk, form=form, status=400)
        try:
            message = notices.send_message(shift, by=request.user, **form.cleaned_data)
        except RateLimited:
            messages.error(
                request,
                _("Sie haben in der letzten Stunde schon viele Nachrichten geschickt. Bitte warten Sie."),
            )
            return self.get(request, pk, form=form, status=429)
        messages.success(
            request,
            ngettext(
                "Die Nachricht geht an %(count)s Person. Die Adresse bleibt verborgen.",
                "Die Nachricht geht an %(count)s Personen. Ihre Adressen bleiben verborgen.",
                message.recipients,
            )
            % {"count": message.recipients},
        )
        return redirect("dashboard:shift_roster", pk=shift.pk)
