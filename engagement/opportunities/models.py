import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager, Revision
from wagtail.query import PageQuerySet
from wagtail.search import index

from engagement.cities.models import CityPage
from engagement.geo.geocoders import address_query
from engagement.operations.pagecache import CachedPageMixin, next_local_midnight
from engagement.organisations.models import Organisation

from .cache_tags import organisation_tag
from .fields import IdSetField, ids_text
from .forms import OpportunityCopyForm, OpportunityPageForm
from .inclusion import FIELDS as INCLUSION_FIELDS
from .inclusion import model_field as inclusion_field
from .inclusion import promised


class OpportunityQuerySet(PageQuerySet):
    def of_member(self, user):
        """The opportunities (drafts included) of the organisations the user belongs to."""
        return self.filter(organisation__in=Organisation.objects.of_member(user))

    def reachable(self):
        """What citizens may open by its address: live, public, from a verified organisation; also an
        offer that is over, until the daily sweep takes it offline (its page then says it has ended)."""
        return (
            self.live()
            .public()
            .filter(organisation__verification_state=Organisation.VerificationState.VERIFIED)
        )

    def listed(self):
        """What citizens may find: reachable and not yet over."""
        now = timezone.now()
        today = timezone.localdate()
        return (
            self.reachable()
            .exclude(end_date__lt=today)
            .exclude(application_deadline__lt=today)
            .exclude(
                Q(schedule_kind=OpportunityPage.ScheduleKind.ONE_OFF)
                & (Q(event_end__lt=now) | Q(event_end__isnull=True, event_start__lt=now))
            )
        )

    def for_listing(self):
        """Everything a result card shows, in a fixed number of queries however many rows. The few
        cities are fetched once and shared (joined, each card would build its own city page)."""
        return self.select_related("organisation").prefetch_related("categories", "city")


OpportunityManager = PageManager.from_queryset(OpportunityQuerySet)


def search_columns(title, teaser, categories) -> tuple[str, str]:
    """`search_text` and `category_ids` of an opportunity with these values (also for rows written in
    bulk, as `seed_bench` does)."""
    categories = list(categories)
    names = [category.name for category in categories]
    return "\n".join([title or "", teaser or "", *names]).lower(), ids_text(
        category.pk for category in categories
    )


class OpportunityPage(CachedPageMixin, Page):
    """A volunteering opportunity of one organisation, published in the section of its city."""

    class ScheduleKind(models.TextChoices):
        ONE_OFF = "one_off", _("Einmalig")
        REGULAR = "regular", _("Regelmäßig")
        FLEXIBLE = "flexible", _("Flexibel")

    class RecruitmentStatus(models.TextChoices):
        OPEN = "open", _("Freie Plätze")
        FEW_PLACES = "few_places", _("Wenige Plätze frei")
        FILLED = "filled", _("Alle Plätze vergeben")
        CLOSED = "closed", _("Keine Bewerbung möglich")

    # What and who
    # Teaser and description may be empty in a draft; completeness_errors() asks for them when the
    # offer is submitted or published.
    teaser = models.CharField(
        _("Kurzbeschreibung"),
        max_length=240,
        blank=True,
        help_text=_("Ein Satz, der in Suchergebnissen erscheint."),
    )
    description = RichTextField(
        _("Beschreibung"), blank=True, features=["h2", "h3", "bold", "italic", "link", "ol", "ul"]
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Bild"),
    )
    image_alt = models.CharField(
        _("Bildbeschreibung"),
        max_length=250,
        blank=True,
        help_text=_(
            "Was ist auf dem Bild zu sehen? Für Menschen, die das Bild nicht sehen. "
            "Leer lassen, wenn das Bild nur schmückt."
        ),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="opportunities", verbose_name=_("Organisation")
    )
    posted_on_behalf_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Eingestellt von (Stadt) für die Organisation"),
    )
    city = models.ForeignKey(
        CityPage, on_delete=models.PROTECT, related_name="opportunities", editable=False, null=True
    )
    categories = ParentalManyToManyField(
        "taxonomy.Category", related_name="opportunities", verbose_name=_("Themen")
    )
    activities = ParentalManyToManyField(
        "taxonomy.Activity", blank=True, related_name="opportunities", verbose_name=_("Tätigkeiten")
    )
    target_groups = ParentalManyToManyField(
        "taxonomy.TargetGroup", blank=True, related_name="opportunities", verbose_name=_("Zielgruppen")
    )
    suitable_for = ParentalManyToManyField(
        "taxonomy.Suitability", blank=True, related_name="opportunities", verbose_name=_("Geeignet für")
    )

    # Where
    is_remote = models.BooleanField(
        _("Ortsunabhängig"),
        default=False,
        help_text=_("Das Engagement ist von zu Hause oder online möglich."),
    )
    street = models.CharField(_("Straße und Hausnummer"), max_length=150, blank=True)
    postcode = models.CharField(_("Postleitzahl"), max_length=5, blank=True)
    place = models.CharField(_("Ort"), max_length=100, blank=True)
    latitude = models.FloatField(_("Breitengrad"), null=True, blank=True, editable=False)
    longitude = models.FloatField(_("Längengrad"), null=True, blank=True, editable=False)
    # The point is the street address (an online geocoder found it), not only the postcode's centre:
    # only then does a distance to the tenth of a kilometre mean anything.
    located_at_street = models.BooleanField(default=False, editable=False)
    geocoded_location = models.CharField(max_length=300, blank=True, editable=False)
    # Access and inclusion (inclusion.py holds the vocabulary, its labels and explanations).
    step_free_access = inclusion_field("step_free_access")
    accessible_toilet = inclusion_field("accessible_toilet")
    public_transport = inclusion_field("public_transport")
    parking = inclusion_field("parking")
    quiet_place = inclusion_field("quiet_place")
    sign_language = inclusion_field("sign_language")
    easy_language = inclusion_field("easy_language")
    no_german_needed = inclusion_field("no_german_needed")
    little_time = inclusion_field("little_time")
    no_experience_needed = inclusion_field("no_experience_needed")
    accessibility_note = models.CharField(
        _("Hinweise zur Barrierefreiheit"),
        max_length=300,
        blank=True,
        help_text=_("Was sonst hilft, zum Beispiel „Klingel am Seiteneingang, Aufzug bis 1,10 m Breite“."),
    )

    # When
    schedule_kind = models.CharField(
        _("Zeitlicher Rahmen"), max_length=10, choices=ScheduleKind.choices, default=ScheduleKind.REGULAR
    )
    event_start = models.DateTimeField(_("Beginn des Termins"), null=True, blank=True)
    event_end = models.DateTimeField(_("Ende des Termins"), null=True, blank=True)
    rhythm = models.CharField(
        _("Rhythmus"),
        max_length=150,
        blank=True,
        help_text=_("Zum Beispiel „wöchentlich, dienstags 15–17 Uhr“."),
    )
    hours_per_week = models.DecimalField(
        _("Stunden pro Woche"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0.5), MaxValueValidator(60)],
    )
    start_date = models.DateField(_("Beginn"), null=True, blank=True)
    end_date = models.DateField(_("Ende"), null=True, blank=True)
    application_deadline = models.DateField(_("Bewerbungsschluss"), null=True, blank=True)

    # How many and who may
    volunteers_needed = models.PositiveSmallIntegerField(
        _("Gesuchte Freiwillige"), default=1, validators=[MinValueValidator(1), MaxValueValidator(999)]
    )
    recruitment_status = models.CharField(
        _("Stand der Suche"),
        max_length=12,
        choices=RecruitmentStatus.choices,
        default=RecruitmentStatus.OPEN,
        db_index=True,
    )
    waiting_list = models.BooleanField(
        _("Warteliste führen"),
        default=False,
        help_text=_(
            "Sind alle Plätze vergeben, können sich Interessierte weiter melden. "
            "Sie kommen auf die Warteliste und Sie entscheiden später."
        ),
    )
    minimum_age = models.PositiveSmallIntegerField(
        _("Mindestalter"),
        null=True,
        blank=True,
        validators=[MinValueValidator(6), MaxValueValidator(99)],
        help_text=_("Ab welchem Alter man mitmachen kann. Leer lassen, wenn es keine Altersgrenze gibt."),
    )
    # Young volunteers (youth.py): whether under-18s are welcome, from `minimum_age` on, and on what terms.
    minors_welcome = models.BooleanField(
        _("Jugendliche unter 18 sind willkommen"),
        default=False,
        help_text=_(
            "Bitte geben Sie dann auch das Mindestalter an. Unter 18-Jährige bewerben sich mit der "
            "Zustimmung eines Elternteils; erst danach sehen Sie die Bewerbung."
        ),
    )
    minors_supervised = models.BooleanField(
        _("Jugendliche werden begleitet"),
        default=False,
        help_text=_("Eine erwachsene Person aus Ihrem Verein ist immer dabei und ansprechbar."),
    )
    minors_insured = models.BooleanField(
        _("Unfallversichert über den Verein"),
        default=False,
        help_text=_("Jugendliche sind bei dieser Tätigkeit über Ihren Verein gegen Unfälle versichert."),
    )
    requires_extended_certificate = models.BooleanField(
        _("Erweitertes Führungszeugnis nötig"),
        default=False,
        help_text=_("Bei Arbeit mit Kindern und Jugendlichen nach § 72a SGB VIII."),
    )
    requires_driving_licence = models.BooleanField(_("Führerschein nötig"), default=False)
    language_requirements = models.CharField(_("Sprachkenntnisse"), max_length=200, blank=True)
    other_requirements = models.TextField(_("Weitere Voraussetzungen"), blank=True)

    # What volunteers get
    offers_training = models.BooleanField(_("Einarbeitung oder Schulung"), default=False)
    offers_insurance = models.BooleanField(_("Versicherungsschutz"), default=False)
    # Also the inclusion feature "expenses paid" (inclusion.py): one field, shown in both places.
    offers_expense_allowance = inclusion_field("offers_expense_allowance")
    offers_certificate = models.BooleanField(_("Ehrenamtsnachweis"), default=False)
    benefits_note = models.CharField(_("Weitere Angebote für Freiwillige"), max_length=300, blank=True)

    # Contact person (shown to citizens; the e-mail address only behind the application form)
    contact_name = models.CharField(_("Ansprechperson"), max_length=120, blank=True)
    contact_phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    contact_email = models.EmailField(_("E-Mail"), blank=True)

    # Title, teaser and category names in lower case, for the compound-word match of the search
    # (search/compounds.py): one column with one trigram index instead of three tables joined per row.
    # Filled by save() and kept current by the receivers in search_columns.py; in no form or panel.
    search_text = models.TextField(default="", blank=True, editable=False)
    # The ids of the categories ("3 6 11"), so that the topic filter is a condition on this row: on
    # PostgreSQL a GIN index over them joins the indexes of city, place and words in one bitmap, where a
    # test per row in the link table visited every row of the other conditions. Kept like search_text.
    category_ids = IdSetField()

    # Where an imported offer came from (engagement/exchange): the id its source gave it. An import finds
    # the offer again by it, so importing the same file twice changes nothing. Empty for our own offers.
    source_id = models.CharField(_("Quell-ID"), max_length=200, blank=True, default="", editable=False)

    objects = OpportunityManager()
    # A copy is a new offer of ours: it must not claim the source's id (unique) of the original.
    exclude_fields_in_copy = ["source_id"]
    base_form_class = OpportunityPageForm
    copy_form_class = OpportunityCopyForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("teaser"),
        FieldPanel("description"),
        FieldPanel("image"),
        FieldPanel("image_alt"),
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("categories"),
                FieldPanel("activities"),
                FieldPanel("target_groups"),
                FieldPanel("suitable_for"),
            ],
            heading=_("Organisation und Themen"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("is_remote"),
                FieldRowPanel([FieldPanel("street"), FieldPanel("postcode"), FieldPanel("place")]),
            ],
            heading=_("Ort"),
        ),
        MultiFieldPanel(
            [*(FieldPanel(name) for name in INCLUSION_FIELDS), FieldPanel("accessibility_note")],
            heading=_("Barrierefreiheit und Inklusion"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("schedule_kind"),
                FieldRowPanel([FieldPanel("event_start"), FieldPanel("event_end")]),
                FieldRowPanel([FieldPanel("rhythm"), FieldPanel("hours_per_week")]),
                FieldRowPanel(
                    [FieldPanel("start_date"), FieldPanel("end_date"), FieldPanel("application_deadline")]
                ),
            ],
            heading=_("Zeit"),
        ),
        # The shifts the Verein planned in its dashboard, read-only: places and counts, never names.
        HelpPanel(template="shifts/admin/shifts_panel.html", heading=_("Schichten")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("volunteers_needed"), FieldPanel("recruitment_status")]),
                FieldPanel("waiting_list"),
                FieldPanel("requires_driving_licence"),
                FieldPanel("language_requirements"),
                FieldPanel("other_requirements"),
            ],
            heading=_("Freiwillige und Voraussetzungen"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("minors_welcome"),
                FieldPanel("minimum_age"),
                FieldPanel("minors_supervised"),
                FieldPanel("minors_insured"),
                FieldPanel("requires_extended_certificate"),
            ],
            heading=_("Junge Freiwillige"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("offers_training"),
                FieldPanel("offers_insurance"),
                FieldPanel("offers_certificate"),
                FieldPanel("benefits_note"),
            ],
            heading=_("Das bekommen Freiwillige"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_phone"), FieldPanel("contact_email")],
            heading=_("Ansprechperson"),
        ),
        FieldPanel("posted_on_behalf_by", permission="superuser"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("teaser", boost=2),
        index.SearchField("description"),
        index.RelatedFields(
            "organisation", [index.SearchField("name", boost=2), index.FilterField("verification_state")]
        ),
        index.RelatedFields("categories", [index.SearchField("name", boost=2)]),
        index.RelatedFields("activities", [index.SearchField("name")]),
        index.AutocompleteField("title"),
        index.FilterField("city"),
        index.FilterField("organisation"),
        index.FilterField("schedule_kind"),
        index.FilterField("is_remote"),
        index.FilterField("recruitment_status"),
        # The conditions of `listed()`, so that a search can be narrowed to what citizens may see.
        index.FilterField("end_date"),
        index.FilterField("application_deadline"),
        index.FilterField("event_start"),
        index.FilterField("event_end"),
    ]

    parent_page_types = ["cities.CityPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Engagement-Angebot")
        verbose_name_plural = _("Engagement-Angebote")
        indexes = [
            models.Index(fields=["latitude", "longitude"], name="opportunity_lat_lng"),
            models.Index(fields=["end_date"], name="opportunity_end_date"),
            # When the next one-off date is over (page_cache.listings_change_at): the first entry of
            # this index instead of a scan of every offer.
            models.Index(
                Coalesce("event_end", "event_start"),
                condition=Q(schedule_kind="one_off"),
                name="opportunity_one_off_over_at",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["source_id"], condition=~Q(source_id=""), name="opportunity_unique_source_id"
            ),
        ]

    # --- Validation -----------------------------------------------------------------------------

    # A draft needs only its title; what citizens must know is asked for when it is submitted. The
    # Verein form and the admin's "save draft" set this for the validation of a draft.
    validating_draft = False

    # Fields left empty in a draft that submission requires, with the message that asks for them.
    REQUIRED_FOR_SUBMISSION = {
        "teaser": _("Bitte geben Sie eine Kurzbeschreibung an."),
        "description": _("Bitte beschreiben Sie das Angebot."),
    }

    def clean(self):
        super().clean()
        errors = self.consistency_errors()
        if not self.validating_draft:
            errors = {**self.completeness_errors(), **errors}
        if errors:
            raise ValidationError(errors)

    def consistency_errors(self) -> dict:
        """Rules for what is filled in, drafts included: dates in order, a postcode of the city's area."""
        errors = {}
        if self.event_start and self.event_end and self.event_end <= self.event_start:
            errors["event_end"] = _("Das Ende des Termins muss nach seinem Beginn liegen.")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("Das Ende darf nicht vor dem Beginn liegen.")
        if not self.is_remote and self.postcode:
            if not (len(self.postcode) == 5 and self.postcode.isdigit()):
                errors["postcode"] = _("Eine Postleitzahl hat fünf Ziffern.")
            else:
                city = self.city_section
                if city is not None and not city.takes_postcode(self.postcode):
                    errors["postcode"] = city.refused_postcode_message(self.postcode)
        errors.update(self.youth_errors())
        city = self.city_section
        if city is not None and self.organisation_id and self.organisation.home_city_id != city.pk:
            errors["organisation"] = _(
                "Diese Organisation gehört zu einer anderen Stadt. "
                "Angebote erscheinen in der Stadt der Organisation."
            )
        return errors

    def youth_errors(self) -> dict:
        """Under-18s are welcome from a stated age below 18, or not at all: an age below 18 without the
        welcome (or a welcome without an age) would tell young people two things at once."""
        if self.minors_welcome:
            if self.minimum_age is None:
                return {
                    "minimum_age": _("Ab welchem Alter sind Jugendliche willkommen? Bitte geben Sie es an.")
                }
            if self.minimum_age >= 18:
                return {
                    "minimum_age": _(
                        "Ein Mindestalter ab 18 passt nicht zu „Jugendliche unter 18 sind willkommen“."
                    )
                }
        elif self.minimum_age is not None and self.minimum_age < 18:
            return {
                "minors_welcome": _(
                    "Sie nennen ein Mindestalter unter 18. Bitte kreuzen Sie dann auch „Jugendliche unter 18 "
                    "sind willkommen“ an, oder geben Sie 18 an."
                )
            }
        if not self.minors_welcome and (self.minors_supervised or self.minors_insured):
            return {
                "minors_welcome": _(
                    "Begleitung und Versicherung für Jugendliche gelten nur, wenn Jugendliche "
                    "willkommen sind."
                )
            }
        return {}

    def completeness_errors(self) -> dict:
        """What submission needs beyond a draft, including the fields that depend on others: a date for
        a one-off event, a rhythm for regular work, postcode and place unless it can be done anywhere."""
        errors = {
            name: message
            for name, message in self.REQUIRED_FOR_SUBMISSION.items()
            if not (getattr(self, name) or "").strip()
        }
        if self.schedule_kind == self.ScheduleKind.ONE_OFF and not self.event_start:
            errors["event_start"] = _("Bei einem einmaligen Termin brauchen wir Datum und Uhrzeit.")
        if self.schedule_kind == self.ScheduleKind.REGULAR and not self.rhythm:
            errors["rhythm"] = _("Bitte beschreiben Sie, wie oft und wann das Engagement stattfindet.")
        if not self.is_remote:
            if not self.postcode:
                errors["postcode"] = _(
                    "Bitte geben Sie die Postleitzahl an oder wählen Sie „Ortsunabhängig“."
                )
            if not self.place:
                errors["place"] = _("Bitte geben Sie den Ort an.")
        return errors

    def validate_for_submission(self):
        """Everything submission needs, reported at once: the completeness rules and the topics. The
        topics are checked here, not in clean(), because a page is saved before its relations are set."""
        errors = self.completeness_errors()
        if not self.categories.all():
            errors["categories"] = _("Bitte wählen Sie mindestens ein Thema.")
        if errors:
            raise ValidationError(errors)

    def validate_for_publication(self):
        """Rules that apply only at the moment of publishing."""
        today = timezone.localdate()
        errors = {}
        if self.application_deadline and self.application_deadline < today:
            errors["application_deadline"] = _("Der Bewerbungsschluss liegt in der Vergangenheit.")
        if (
            self.schedule_kind == self.ScheduleKind.ONE_OFF
            and self.event_start
            and self.event_start < timezone.now()
        ):
            errors["event_start"] = _("Der Termin liegt in der Vergangenheit.")
        if errors:
            raise ValidationError(errors)

    # --- Location -------------------------------------------------------------------------------

    @cached_property
    def city_section(self) -> CityPage | None:
        """The city section this page lives in (or is about to be added to)."""
        hint = getattr(self, "_parent_city_hint", None)
        if isinstance(hint, CityPage):
            return hint
        if self.depth:
            parent = self.get_parent()
            return parent.specific if parent is not None and parent.specific_class is CityPage else None
        return None

    @property
    def location_query(self) -> str:
        return "" if self.is_remote else address_query(self.street, self.postcode, self.place)

    @property
    def needs_geocoding(self) -> bool:
        return bool(self.location_query) and self.location_query != self.geocoded_location

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    def save(self, *args, **kwargs):
        city = self.city_section
        if city is not None:
            self.city = city
        if self.is_remote:
            self.latitude = self.longitude = None
            self.located_at_street = False
            self.geocoded_location = ""
        update_fields = kwargs.get("update_fields")
        if update_fields is None:
            self.fill_search_columns()
        elif {"title", "teaser", "categories"} & set(update_fields):
            # A revision saves only its bookkeeping columns and leaves the live values alone; whoever
            # saves the text columns themselves saves the search columns with them.
            self.fill_search_columns()
            kwargs["update_fields"] = [*update_fields, "search_text", "category_ids"]
        super().save(*args, **kwargs)

    def fill_search_columns(self):
        """`search_text` and `category_ids` from the page's own values and the categories as set on it
        (also unsaved ones)."""
        self.search_text, self.category_ids = search_columns(self.title, self.teaser, self.categories.all())

    def page_cache_tags(self, request):
        """Its organisation (name, contact) beside its own content; it shows itself as over from the
        next midnight (deadline, period) or the moment its one-off date passes."""
        now = timezone.now()
        changes = [next_local_midnight(now)]
        event_over = self.event_end or self.event_start
        if self.schedule_kind == self.ScheduleKind.ONE_OFF and event_over and event_over > now:
            changes.append(event_over)
        return {organisation_tag(self.organisation_id)}, min(changes)

    # --- Display --------------------------------------------------------------------------------

    @property
    def ended_on(self) -> dt.date | None:
        """The day the offer ended: its deadline, its period or its one-off date is over (the daily
        sweep then takes it offline; until then its address still opens it). None while it runs."""
        now = timezone.now()
        today = timezone.localdate(now)
        over = []
        if self.application_deadline and self.application_deadline < today:
            over.append(self.application_deadline)
        if self.end_date and self.end_date < today:
            over.append(self.end_date)
        if self.schedule_kind == self.ScheduleKind.ONE_OFF and (self.event_end or self.event_start):
            event_over = self.event_end or self.event_start
            if event_over < now:
                over.append(timezone.localdate(event_over))
        return min(over, default=None)

    @property
    def has_ended(self) -> bool:
        return self.ended_on is not None

    @property
    def is_open_for_applications(self):
        return not self.has_ended and self.recruitment_status in (
            self.RecruitmentStatus.OPEN,
            self.RecruitmentStatus.FEW_PLACES,
        )

    @property
    def has_open_waiting_list(self):
        """Every place is taken, but people may still sign up for the waiting list."""
        filled = self.recruitment_status == self.RecruitmentStatus.FILLED
        return self.waiting_list and filled and not self.has_ended

    @property
    def takes_applications(self):
        return self.is_open_for_applications or self.has_open_waiting_list

    @property
    def requirements(self) -> list[str]:
        items = []
        if self.minimum_age:
            items.append(_("Mindestens %(age)s Jahre alt") % {"age": self.minimum_age})
        if self.requires_extended_certificate:
            items.append(_("Erweitertes Führungszeugnis (§ 72a SGB VIII)"))
        if self.requires_driving_licence:
            items.append(_("Führerschein"))
        if self.language_requirements:
            items.append(self.language_requirements)
        if self.other_requirements:
            items.append(self.other_requirements)
        return items

    @property
    def benefits(self) -> list[str]:
        labels = [
            (self.offers_training, _("Einarbeitung oder Schulung")),
            (self.offers_insurance, _("Versicherungsschutz")),
            (self.offers_expense_allowance, _("Aufwandsentschädigung oder Fahrtkosten")),
            (self.offers_certificate, _("Ehrenamtsnachweis")),
        ]
        items = [label for offered, label in labels if offered]
        if self.benefits_note:
            items.append(self.benefits_note)
        return items

    @property
    def inclusion_features(self):
        """What the offer promises about access and inclusion (inclusion.Feature, in a fixed order)."""
        return promised(self)


class Freshness(models.Model):
    """Whether an ongoing opportunity is still current (the national database asks every 3 months).

    Kept beside the page, not on it: confirming is not a content change and must not create a revision.
    """

    page = models.OneToOneField(OpportunityPage, on_delete=models.CASCADE, related_name="freshness")
    confirmed_at = models.DateTimeField(_("Zuletzt bestätigt"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("Erinnert am"), null=True, blank=True)
    taken_offline_at = models.DateTimeField(_("Automatisch offline genommen am"), null=True, blank=True)
    offline_revision = models.ForeignKey(
        Revision,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Die Fassung, die online war, als das Angebot offline genommen wurde."),
    )

    class Meta:
        verbose_name = _("Aktualität")
        verbose_name_plural = _("Aktualität")

    def __str__(self):
        return f"{self.page_id}: {self.confirmed_at or '–'}"


class ListedCount(models.Model):
    """How many offers citizens can find in a city, in all (`category_id` 0) and per topic.

    Kept up to date by `stats.sync_counts` whenever an offer may have entered or left the listing, so
    the portal's counts never scan the offers; `stats.recount_listed` recomputes them exactly.
    """

    city_id = models.IntegerField()
    category_id = models.IntegerField()
    n = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["city_id", "category_id"], name="listed_count_city_category")
        ]

    def __str__(self):
        return f"{self.city_id}/{self.category_id}: {self.n}"


class CountedOpportunity(models.Model):
    """An offer as `ListedCount` counts it now: its city and topics, and when it stops being listed.

    No foreign key: a deleted offer keeps its row until `stats.sync_counts` has taken it off the counts.
    """

    page_id = models.IntegerField(primary_key=True)
    city_id = models.IntegerField()
    category_ids = models.TextField(blank=True, default="")
    until = models.DateTimeField(null=True, blank=True, db_index=True)

    def __str__(self):
        return f"{self.page_id} in {self.city_id}"
