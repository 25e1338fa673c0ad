from django.contrib.auth.models import Group
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Collection, Page
from wagtail.search import index

from engagement.operations.pagecache import CachedPageMixin

from .forms import CityPageForm
from .validators import parse_postcodes, validate_hex_colour, validate_postcode_list

# Days within which a city promises applicants an answer unless it sets its own.
DEFAULT_REPLY_PROMISE_DAYS = 7


class CityPage(CachedPageMixin, Page):
    """One city's section ("Bühne") of the shared platform, e.g. "Engagement vernetzt Bretten".

    Created by `manage.py setup_city`, which also gives the city its editor group, permissions on
    this subtree only, its moderation workflow and its collection. Stage settings (name, accent
    colour, contact) live here, on the city's own page, not in Wagtail's global site settings.
    """

    stage_name = models.CharField(
        _("Name der Bühne"), max_length=120, help_text=_("Zum Beispiel „Engagement vernetzt Bretten“.")
    )
    intro = RichTextField(_("Einleitung"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    postcodes = models.CharField(
        _("Postleitzahlen"),
        max_length=200,
        validators=[validate_postcode_list],
        help_text=_("Alle Postleitzahlen der Stadt, durch Komma getrennt."),
    )
    area_postcodes = models.CharField(
        _("Umland: weitere Postleitzahlen"),
        max_length=500,
        blank=True,
        validators=[validate_postcode_list],
        help_text=_(
            "Orte, in denen die Vereine der Stadt auch tätig sind, zum Beispiel Nachbargemeinden "
            "(Gondelsheim 75053). Angebote dort erscheinen im Bereich dieser Stadt. Durch Komma getrennt."
        ),
    )
    review_days = models.PositiveSmallIntegerField(
        _("Übliche Prüfdauer in Werktagen"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text=_("So lange dauert die Prüfung eines Angebots meist. Vereine lesen es beim Einreichen."),
    )
    reply_promise_days = models.PositiveSmallIntegerField(
        _("Antwortversprechen in Tagen"),
        default=DEFAULT_REPLY_PROMISE_DAYS,
        validators=[MinValueValidator(2), MaxValueValidator(30)],
        help_text=_(
            "So viele Tage haben Vereine, um auf eine Bewerbung zu antworten. Sie werden vorher erinnert; "
            "danach erfährt die Person, dass noch keine Antwort kam, und bekommt ähnliche Angebote."
        ),
    )
    accent_colour = models.CharField(
        _("Akzentfarbe"),
        max_length=7,
        default="#0b5394",
        validators=[validate_hex_colour],
        help_text=_("Eine dunkle Farbe, auf der weiße Schrift gut lesbar ist (Kontrast mindestens 4,5:1)."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Logo der Bühne"),
    )
    contact_name = models.CharField(_("Ansprechperson Ehrenamt"), max_length=120, blank=True)
    contact_role = models.CharField(
        _("Funktion"), max_length=120, blank=True, default="Ehrenamtsbeauftragte:r"
    )
    contact_phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    contact_email = models.EmailField(_("E-Mail"), blank=True)
    editor_group = models.ForeignKey(
        Group, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    collection = models.ForeignKey(
        Collection, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("stage_name"),
        FieldPanel("logo"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_role"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_email"),
            ],
            heading=_("Ansprechperson für Ehrenamt"),
        ),
        FieldPanel("postcodes"),
        FieldPanel("area_postcodes"),
        FieldPanel("review_days"),
        FieldPanel("reply_promise_days"),
        FieldPanel("accent_colour"),
        # Defined by the hours app (engagement.hours.models.RecognitionThreshold), shown to volunteers.
        InlinePanel(
            "recognition_thresholds",
            heading=_("Richtwerte für die Anerkennung von Engagement"),
            help_text=_(
                "Zum Beispiel die Stunden pro Jahr für eine Ehrenamtskarte. Freiwillige sehen, wenn ihre "
                "bestätigten Stunden einen Richtwert erreichen; über die Anerkennung entscheidet weiter die "
                "ausgebende Stelle."
            ),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    base_form_class = CityPageForm  # the logo comes from the city's own collection

    parent_page_types = ["home.HomePage"]
    subpage_types = ["opportunities.OpportunityPage", "needs.NeedPage", "legal.LegalPage"]

    class Meta:
        verbose_name = _("Stadt")
        verbose_name_plural = _("Städte")

    @cached_property
    def postcode_list(self) -> list[str]:
        return parse_postcodes(self.postcodes)

    @cached_property
    def area_postcode_list(self) -> list[str]:
        """The city's own postcodes and those of the places around it that its editors added."""
        own = self.postcode_list
        return own + [code for code in parse_postcodes(self.area_postcodes) if code not in own]

    def takes_postcode(self, postcode: str) -> bool:
        return postcode in self.area_postcode_list

    def refused_postcode_message(self, postcode: str) -> str:
        """Why an offer's postcode is refused, and what to do about it."""
        values = {
            "postcode": postcode,
            "city": self.title,
            "allowed": ", ".join(self.area_postcode_list),
            "email": self.contact_email,
        }
        if self.contact_email:
            return (
                _(
                    "Die Postleitzahl %(postcode)s liegt nicht im Gebiet von %(city)s (dazu gehören: "
                    "%(allowed)s). Ist Ihr Verein dort tätig, bitten Sie die Redaktion der Stadt unter "
                    "%(email)s, den Ort aufzunehmen. Bis dahin können Sie den Entwurf ohne Postleitzahl "
                    "speichern oder „Ortsunabhängig“ wählen, wenn das Engagement überall möglich ist."
                )
                % values
            )
        return (
            _(
                "Die Postleitzahl %(postcode)s liegt nicht im Gebiet von %(city)s (dazu gehören: "
                "%(allowed)s). Ist Ihr Verein dort tätig, bitten Sie die Redaktion der Stadt, den Ort "
                "aufzunehmen. Bis dahin können Sie den Entwurf ohne Postleitzahl speichern oder "
                "„Ortsunabhängig“ wählen, wenn das Engagement überall möglich ist."
            )
            % values
        )
