"""A city's accent colour carries white text (header, buttons): it must keep WCAG's 4.5:1."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from engagement.cities.validators import contrast_with_white, validate_hex_colour


@pytest.mark.parametrize("colour", ["#0b5394", "#7a1f2b", "#1e5631", "#767676", "#000000"])
def test_dark_colours_are_accepted(colour):
    validate_hex_colour(colour)


def test_contrast_is_computed_as_wcag_does():
    assert round(contrast_with_white("#767676"), 2) == 4.54
    assert round(contrast_with_white("#000000"), 1) == 21.0


@pytest.mark.parametrize("colour", ["#777777", "#ffcc00", "#ffffff"])
def test_light_colours_are_refused_with_a_plain_german_reason(colour):
    with translation.override("de"), pytest.raises(ValidationError) as error:
        validate_hex_colour(colour)
    assert "Diese Farbe ist zu hell" in error.value.messages[0]
    assert "mindestens 4,5:1" in error.value.messages[0]


def test_ratio_in_the_message_follows_the_language():
    with translation.override("de"), pytest.raises(ValidationError) as error:
        validate_hex_colour("#777777")
    assert "Kontrast von 4,48:1" in error.value.messages[0]


def test_malformed_colours_are_refused():
    with pytest.raises(ValidationError):
        validate_hex_colour("blau")
