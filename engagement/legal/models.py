"""Legal pages (Impressum, Datenschutz, Barrierefreiheit, Leichte Sprache) and accessibility feedback.

Each city and the portal have their own legal pages, editable in Wagtail like any content page;
`services.ensure_legal_pages` creates them with German defaults. The accessibility statement carries
a feedback form whose messages reach the city's contact address.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from engagement.cities.access import cities_edited_by
from engagement.cities.models import CityPage
from engagement.operations.pagecache import CachedPageMixin

from .forms import AccessibilityFeedbackForm


class LegalPage(CachedPageMixin, Page):
    class Kind(models.TextChoices):
        IMPRESSUM = "impressum", _("Impressum")
        PRIVACY = "datenschutz", _("Datenschutzerklärung")
        ACCESSIBILITY = "barrierefreiheit", _("Erklärung zur Barrierefreiheit")
        EASY_LANGUAGE = "leichte-sprache", _("Leichte Sprache")

    kind = models.CharField(_("Art der Seite"), max_length=20, choices=Kind.choices)
    body = RichTextField(_("Inhalt"), features=["h2", "h3", "bold", "italic", "link", "ol", "ul"], blank=True)
    # The English version lives on the same page (README, "Sprachen"): one page tree, so the city's
    # permissions and moderation cover both languages. Empty: English visitors read the German text.
    title_en = models.CharField(_("Titel (Englisch)"), max_length=255, blank=True)
    body_en = RichTextField(
        _("Inhalt (Englisch)"), features=["h2", "h3", "bold", "italic", "link", "ol", "ul"], blank=True
    )
    feedback_email = models.EmailField(
        _("E-Mail für Rückmeldungen"),
        blank=True,
        help_text=_(
            "Nur für die Erklärung zur Barrierefreiheit. "
            "Leer: die E-Mail-Adresse der Ansprechperson der Stadt."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("title_en"), FieldPanel("body_en")],
            heading=_("Englische Fassung"),
            help_text=_(
                "Freiwillig. Ohne englischen Text sehen englischsprachige Besucher:innen den deutschen."
            ),
            classname="collapsed",
        ),
        FieldPanel("feedback_email"),
    ]

    parent_page_types = ["home.HomePage", "cities.CityPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Rechtliche Seite")
        verbose_name_plural = _("Rechtliche Seiten")

    @property
    def city(self):
        """The city this page belongs to, or None for the portal's own pages."""
        return CityPage.objects.filter(pk=self.get_parent().pk).first()

    def translated(self, language: str) -> tuple[str, str, str]:
        """(title, body, language of both) for an interface in `language`: the English version when
        there is one, else the German page."""
        if language.split("-")[0] == "en" and self.body_en:
            return self.title_en or self.get_kind_display(), self.body_en, "en"
        return self.title, self.body, "de"

    @property
    def has_feedback_form(self) -> bool:
        return self.kind == self.Kind.ACCESSIBILITY

    def feedback_recipients(self) -> list[str]:
        if self.feedback_email:
            return [self.feedback_email]
        city = self.city
        if city is not None and city.contact_email:
            return [city.contact_email]
        # The portal's statement: every city answers for the shared platform.
        return sorted(
            {email for email in CityPage.objects.live().values_list("contact_email", flat=True) if email}
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["city"] = self.city
        if self.has_feedback_form:  # its POST is taken by views.take_feedback (wagtail_hooks.py)
            context["form"] = AccessibilityFeedbackForm()
            context["sent"] = request.GET.get("gesendet") == "1" and request.method == "GET"
        context["content_title"], context["content_body"], context["content_language"] = self.translated(
            get_language() or "de"
        )
        return context


class AccessibilityFeedbackQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Feedback about the user's own cities; the portal's statement (no city) for administrators only."""
        if not user.is_active:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(city__in=cities_edited_by(user))

    def unanswered(self):
        return self.filter(answered_at__isnull=True)


class AccessibilityFeedback(models.Model):
    """A report of an accessibility barrier, sent through the form on an accessibility statement."""

    page = models.ForeignKey(
        LegalPage, on_delete=models.CASCADE, related_name="feedback", verbose_name=_("Erklärung")
    )
    city = models.ForeignKey(
        "cities.CityPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Stadt"),
    )
    name = models.CharField(_("Name"), max_length=120, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    location = models.CharField(_("Betroffene Seite"), max_length=500, blank=True)
    message = models.TextField(_("Nachricht"))
    created_at = models.DateTimeField(_("Eingegangen am"), auto_now_add=True)
    # Its mails to the city (engagement.mail), deleted with it.
    mails = GenericRelation("mail.OutgoingMail")
    answered_at = models.DateTimeField(_("Beantwortet am"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Beantwortet von"),
    )

    objects = AccessibilityFeedbackQuerySet.as_manager()

    class Meta:
        verbose_name = _("Rückmeldung zur Barrierefreiheit")
        verbose_name_plural = _("Rückmeldungen zur Barrierefreiheit")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{timezone.localtime(self.created_at):%d.%m.%Y} – {self.location or self.page.title}"

    def get_city_display(self):
        """The city the statement belongs to; the portal's statement answers for every city."""
        return self.city.title if self.city_id else _("Portal (alle Städte)")

    get_city_display.short_description = _("Stadt")
