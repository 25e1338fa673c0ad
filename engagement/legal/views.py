"""The feedback form's POST on an accessibility statement (the page itself only shows the form)."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .forms import AccessibilityFeedbackForm
from .models import LegalPage
from .services import FeedbackRateLimited, submit_feedback


def take_feedback(request, page: LegalPage):
    form = AccessibilityFeedbackForm(request.POST)
    if not form.is_valid():
        return _page_with(request, page, form, status=400)
    try:
        submit_feedback(page=page, request=request, data=form.cleaned_data)
    except FeedbackRateLimited:
        form.add_error(
            None,
            _(
                "Sie haben gerade schon mehrere Nachrichten geschickt. "
                "Bitte versuchen Sie es in einer Stunde noch einmal."
            ),
        )
        return _page_with(request, page, form, status=429)
    # Back to the address the form came from: the same host (its CSRF cookie) and language.
    return redirect(f"{request.path}?gesendet=1#feedback")


def _page_with(request, page: LegalPage, form, *, status: int):
    context = {**page.get_context(request), "form": form}
    return TemplateResponse(request, page.get_template(request), context, status=status)
