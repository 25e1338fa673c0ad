"""Password-reset mails through the outbox: the request stores the mail, it never talks SMTP.

Django's PasswordResetForm sends in the request and logs a failure away; this form queues instead.
`PasswordResetForm` serves the one, rate-limited reset for every account (dashboard URLs); Wagtail's
admin reset is off (WAGTAIL_PASSWORD_RESET_ENABLED = False), so it needs no form of its own.
"""

from django.contrib.auth import forms as auth_forms

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
