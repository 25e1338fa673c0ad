"""What an offer says about access and inclusion: one fixed vocabulary, one field per feature.

The list follows the accessibility and inclusion topics of the Volunteering Data standard's draft
(step-free access, toilet, transport, quiet place, sign and easy language, expenses, language, time,
experience). Each feature is a yes/no field on the offer: "yes" is a promise the Verein makes, "no"
means "not promised" (we never show "no step-free access" for a field nobody filled in).

The slug is the public name: the search parameter (`?inclusion=step_free`), the API's `inclusion`
list and the facet counts use it; the field is the column behind it.
"""

from dataclasses import dataclass

from django.db import models
from django.db.models import Q
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Feature:
    slug: str
    field: str
    label: Promise  # what the Verein ticks and what the filter offers
    help_text: Promise  # the plain explanation in the Verein's form
    shown_as: Promise  # the sentence on the offer page


FEATURES = (
    Feature(
        "step_free",
        "step_free_access",
        _("Stufenloser Zugang"),
        _(
            "Man kommt ohne Stufen an den Ort: ebenerdig, mit Rampe oder mit Aufzug. Auch mit Rollstuhl, "
            "Rollator oder Kinderwagen."
        ),
        _("Der Ort ist ohne Stufen erreichbar."),
    ),
    Feature(
        "accessible_toilet",
        "accessible_toilet",
        _("Barrierefreie Toilette"),
        _("Es gibt eine Toilette, die man mit Rollstuhl benutzen kann, mit Haltegriffen und genug Platz."),
        _("Es gibt eine barrierefreie Toilette."),
    ),
    Feature(
        "public_transport",
        "public_transport",
        _("Mit Bus und Bahn erreichbar"),
        _(
            "Eine Haltestelle ist nicht weiter als etwa 500 Meter entfernt und wird auch zu der Zeit "
            "angefahren."
        ),
        _("Der Ort ist gut mit Bus und Bahn erreichbar."),
    ),
    Feature(
        "parking",
        "parking",
        _("Parkplatz"),
        _("Man kann am Ort oder direkt daneben parken."),
        _("Es gibt Parkplätze am Ort."),
    ),
    Feature(
        "quiet_place",
        "quiet_place",
        _("Ruhiger Ort"),
        _("Es gibt einen ruhigen Raum oder eine Ecke für Pausen, ohne Lärm und Gedränge."),
        _("Es gibt einen ruhigen Ort für Pausen."),
    ),
    Feature(
        "sign_language",
        "sign_language",
        _("Gebärdensprache"),
        _(
            "Jemand im Team spricht Deutsche Gebärdensprache, oder Sie sorgen für eine Dolmetscherin oder "
            "einen Dolmetscher."
        ),
        _("Verständigung in Deutscher Gebärdensprache ist möglich."),
    ),
    Feature(
        "easy_language",
        "easy_language",
        _("Leichte Sprache"),
        _("Sie erklären die Aufgaben in kurzen, einfachen Sätzen, auch schriftlich."),
        _("Die Aufgaben werden in Leichter Sprache erklärt."),
    ),
    Feature(
        "expenses_paid",
        "offers_expense_allowance",
        _("Auslagen werden erstattet"),
        _(
            "Fahrtkosten und andere Auslagen zahlt der Verein zurück, oder es gibt eine "
            "Aufwandsentschädigung."
        ),
        _("Fahrtkosten und Auslagen werden erstattet."),
    ),
    Feature(
        "no_german_needed",
        "no_german_needed",
        _("Deutsch nicht nötig"),
        _("Man kann mitmachen, auch wenn man wenig oder kein Deutsch spricht."),
        _("Sie können auch ohne Deutschkenntnisse mitmachen."),
    ),
    Feature(
        "little_time",
        "little_time",
        _("Auch mit wenig Zeit"),
        _("Schon eine oder zwei Stunden im Monat helfen, oder man macht nur einmal mit."),
        _("Sie können auch mit wenig Zeit mitmachen."),
    ),
    Feature(
        "no_experience",
        "no_experience_needed",
        _("Keine Vorkenntnisse nötig"),
        _("Man braucht keine Erfahrung und keine Ausbildung; Sie zeigen alles, was nötig ist."),
        _("Sie brauchen keine Vorkenntnisse."),
    ),
)
BY_SLUG = {feature.slug: feature for feature in FEATURES}
FIELDS = tuple(feature.field for feature in FEATURES)
CHOICES = [(feature.slug, feature.label) for feature in FEATURES]


def predicate(slug: str) -> Q:
    """The offers that promise the feature `slug`: the one condition the filter and its count use."""
    return Q(**{BY_SLUG[slug].field: True})


def promised(page) -> list[Feature]:
    """The features an offer promises, in the vocabulary's order."""
    return [feature for feature in FEATURES if getattr(page, feature.field)]


def slugs(page) -> list[str]:
    return [feature.slug for feature in promised(page)]


def model_field(name: str) -> models.BooleanField:
    """The yes/no field of the feature stored in column `name`, labelled and explained as above."""
    feature = next(feature for feature in FEATURES if feature.field == name)
    return models.BooleanField(feature.label, default=False, help_text=feature.help_text)
