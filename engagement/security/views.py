"""The admin's second-factor pages: set up an authenticator app, and enter a code after the login."""

from urllib.parse import urlencode

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from . import two_factor
from .forms import TokenForm


def _next_url(request) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("wagtailadmin_home")


@never_cache
@sensitive_post_parameters("token")
def setup_view(request):
    if two_factor.has_device(request.user) and not request.user.is_verified():
        return redirect(f"{reverse('security_two_factor_verify')}?{urlencode({'next': _next_url(request)})}")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = two_factor.confirm_device(request, form.cleaned_data["token"])
        if codes is not None:
            context = {"codes": codes, "next": _next_url(request)}
            return render(request, "security/two_factor_recovery_codes.html", context)
        form.add_invalid_code_error()
    device = two_factor.pending_device(request.user)
    context = {
        "form": form,
        "qr_code": two_factor.qr_code_svg(device),
        "secret": two_factor.readable_secret(device),
        "next": _next_url(request),
    }
    return render(request, "security/two_factor_setup.html", context, status=400 if form.errors else 200)


@never_cache
@sensitive_post_parameters("token")
def verify_view(request):
    if not two_factor.has_device(request.user):
        return redirect(f"{reverse('security_two_factor_setup')}?{urlencode({'next': _next_url(request)})}")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if two_factor.verify(request, form.cleaned_data["token"]):
            return redirect(_next_url(request))
        form.add_invalid_code_error()
    context = {"form": form, "next": _next_url(request)}
    return render(request, "security/two_factor_verify.html", context, status=400 if form.errors else 200)
