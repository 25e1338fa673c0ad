import re

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
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


# White text on the accent colour (header, buttons) needs WCAG 1.4.3's 4.5:1.
MINIMUM_CONTRAST_WITH_WHITE = 4.5


def contrast_with_white(colour: str) -> float:
    """WCAG 2.1 contrast ratio of white against a #rrggbb colour."""

    def channel(hex_pair: str) -> float:
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return 1.05 / (luminance + 0.05)


def validate_hex_colour(value: str) -> None:
    """An accent colour: #rrggbb, dark enough for white text on it."""
    if not value:
        return
    if not HEX_COLOUR_RE.match(value):
        raise ValidationError(_("Bitte geben Sie eine Farbe im Format #1a2b3c an."))
    ratio = contrast_with_white(value)
    if ratio < MINIMUM_CONTRAST_WITH_WHITE:
        raise ValidationError(
            _(
                "Diese Farbe ist zu hell: Weiße Schrift darauf hat nur einen Kontrast von %(ratio)s:1, "
                "nötig sind mindestens 4,5:1. Bitte wählen Sie eine dunklere Farbe."
            )
            % {"ratio": number_format(round(ratio, 2), decimal_pos=2)}
        )
