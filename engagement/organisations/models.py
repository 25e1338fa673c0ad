from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from engagement.cities.models import CityPage
from engagement.slugs import german_slugify


class OrganisationQuerySet(models.QuerySet):
    def verified(self):
        return self.filter(verification_state=Organisation.VerificationState.VERIFIED)

    def in_city(self, city):
        return self.filter(home_city=city)

    def of_member(self, user):
        """The organisations the user belongs to (any role): the one definition of membership."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(pk__in=Membership.objects.filter(user=user).values("organisation"))

    def owned_by(self, user):
        """The organisations the user is responsible for (role owner)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            pk__in=Membership.objects.filter(user=user, role=Membership.Role.OWNER).values("organisation")
        )


class Organisation(index.Indexed, models.Model):
    """A Verein, initiative or institution that offers volunteering opportunities in its home city."""

    class Kind(models.TextChoices):
        VEREIN = "verein", _("Verein")
        INITIATIVE = "initiative", _("Initiative")
        SOCIAL_INSTITUTION = "social_institution", _("Soziale Einrichtung")
        CHURCH = "church", _("Kirchengemeinde")
        FOUNDATION = "foundation", _("Stiftung")
        PUBLIC_BODY = "public_body", _("Öffentliche Einrichtung")

    class VerificationState(models.TextChoices):
        PENDING = "pending", _("Wartet auf Prüfung")
        VERIFIED = "verified", _("Geprüft")
        SUSPENDED = "suspended", _("Gesperrt")

    name = models.CharField(_("Name"), max_length=150)
    slug = models.SlugField(_("Kürzel"), max_length=160, unique=True)
    kind = models.CharField(_("Art"), max_length=30, choices=Kind.choices, default=Kind.VEREIN)
    description = models.TextField(_("Beschreibung"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Logo"),
    )
    website = models.URLField(_("Webseite"), blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    street = models.CharField(_("Straße und Hausnummer"), max_length=150, blank=True)
    postcode = models.CharField(_("Postleitzahl"), max_length=5, blank=True)
    place = models.CharField(_("Ort"), max_length=100, blank=True)
    home_city = models.ForeignKey(
        CityPage, on_delete=models.PROTECT, related_name="organisations", verbose_name=_("Heimatstadt")
    )
    verification_state = models.CharField(
        _("Prüfstatus"),
        max_length=20,
        choices=VerificationState.choices,
        default=VerificationState.PENDING,
        db_index=True,
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Geprüft von"),
    )
    verified_at = models.DateTimeField(_("Geprüft am"), null=True, blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="organisations", blank=True
    )
    created_at = models.DateTimeField(_("Angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Geändert am"), auto_now=True)
    # How quickly it usually answers applications: the median in hours over the recent ones and how many
    # they were, counted daily (engagement/applications/services/replies.py); None while too few.
    reply_median_hours = models.PositiveIntegerField(null=True, blank=True, editable=False)
    reply_sample_size = models.PositiveIntegerField(default=0, editable=False)

    objects = OrganisationQuerySet.as_manager()

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("verification_state"),
        index.FilterField("home_city"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Organisation")
        verbose_name_plural = _("Organisationen")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("organisation_detail", kwargs={"slug": self.slug})

    def _unique_slug(self):
        base = german_slugify(self.name)[:150] or "organisation"
        slug, number = base, 2
        while Organisation.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, number = f"{base}-{number}", number + 1
        return slug

    def has_member(self, user) -> bool:
        return Organisation.objects.of_member(user).filter(pk=self.pk).exists()

    def has_owner(self, user) -> bool:
        return Organisation.objects.owned_by(user).filter(pk=self.pk).exists()

    @property
    def usual_reply_days(self) -> int | None:
        """Whole days within which it usually answers (at least 1), None while there is no figure."""
        if self.reply_median_hours is None:
            return None
        return max(1, -(-self.reply_median_hours // 24))

    @property
    def is_verified(self):
        return self.verification_state == self.VerificationState.VERIFIED

    @property
    def address(self):
        return ", ".join(part for part in (self.street, f"{self.postcode} {self.place}".strip()) if part)


class Membership(models.Model):
    """A user's place in an organisation. Owners manage members; everyone manages opportunities."""

    class Role(models.TextChoices):
        OWNER = "owner", _("Verantwortlich")
        MEMBER = "member", _("Mitglied")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("Rolle"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "user"], name="unique_membership")]
        verbose_name = _("Mitgliedschaft")
        verbose_name_plural = _("Mitgliedschaften")

    def __str__(self):
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"


class MembershipRequest(models.Model):
    """A user asks to join an existing organisation; one of its owners decides."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Offen")
        APPROVED = "approved", _("Angenommen")
        DECLINED = "declined", _("Abgelehnt")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="membership_requests"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    message = models.CharField(_("Nachricht"), max_length=500, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"], condition=models.Q(status="pending"), name="one_open_request"
            )
        ]
        verbose_name = _("Beitrittsanfrage")
        verbose_name_plural = _("Beitrittsanfragen")

    def __str__(self):
        return f"{self.user} → {self.organisation} ({self.get_status_display()})"


class InvitationQuerySet(models.QuerySet):
    def from_cities(self, cities):
        """The invitations a city's editors sent to Vereine of their city (for `cities_edited_by(user)`)."""
        return self.filter(sent_by_city=True, organisation__home_city__in=cities)


class Invitation(models.Model):
    """An owner invites someone by e-mail, or a city's editors invite a Verein to the profile they
    prepared; the signed link in the mail refers to this row."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("E-Mail-Adresse"))
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    role = models.CharField(
        _("Rolle"), max_length=10, choices=Membership.Role.choices, default=Membership.Role.MEMBER
    )
    sent_by_city = models.BooleanField(_("Von der Stadt"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(_("zurückgezogen am"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Einladung")
        verbose_name_plural = _("Einladungen")

    def __str__(self):
        return f"{self.email} → {self.organisation}"
