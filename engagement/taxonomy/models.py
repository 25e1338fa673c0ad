"""The maintained vocabularies that describe opportunities: topics, activities, target groups and
who an opportunity suits. Each is a small ordered list that editors curate in the Wagtail admin."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Term(index.Indexed, models.Model):
    name = models.CharField(_("Name"), max_length=80, unique=True)
    # The platform's own vocabulary, not a Verein's content: it has an English name for /en/.
    name_en = models.CharField(
        _("Name auf Englisch"), max_length=80, blank=True, help_text=_("Unter /en/; leer: der deutsche Name.")
    )
    slug = models.SlugField(
        _("Kürzel"), max_length=80, unique=True, help_text=_("Wird in Such-Links verwendet.")
    )
    sort_order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    panels = [FieldPanel("name"), FieldPanel("name_en"), FieldPanel("slug"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        """The name in the language of the page: English under /en/ where it has one, else German."""
        if self.name_en and (get_language() or "de").startswith("en"):
            return self.name_en
        return self.name


class Category(Term):
    """A field of engagement (Thema), e.g. "Kinder & Jugend"."""

    class Meta(Term.Meta):
        verbose_name = _("Thema")
        verbose_name_plural = _("Themen")


class Activity(Term):
    """What volunteers do or can bring in (Tätigkeit/Fähigkeit), e.g. "Fahren & Transport"."""

    class Meta(Term.Meta):
        verbose_name = _("Tätigkeit")
        verbose_name_plural = _("Tätigkeiten")


class TargetGroup(Term):
    """Who benefits from the engagement (Zielgruppe), e.g. "Senior:innen"."""

    class Meta(Term.Meta):
        verbose_name = _("Zielgruppe")
        verbose_name_plural = _("Zielgruppen")


class Suitability(Term):
    """Whom an opportunity suits as volunteers (Geeignet für), e.g. "Familien", "Einsteiger:innen"."""

    class Meta(Term.Meta):
        verbose_name = _("Geeignet für")
        verbose_name_plural = _("Geeignet für")
