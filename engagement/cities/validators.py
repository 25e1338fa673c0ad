import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

POSTCODE_RE = re.compile(r"^\d{5}$")
HEX_COLOUR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")


def parse_postcodes(value: str) -> list[str]:
    """ "76530, 76532 76534" → ["76530", "76532", "76534"]."""
    return [part for part in re.split(r"[\s,;]+", value or "") if part]


def validate_postcode_list(value: str) -> None:
    postcodes = parse_postcodes(value)
    if not postcodes:
        raise ValidationError(_("Bitte geben Sie mindestens eine Postleitzahl an."))
    invalid = [code for code in postcodes if not POSTCODE_RE.match(code)]
    if invalid:
        raise ValidationError(
            _("Eine Postleitzahl hat fünf Ziffern. Bitte prüfen Sie: %(codes)s"),
            params={"codes": ", ".join(invalid)},
        )


def validate_hex_colour(value: str) -> None:
    if value and not HEX_COLOUR_RE.match(value):
        raise ValidationError(_("Bitte geben Sie eine Farbe im Format #1a2b3c an."))
