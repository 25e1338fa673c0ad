import secrets

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _

from engagement.cities.models import CityPage


def new_secret() -> str:
    return secrets.token_urlsafe(24)


class SearchAlert(models.Model):
    """A search someone wants to hear about: its query string (the search page's contract) and the city
    of the host or section it was saved on, which rebuild the same `SearchQuery` for every mail."""

    class Frequency(models.TextChoices):
        DAILY = "daily", _("täglich")
        WEEKLY = "weekly", _("wöchentlich")

    email = models.EmailField(_("E-Mail-Adresse"))
    query_string = models.TextField(_("Suche"), blank=True)
    city = models.ForeignKey(CityPage, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    frequency = models.CharField(_("Häufigkeit"), max_length=10, choices=Frequency.choices)
    language = models.CharField(max_length=8, default="de")
    # Part of every link (signed with the secret key): a link opens this alert and no other; a new
    # secret would make every old link invalid.
    secret = models.CharField(max_length=64, default=new_secret, editable=False)
    consent_version = models.CharField(max_length=20)
    consent_given_at = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # The last sign of life from the subscriber (confirmation or "weiter erhalten"): a year after it the
    # alert is deleted, with a reminder before.
    kept_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    # Offers that went online up to this moment have been considered for a mail: never one twice.
    sent_until = models.DateTimeField(null=True, blank=True)
    last_mailed_at = models.DateTimeField(null=True, blank=True)
    mails = GenericRelation("mail.OutgoingMail")

    class Meta:
        verbose_name = _("Suchbenachrichtigung")
        verbose_name_plural = _("Suchbenachrichtigungen")
        indexes = [models.Index(fields=["confirmed_at", "sent_until"])]

    def __str__(self):
        return f"{self.email}: {self.query_string or '–'}"
