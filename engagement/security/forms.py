from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class ThrottledLoginFormMixin:
    """Says "too many attempts" instead of "wrong password" when the shared throttle refused the login."""

    def get_invalid_login_error(self):
        if getattr(self.request, "login_throttled", False):
            return forms.ValidationError(
                _("Zu viele Versuche. Bitte warten Sie 15 Minuten und versuchen Sie es dann noch einmal."),
                code="throttled",
            )
        return super().get_invalid_login_error()


class StaffLoginForm(ThrottledLoginFormMixin, WagtailLoginForm):
    """The Wagtail admin's login: only accounts that may use the admin get a session here.

    A Verein member's account opens the applicants' data of their Verein; it logs in at the Verein's
    own login, never through the admin's (which would give it a session without telling it where).
    """

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not user.has_perm("wagtailadmin.access_admin"):
            raise forms.ValidationError(
                _("Dieses Konto ist kein Redaktionskonto. Vereine melden sich hier an: %(url)s"),
                code="no_admin_access",
                params={"url": reverse("dashboard:login")},
            )


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=16,
        help_text=_("Sechs Ziffern aus Ihrer Authenticator-App oder einer Ihrer Wiederherstellungscodes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": ""}),
    )

    def add_invalid_code_error(self):
        self.add_error(
            "token",
            _("Dieser Code stimmt nicht. Bitte geben Sie den aktuellen Code ein."),
        )
