"""`near` as coordinates: "48.935,8.404" from the button "Meinen Standort verwenden".

The browser's position goes only to our own server, inside the ordinary search request; the script
rounds it to three decimals (about 100 m) first. Both numbers need a decimal point, so neither a
postcode ("76275") nor a German decimal ("48,9") is mistaken for coordinates.
"""

import re

COORDINATES_RE = re.compile(r"^\s*(-?\d{1,3}\.\d+)\s*[,;]\s*(-?\d{1,3}\.\d+)\s*$")


class CoordinatesOutOfRange(ValueError):
    """Looks like latitude,longitude but is no point on earth."""


def parse_coordinates(text: str) -> tuple[float, float] | None:
    """(latitude, longitude) for "lat,lon", None for anything else (a place or postcode)."""
    match = COORDINATES_RE.match(text or "")
    if match is None:
        return None
    latitude, longitude = float(match.group(1)), float(match.group(2))
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise CoordinatesOutOfRange(text)
    return latitude, longitude
