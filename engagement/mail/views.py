"""The outbox in the Wagtail admin: for administrators only, since the mails hold personal data."""

from django.contrib import messages
from django.db import transaction
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import ListView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from . import outbox
from .models import OutgoingMail


class OutboxView(WagtailAdminTemplateMixin, ListView):
    template_name = "mail/admin/outbox.html"
    page_title = _("Postausgang")
    header_icon = "mail"
    paginate_by = 50
    page_kwarg = "p"  # as Wagtail's pagination links name it
    context_object_name = "mails"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:  # for everyone else the outbox does not exist
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        mails = OutgoingMail.objects.defer("body", "html_body", "attachments").order_by("-created_at")
        state = self.request.GET.get("state")
        return mails.filter(state=state) if state in OutgoingMail.State.values else mails

    def get_context_data(self, **kwargs):
        counts = dict(OutgoingMail.objects.order_by().values_list("state").annotate(Count("pk")))
        states = [(value, label, counts.get(value, 0)) for value, label in OutgoingMail.State.choices]
        return super().get_context_data(states=states, state=self.request.GET.get("state", ""), **kwargs)

    def post(self, request, *args, **kwargs):
        chosen = [request.POST["retry"]] if "retry" in request.POST else request.POST.getlist("selected")
        mail_ids = [int(mail_id) for mail_id in chosen if mail_id.isdigit()]
        with transaction.atomic():
            retried = outbox.retry(mail_ids)
        if retried:
            messages.success(
                request,
                ngettext(
                    "%(count)d Mail wird erneut gesendet.", "%(count)d Mails werden erneut gesendet.", retried
                )
                % {"count": retried},
            )
        else:
            messages.warning(request, _("Keine der gewählten Mails wartet auf einen Versand."))
        return redirect(request.get_full_path())
