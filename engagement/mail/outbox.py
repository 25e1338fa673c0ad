"""Putting a mail into the outbox: rendered from templates, stored once per key, sent after the commit."""

import logging
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.template import Context, TemplateDoesNotExist
from django.template.loader import get_template
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from .models import OutgoingMail
from .tasks import send_outgoing_mail

logger = logging.getLogger(__name__)

LAYOUT = "mail/layout.html"
SUBJECT_LENGTH = OutgoingMail._meta.get_field("subject").max_length


@dataclass(frozen=True)
class Templates:
    """Where a mail's subject, plain text and (optionally) HTML come from.

    By default `name` stands for `name_subject.txt`, `name.txt` and `name.html`; without an HTML
    template the plain text is set in the shared layout (mail/layout.html).
    """

    subject: str
    text: str
    html: str | None = None

    @classmethod
    def named(cls, name: str) -> "Templates":
        return cls(subject=f"{name}_subject.txt", text=f"{name}.txt", html=f"{name}.html")


def queue(
    key: str,
    to: str,
    template: str | Templates,
    context: dict,
    *,
    attachments: list[tuple[str, str, str]] = (),
    headers: dict | None = None,
    language: str | None = None,
    about=None,
) -> bool:
    """Store a mail under `key` and send it once the caller's transaction commits.

    Returns True if the mail is new, False if a mail with this key exists (then nothing happens: the
    key is what makes sending twice impossible). `language` is the recipient's ("de" or "en"; by
    default the active one); `attachments` are (filename, text, mimetype); `about` is the record the
    mail concerns, whose deletion deletes the mail.
    """
    if OutgoingMail.objects.filter(key=key).exists():
        return False
    language = _supported(language or translation.get_language())
    templates = template if isinstance(template, Templates) else Templates.named(template)
    with translation.override(language):
        subject = subject_line(render_text(templates.subject, context))
        body = render_text(templates.text, context)
        html_body = _render_html(templates, {**context, "subject": subject, "body": body})
    fields = {
        "to": to,
        "subject": subject,
        "body": body,
        "html_body": html_body,
        "attachments": [
            {"filename": filename, "content": content, "mimetype": mimetype}
            for filename, content, mimetype in attachments
        ],
        "headers": headers or {},
        "language": language,
    }
    if about is not None:
        fields["content_type"] = ContentType.objects.get_for_model(about)
        fields["object_id"] = about.pk
    with transaction.atomic():  # a savepoint: a parallel insert of the same key leaves the caller intact
        mail, created = OutgoingMail.objects.get_or_create(key=key, defaults=fields)
    if created:
        transaction.on_commit(partial(enqueue, mail.pk))
    return created


def enqueue(mail_id: int) -> None:
    """Hand the mail to a worker; with the broker down the sweep sends it later."""
    try:
        send_outgoing_mail.delay(mail_id)
    except Exception:  # noqa: BLE001 — broker down: the user's action stands, the sweep sends it later
        logger.warning("Mail %s nicht eingereiht (Broker nicht erreichbar); der Sweep sendet sie.", mail_id)


def render_text(template_name: str, context: dict) -> str:
    """Plain text is never HTML-escaped: a title "Kinder & Jugend" stays as it is in a mail."""
    return get_template(template_name).template.render(Context(context, autoescape=False))


def subject_line(text: str) -> str:
    """One line (a line break in a header would end it), at most as long as the field."""
    line = " ".join(text.split())
    return line if len(line) <= SUBJECT_LENGTH else line[: SUBJECT_LENGTH - 1] + "…"


def recipient_language(user) -> str:
    """The language a member chose in the admin's account settings, else the site's default."""
    chosen = UserProfile.objects.filter(user_id=user.pk).values_list("preferred_language", flat=True).first()
    return _supported(chosen or settings.LANGUAGE_CODE)


def _supported(language: str | None) -> str:
    codes = [code for code, _name in settings.LANGUAGES]
    language = (language or settings.LANGUAGE_CODE).split("-")[0]
    return language if language in codes else settings.LANGUAGE_CODE


def _render_html(templates: Templates, context: dict) -> str:
    try:
        template = get_template(templates.html) if templates.html else get_template(LAYOUT)
    except TemplateDoesNotExist:
        template = get_template(LAYOUT)
    return template.render(context)


def retry(mail_ids) -> int:
    """Queue failed or waiting mails for one more attempt now (an administrator's retry action).

    Sent mails and mails a worker is sending right now are left alone. Returns how many are queued.
    """
    now = timezone.now()
    retried = list(
        OutgoingMail.objects.filter(pk__in=mail_ids)
        .filter(
            Q(state__in=[OutgoingMail.State.QUEUED, OutgoingMail.State.FAILED])
            | Q(state=OutgoingMail.State.SENDING, claimed_until__lt=now)
        )
        .values_list("pk", flat=True)
    )
    OutgoingMail.objects.filter(pk__in=retried).update(
        state=OutgoingMail.State.QUEUED, next_attempt_at=None, claimed_until=None
    )
    for mail_id in retried:
        transaction.on_commit(partial(enqueue, mail_id))
    return len(retried)
