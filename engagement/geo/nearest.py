"""Ordering by distance that PostgreSQL can answer from an index ("the 20 nearest"), not by sorting.

Sorting a radius by a distance computed per row reads every row in the circle: about 30 000 of the
100 000 benchmark opportunities lie within 10 km of Ettlingen. PostgreSQL's GiST indexes answer
``ORDER BY <distance> LIMIT n`` by walking outwards from the origin ("k nearest neighbours"), so a page
costs the same however many rows the circle holds.

The index (migration ``opportunities/0007_nearest_index``, PostgreSQL only, extension ``cube``, which
ships with PostgreSQL and is trusted, so the database owner may create it) is on each opportunity's
point on the unit sphere, ``cube(ARRAY[x, y, z])``. The straight-line (chord) distance between two
such points grows strictly with the distance along the earth's surface, so ordering by the chord is
ordering by the real distance, everywhere on earth and without the distortion of treating degrees as
a flat grid. (PostGIS would do the same with more machinery; the cube extension is part of
PostgreSQL's contrib package, which every PostgreSQL installation here already has.)

The SQL of ``SpherePoint`` must stay exactly that of the index, or PostgreSQL cannot match them.
Other databases (the embedded SQLite default) sort by the planar distance that the radius filter
computes anyway.
"""

import math

from django.db.models import Expression, F, FloatField

SPHERE_POINT_SQL = (
    "cube(ARRAY[cos(radians({lat})) * cos(radians({lng})), "
    "cos(radians({lat})) * sin(radians({lng})), sin(radians({lat}))])"
)


def sphere_point(latitude: float, longitude: float) -> tuple[float, float, float]:
    """(x, y, z) of a coordinate on the unit sphere."""
    lat, lng = math.radians(latitude), math.radians(longitude)
    return (math.cos(lat) * math.cos(lng), math.cos(lat) * math.sin(lng), math.sin(lat))


class ChordDistance(Expression):
    """Distance through the unit sphere from a row's coordinates to `origin`: PostgreSQL only, ordered
    by the GiST index of ``opportunities/0007_nearest_index``."""

    output_field = FloatField()

    def __init__(self, origin: tuple[float, float], latitude="latitude", longitude="longitude"):
        super().__init__()
        self.origin = origin
        self.latitude, self.longitude = F(latitude), F(longitude)

    def get_source_expressions(self):
        return [self.latitude, self.longitude]

    def set_source_expressions(self, expressions):
        self.latitude, self.longitude = expressions

    def as_sql(self, compiler, connection):
        lat_sql, lat_params = compiler.compile(self.latitude)
        lng_sql, lng_params = compiler.compile(self.longitude)
        if lat_params or lng_params:  # the index is on the columns themselves
            raise ValueError("ChordDistance orders by columns, not by computed values.")
        point = SPHERE_POINT_SQL.format(lat=lat_sql, lng=lng_sql)
        return f"({point} <-> cube(ARRAY[%s, %s, %s]::float8[]))", list(sphere_point(*self.origin))

    def __repr__(self):
        return f"ChordDistance({self.origin!r})"


def nearest_first(origin: tuple[float, float], planar_distance: Expression, connection) -> Expression:
    """The expression to order rows by, nearest to `origin` first: the indexed chord distance on
    PostgreSQL, elsewhere `planar_distance` (fine within a radius of 100 km)."""
    if connection.vendor == "postgresql":
        return ChordDistance(origin)
    return planar_distance
