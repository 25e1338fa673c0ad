"""Password-reset mails through the outbox: the request stores the mail, it never talks SMTP.

Django's PasswordResetForm sends in the request and logs a failure away; these forms queue instead.
`PasswordResetForm` serves the Verein members' reset (dashboard URLs), `AdminPasswordResetForm` the
Wagtail admin's (setting WAGTAILADMIN_USER_PASSWORD_RESET_FORM).
"""

from django.contrib.auth import forms as auth_forms
from wagtail.admin.forms import auth as wagtail_forms

from . import outbox


class OutboxPasswordReset:
    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        # uid and token together are unique per user and moment: a double click queues one mail.
        outbox.queue(
            f"password-reset:{context['uid']}:{context['token']}",
            to_email,
            outbox.Templates(
                subject=subject_template_name, text=email_template_name, html=html_email_template_name
            ),
            context,
            about=context["user"],
        )


class PasswordResetForm(OutboxPasswordReset, auth_forms.PasswordResetForm):
    pass


class AdminPasswordResetForm(OutboxPasswordReset, wagtail_forms.PasswordResetForm):
    pass
