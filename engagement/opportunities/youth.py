"""Young volunteers in the search: who may join at a given age, and the search's age choices.

One predicate for the filter, its counts and the finder: an adult may join an offer without an age limit
or with a limit at or below their age; someone under 18 only where the Verein welcomes minors (and
from an age at or below theirs). An offer that says nothing about minors is not shown to them.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

ADULT_AGE = 18
MINORS = "minors"
# `?youth=`: minors welcome at all, or from an age on ("ab 14": a 14-year-old may join).
CHOICES = [
    (MINORS, _("Für Jugendliche unter 18")),
    ("12", _("ab 12 Jahren")),
    ("14", _("ab 14 Jahren")),
    ("16", _("ab 16 Jahren")),
]


def welcomes_age(age: int) -> Q:
    """The offers a person of `age` (whole years) may join."""
    fits = Q(minimum_age__isnull=True) | Q(minimum_age__lte=age)
    if age < ADULT_AGE:
        return Q(minors_welcome=True) & fits
    return fits


def predicate(choice: str) -> Q:
    """The offers of one of CHOICES: the condition the filter and its count share."""
    if choice == MINORS:
        return Q(minors_welcome=True)
    return welcomes_age(int(choice))
