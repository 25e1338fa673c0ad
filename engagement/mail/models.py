from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class OutgoingMail(models.Model):
    """One mail to one address, written in the same transaction as what it is about.

    `key` makes each mail unique: queueing it again, a redelivered task and the sweep never send it
    twice. A sending worker claims the row until `claimed_until`; if it dies, the claim expires and the
    sweep takes the mail again. `about` ties the mail to the record it concerns, so erasing that record
    (e.g. an application) takes its mails with it.
    """

    class State(models.TextChoices):
        QUEUED = "queued", _("Wartet")
        SENDING = "sending", _("Wird gesendet")
        SENT = "sent", _("Gesendet")
        FAILED = "failed", _("Fehlgeschlagen")

    key = models.CharField(_("Schlüssel"), max_length=255, unique=True)
    to = models.EmailField(_("An"))
    subject = models.CharField(_("Betreff"), max_length=255)
    body = models.TextField(_("Text"))
    html_body = models.TextField(_("HTML"), blank=True)
    # [{"filename": …, "content": …, "mimetype": …}], text attachments such as an .ics
    attachments = models.JSONField(default=list, blank=True)
    headers = models.JSONField(default=dict, blank=True)
    language = models.CharField(_("Sprache"), max_length=8, default="de")
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    about = GenericForeignKey("content_type", "object_id")

    state = models.CharField(_("Zustand"), max_length=10, choices=State, default=State.QUEUED)
    attempts = models.PositiveIntegerField(_("Versuche"), default=0)
    last_error = models.TextField(_("Letzter Fehler"), blank=True)
    next_attempt_at = models.DateTimeField(_("Nächster Versuch"), null=True, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(_("Erstellt"), auto_now_add=True)
    sent_at = models.DateTimeField(_("Gesendet"), null=True, blank=True)

    class Meta:
        verbose_name = _("Ausgehende Mail")
        verbose_name_plural = _("Ausgehende Mails")
        indexes = [
            models.Index(fields=["state", "next_attempt_at"], name="outgoingmail_due"),
            models.Index(fields=["sent_at"], name="outgoingmail_sent"),
            models.Index(fields=["content_type", "object_id"], name="outgoingmail_about"),
        ]

    def __str__(self):
        return self.key
