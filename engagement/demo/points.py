"""Approximate street points for the demo offers, so that the demo shows real distances and a real
"nearest first".

No offline source knows where a street lies (the offline gazetteer knows postcodes and places, and the
online geocoders are not asked by a demo). Each demo offer with a street therefore gets an invented but
plausible point: within ``MAX_OFFSET_KM`` of its postcode's centre, in a direction and at a distance
derived from its address, so every load gives the same point. These points are approximate demo points,
not the real location of the (invented) address; real offers are geocoded by their street address
(engagement/opportunities/tasks.py).
"""

import hashlib
import math

from engagement.geo.distance import KM_PER_DEGREE_LATITUDE
from engagement.geo.geocoders import OfflineGeocoder, address_query

MIN_OFFSET_KM = 0.3
MAX_OFFSET_KM = 2.0


def demo_point(street: str, postcode: str, place: str = "") -> tuple[float, float] | None:
    """A point for the address within MAX_OFFSET_KM of the centre of its postcode (else its place), the
    same for the same address; None without a street or a known centre."""
    if not street.strip():
        return None
    centre = OfflineGeocoder().geocode(address_query("", postcode, place))
    if centre is None:
        return None
    digest = hashlib.sha256(f"{street.strip()}|{postcode}|{place}".encode()).digest()
    angle = int.from_bytes(digest[:4], "big") / 2**32 * 2 * math.pi
    # The square root spreads the points evenly over the disc instead of crowding the centre.
    share = math.sqrt(int.from_bytes(digest[4:8], "big") / 2**32)
    distance = MIN_OFFSET_KM + (MAX_OFFSET_KM - MIN_OFFSET_KM) * share
    north, east = distance * math.cos(angle), distance * math.sin(angle)
    return (
        centre.latitude + north / KM_PER_DEGREE_LATITUDE,
        centre.longitude + east / (KM_PER_DEGREE_LATITUDE * math.cos(math.radians(centre.latitude))),
    )
