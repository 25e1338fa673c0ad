from django import template

from engagement.shifts.forms import ShiftSignupForm
from engagement.shifts.models import Shift, ShiftBooking
from engagement.shifts.services.booking import label

register = template.Library()


@register.simple_tag
def upcoming_shifts(page):
    """The shifts of an offer still to come, each with `booked_places` and `free_places` (no names)."""
    return list(Shift.objects.filter(opportunity=page).upcoming().with_places())


@register.simple_tag
def shift_counts(page):
    """For the city's moderation: each shift with its places taken and waiting, counts only (no names)."""
    if page is None or page.pk is None:
        return []
    return list(Shift.objects.filter(opportunity_id=page.pk).with_places())


@register.filter
def shift_label(shift):
    return label(shift)


@register.inclusion_tag("shifts/form.html", takes_context=True)
def shift_signup_form(context, page, shifts, form=None):
    queryset = Shift.objects.filter(pk__in=[shift.pk for shift in shifts]).with_places()
    return {
        "page": page,
        "form": form or ShiftSignupForm(opportunity=page, shifts=queryset),
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("shifts/status_bookings.html", takes_context=True)
def shift_bookings(context, application, token):
    """The person's shifts on their private status page, each with its cancel button until the deadline."""
    bookings = list(
        ShiftBooking.objects.filter(application=application)
        .select_related("shift")
        .order_by("shift__starts_at")
    )
    active = [b for b in bookings if b.state != ShiftBooking.State.CANCELLED]
    addable = []
    if application.confirmed_at is not None and application.is_open:
        held = {b.shift_id for b in active}
        addable = [
            shift
            for shift in Shift.objects.filter(opportunity_id=application.opportunity_id)
            .upcoming()
            .with_places()
            if shift.pk not in held
        ]
    return {
        "bookings": bookings,
        "addable": addable,
        "active": active,
        "token": token,
        "application": application,
        "csrf_token": context.get("csrf_token"),
    }
