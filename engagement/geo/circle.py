"""A circle on the map (a point and a radius): which rows lie inside it, and in which order from its centre.

The one place of the search's geometry: the bounding box that lets an index pre-filter, the distance
that decides, and the order nearest first (engagement/geo/nearest.py). It works on any model with
`latitude` and `longitude` columns and knows nothing else about it.
"""

import math
from dataclasses import dataclass

from django.db import connection
from django.db.models import ExpressionWrapper, F, FloatField

from .distance import KM_PER_DEGREE_LATITUDE, BoundingBox, approximate_km, bounding_box, distance_km
from .nearest import nearest_first


@dataclass(frozen=True)
class Circle:
    origin: tuple[float, float]
    radius_km: float

    @property
    def box(self) -> BoundingBox:
        return bounding_box(self.origin[0], self.origin[1], self.radius_km)

    def distance_km(self, latitude: float, longitude: float) -> float:
        """The exact (geodesic) distance from the centre, as the results show it."""
        return distance_km(self.origin, (latitude, longitude))

    def approximate_km(self, latitude: float, longitude: float) -> float:
        """The distance the radius filter computes (equirectangular): for ordering many rows."""
        return approximate_km(self.origin, (latitude, longitude))

    def filter(self, queryset, box=True):
        """Rows within the circle: the bounding box on the indexed coordinates first (unless `box` is
        false), then the distance (equirectangular, in km; exact enough within 100 km). The alias
        `nearness` orders nearest first; on PostgreSQL an index serves it (nearest.py), which PostgreSQL
        only walks when no box offers it the rows to sort instead (see search/results.py)."""
        if box:
            corners = self.box
            queryset = queryset.filter(
                latitude__range=(corners.min_latitude, corners.max_latitude),
                longitude__range=(corners.min_longitude, corners.max_longitude),
            )
        latitude, longitude = self.origin
        north = (F("latitude") - latitude) * KM_PER_DEGREE_LATITUDE
        east = (F("longitude") - longitude) * KM_PER_DEGREE_LATITUDE * math.cos(math.radians(latitude))
        distance_sq = ExpressionWrapper(north * north + east * east, output_field=FloatField())
        return (
            queryset.alias(distance_sq=distance_sq)
            .filter(distance_sq__lte=self.radius_km**2)
            .alias(nearness=nearest_first(self.origin, distance_sq, connection))
        )
