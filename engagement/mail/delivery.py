"""The one place that talks to the mail server."""

from django.core.mail import EmailMultiAlternatives

from .models import OutgoingMail


def deliver(mail: OutgoingMail) -> None:
    """Send a stored mail. The SMTP backend gives up after EMAIL_TIMEOUT seconds of silence."""
    # RFC 3834: no out-of-office replies to the platform's automatic mail
    headers = {"Auto-Submitted": "auto-generated", **mail.headers}
    reply_to = headers.pop("Reply-To", None)
    message = EmailMultiAlternatives(
        mail.subject, mail.body, None, [mail.to], headers=headers, reply_to=[reply_to] if reply_to else None
    )
    if mail.html_body:
        message.attach_alternative(mail.html_body, "text/html")
    for attachment in mail.attachments:
        message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    message.send()
