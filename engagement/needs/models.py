"""A need of a Verein that is not volunteers ("Bierbänke gesucht"), or something it lends or gives away
("Beamer zu verleihen"), as a page in its city's section: the city's moderation workflow, its editors'
rights and its page cache apply as to offers.

Loans are kept beside the page (when an item is taken); contact messages are kept only until their mail
has gone out and the retention period has passed (engagement/retention).
"""

import datetime as dt

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from engagement.cities.models import CityPage
from engagement.geo.geocoders import OfflineGeocoder, address_query
from engagement.operations.pagecache import CachedPageMixin, next_local_midnight
from engagement.organisations.models import Organisation

from .cache_tags import need_tags

UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})


def folded(text: str) -> str:
    """Lower case without umlauts, for the word match: "Bierbank" finds "Bierbänke" (the plural's
    umlaut), on PostgreSQL and SQLite alike."""
    return (text or "").lower().translate(UMLAUTS)


# A need nobody has confirmed for this long leaves the lists, as offers do after three months.
FRESH_DAYS = 90


class NeedQuerySet(PageQuerySet):
    def of_member(self, user):
        """The needs (drafts included) of the organisations the user belongs to."""
        return self.filter(organisation__in=Organisation.objects.of_member(user))

    def reachable(self):
        """What anyone may open by its address: live, public, of a verified organisation."""
        return (
            self.live()
            .public()
            .filter(organisation__verification_state=Organisation.VerificationState.VERIFIED)
        )

    def listed(self, now=None):
        """What the search lists: reachable, still open, its period not over, confirmed within
        FRESH_DAYS (publishing counts as confirming)."""
        now = now or timezone.now()
        today = timezone.localdate(now)
        return (
            self.reachable()
            .filter(state=NeedPage.State.OPEN)
            .exclude(available_until__lt=today)
            .alias(fresh_since=Coalesce("confirmed_at", "last_published_at"))
            .filter(fresh_since__gte=now - dt.timedelta(days=FRESH_DAYS))
        )

    def for_listing(self):
        return self.select_related("organisation").prefetch_related("city")


NeedManager = PageManager.from_queryset(NeedQuerySet)


class NeedPage(CachedPageMixin, Page):
    """One need or one thing to lend or give, of one organisation, in the section of its city."""

    class Kind(models.TextChoices):
        WANTED = "wanted", _("Gesucht")
        LEND = "lend", _("Zu verleihen")
        GIVE = "give", _("Zu verschenken")

    class Resource(models.TextChoices):
        MATERIAL = "material", _("Material und Geräte")
        ROOM = "room", _("Räume")
        KNOW_HOW = "know_how", _("Wissen und Können")
        IN_KIND = "in_kind", _("Sachspenden")

    class Handover(models.TextChoices):
        PICKUP = "pickup", _("Abholen")
        DELIVERY = "delivery", _("Bringen")
        EITHER = "either", _("Abholen oder bringen")
        ON_SITE = "on_site", _("Vor Ort")

    class State(models.TextChoices):
        OPEN = "open", _("Aktuell")
        FULFILLED = "fulfilled", _("Erledigt")

    kind = models.CharField(_("Art"), max_length=10, choices=Kind.choices, default=Kind.WANTED, db_index=True)
    resource = models.CharField(
        _("Was"), max_length=10, choices=Resource.choices, default=Resource.MATERIAL, db_index=True
    )
    description = models.TextField(
        _("Beschreibung"),
        max_length=3000,
        blank=True,
        help_text=_("Was genau, wie viel, in welchem Zustand, wofür."),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="needs", verbose_name=_("Organisation")
    )
    city = models.ForeignKey(
        CityPage, on_delete=models.PROTECT, related_name="needs", editable=False, null=True
    )
    postcode = models.CharField(_("Postleitzahl"), max_length=5, blank=True)
    place = models.CharField(_("Ort"), max_length=100, blank=True)
    # The postcode's (or place's) centre, from the offline data: a need says only roughly where it is.
    latitude = models.FloatField(null=True, blank=True, editable=False)
    longitude = models.FloatField(null=True, blank=True, editable=False)
    available_from = models.DateField(_("Ab"), null=True, blank=True)
    available_until = models.DateField(
        _("Bis"), null=True, blank=True, help_text=_("Danach verschwindet der Eintrag aus der Suche.")
    )
    handover = models.CharField(
        _("Übergabe"), max_length=10, choices=Handover.choices, default=Handover.EITHER
    )
    deposit = models.DecimalField(
        _("Pfand in Euro"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(99999)],
    )
    fee = models.DecimalField(
        _("Gebühr in Euro"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(99999)],
        help_text=_("Zum Beispiel pro Tag oder für die Reinigung; leer lassen, wenn es nichts kostet."),
    )
    fee_note = models.CharField(_("Hinweis zu den Kosten"), max_length=200, blank=True)

    # Not content: changed by the Verein without moderation, on the live row and the latest revision.
    state = models.CharField(
        _("Stand"), max_length=10, choices=State.choices, default=State.OPEN, db_index=True, editable=False
    )
    fulfilled_at = models.DateTimeField(null=True, blank=True, editable=False)
    confirmed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Title and description in lower case without umlauts, for the word match of the offers' search
    # (search/compounds.py, on `folded` words).
    search_text = models.TextField(default="", blank=True, editable=False)

    objects = NeedManager()

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("resource")]),
        FieldPanel("description"),
        FieldPanel("organisation"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("place")]),
                FieldRowPanel([FieldPanel("available_from"), FieldPanel("available_until")]),
                FieldPanel("handover"),
                FieldRowPanel([FieldPanel("deposit"), FieldPanel("fee")]),
                FieldPanel("fee_note"),
            ],
            heading=_("Ort, Zeit und Übergabe"),
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("description"),
        index.RelatedFields("organisation", [index.SearchField("name")]),
        index.FilterField("city"),
        index.FilterField("kind"),
        index.FilterField("resource"),
        index.FilterField("state"),
    ]

    parent_page_types = ["cities.CityPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Bedarf oder Angebot zum Verleihen")
        indexes = [models.Index(fields=["latitude", "longitude"], name="need_lat_lng")]
        verbose_name_plural = _("Gesucht und zu verleihen")

    # --- Validation -----------------------------------------------------------------------------

    validating_draft = False

    def clean(self):
        super().clean()
        errors = {}
        if self.available_from and self.available_until and self.available_until < self.available_from:
            errors["available_until"] = _("Das Ende darf nicht vor dem Beginn liegen.")
        if self.postcode and not (len(self.postcode) == 5 and self.postcode.isdigit()):
            errors["postcode"] = _("Eine Postleitzahl hat fünf Ziffern.")
        city = self.city_section
        if city is not None and self.organisation_id and self.organisation.home_city_id != city.pk:
            errors["organisation"] = _(
                "Diese Organisation gehört zu einer anderen Stadt. "
                "Einträge erscheinen in der Stadt der Organisation."
            )
        if not self.validating_draft and not (self.description or "").strip():
            errors["description"] = _("Bitte beschreiben Sie, was Sie suchen oder anbieten.")
        if self.kind == self.Kind.WANTED and (self.deposit is not None or self.fee is not None):
            errors["fee"] = _("Pfand und Gebühr gibt es nur bei Dingen, die Sie verleihen.")
        if errors:
            raise ValidationError(errors)

    # --- Place in the tree ----------------------------------------------------------------------

    @cached_property
    def city_section(self) -> CityPage | None:
        hint = getattr(self, "_parent_city_hint", None)
        if isinstance(hint, CityPage):
            return hint
        if self.depth:
            parent = self.get_parent()
            return parent.specific if parent is not None and parent.specific_class is CityPage else None
        return None

    def save(self, *args, **kwargs):
        city = self.city_section
        if city is not None:
            self.city = city
        self.search_text = folded("\n".join([self.title or "", self.description or ""]))
        self.latitude, self.longitude = self.approximate_point()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"title", "description", "postcode", "place"} & set(update_fields):
            kwargs["update_fields"] = [*update_fields, "search_text", "latitude", "longitude"]
        super().save(*args, **kwargs)

    def approximate_point(self) -> tuple[float | None, float | None]:
        """The centre of the postcode or place, from data shipped with the platform (no network: a
        save never waits for an online geocoder)."""
        location = OfflineGeocoder().geocode(address_query("", self.postcode, self.place))
        return (location.latitude, location.longitude) if location else (None, None)

    def page_cache_tags(self, request):
        """Its organisation beside its own content; "bis"-dates and loans move on at midnight."""
        return need_tags(self), next_local_midnight()

    # --- Display --------------------------------------------------------------------------------

    @property
    def is_fulfilled(self) -> bool:
        return self.state == self.State.FULFILLED

    @property
    def is_lending(self) -> bool:
        return self.kind == self.Kind.LEND

    @property
    def is_over(self) -> bool:
        return bool(self.available_until and self.available_until < timezone.localdate())

    @property
    def takes_contact(self) -> bool:
        return not self.is_fulfilled and not self.is_over

    def current_loan(self, today=None):
        """The loan that has the item today, if any."""
        today = today or timezone.localdate()
        return self.loans.filter(starts_on__lte=today, ends_on__gte=today).order_by("ends_on").first()


class Loan(models.Model):
    """When a lent item is away: dates only in public, the Verein's own note stays in the dashboard."""

    need = models.ForeignKey(NeedPage, on_delete=models.CASCADE, related_name="loans")
    starts_on = models.DateField(_("Von"))
    ends_on = models.DateField(_("Bis einschließlich"))
    note = models.CharField(
        _("Notiz für Ihren Verein"),
        max_length=200,
        blank=True,
        help_text=_("Zum Beispiel an wen. Nur Ihr Verein sieht diese Notiz."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_on"]
        verbose_name = _("Ausleihe")
        verbose_name_plural = _("Ausleihen")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="loan_ends_after_start"
            )
        ]

    def __str__(self):
        return f"{self.need_id}: {self.starts_on} – {self.ends_on}"


class ContactMessage(models.Model):
    """A message to the organisation about a need, kept only to send it (and to be deleted later)."""

    need = models.ForeignKey(NeedPage, on_delete=models.CASCADE, related_name="contact_messages")
    name = models.CharField(_("Ihr Name"), max_length=150)
    email = models.EmailField(_("Ihre E-Mail-Adresse"))
    message = models.TextField(_("Ihre Nachricht"), max_length=3000)
    consent_version = models.CharField(max_length=20)
    consent_given_at = models.DateTimeField()
    language = models.CharField(max_length=8, default="de")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # Its mails to the Verein's members go with it (the retention period covers them too).
    mails = GenericRelation("mail.OutgoingMail")

    class Meta:
        verbose_name = _("Nachricht zu einem Bedarf")
        verbose_name_plural = _("Nachrichten zu Bedarfen")

    def __str__(self):
        return f"{self.need_id}: {self.created_at:%Y-%m-%d}"
