"""No NUL byte reaches a view: a request that carries one (`/bewerbung/%00/`, `?q=%00`, a form field)
answers 400 at once.

No form or address of ours takes a NUL character, and PostgreSQL refuses it in any text it is given:
every view that passed such text to a query answered 500. Checked here once, for every address, instead
of in each form and URL pattern.
"""

from django.http import HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _

NUL = "\x00"


def carries_nul(request):
    if NUL in request.path_info:
        return True
    # The form data only of form posts: a view that reads another body (an upload, JSON) reads it itself.
    sources = [request.GET]
    if request.method == "POST" and request.content_type in (
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    ):
        sources.append(request.POST)
    return any(
        NUL in key or any(NUL in value for value in values)
        for source in sources
        for key, values in source.lists()
    )


class RejectNulBytesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if carries_nul(request):
            message = _("Die Anfrage enthält ein Nullzeichen und kann nicht bearbeitet werden.")
            if request.path_info.startswith("/api/"):
                return JsonResponse(
                    {"errors": {"request": [message]}}, status=400, json_dumps_params={"ensure_ascii": False}
                )
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
