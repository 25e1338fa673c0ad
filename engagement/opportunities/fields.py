"""A set of ids kept on the row itself, so that a filter on it is a condition on one table."""

from django.db import models
from django.db.models import Lookup

# The expression of the GIN index `opportunity_category_ids` (migration 0008). A query must spell the
# same expression for PostgreSQL to answer it from the index.
POSTGRES_ID_ARRAY = "string_to_array({column}, ' ')::integer[]"


class IdSetField(models.TextField):
    """Ids in ascending order, separated by single spaces ("3 6 11"); empty for none.

    Text rather than PostgreSQL's array type, so that the same model migrates on SQLite (the embedded
    default). Written by code only (`ids_text`), never by a form.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", "")
        kwargs.setdefault("blank", True)
        kwargs.setdefault("editable", False)
        super().__init__(*args, **kwargs)


def ids_text(ids):
    """The stored form of `ids`."""
    return " ".join(str(pk) for pk in sorted(set(ids)))


@IdSetField.register_lookup
class Overlaps(Lookup):
    """`category_ids__overlaps=[3, 6]`: the row holds at least one of these ids.

    PostgreSQL: the overlap (`&&`) of integer arrays, answered by the GIN index. Elsewhere: one LIKE
    per id on the text padded with spaces (" 3 6 11 " LIKE "% 6 %"), which a table scan answers.
    """

    lookup_name = "overlaps"
    prepare_rhs = False

    def ids(self):
        return [int(pk) for pk in self.rhs]

    def as_sql(self, compiler, connection):
        column, params = self.process_lhs(compiler, connection)
        ids = self.ids()
        if not ids:
            return "1 = 0", []
        # The parameters of the column (none for a plain column) repeat with each condition.
        conditions = [f"(' ' || {column} || ' ') LIKE %s" for _ in ids]
        return "(" + " OR ".join(conditions) + ")", [value for pk in ids for value in (*params, f"% {pk} %")]

    def as_postgresql(self, compiler, connection):
        column, params = self.process_lhs(compiler, connection)
        return f"{POSTGRES_ID_ARRAY.format(column=column)} && %s::integer[]", [*params, self.ids()]


@IdSetField.register_lookup
class ContainsAll(Overlaps):
    """`category_ids__contains=[3, 6]`: the row holds all of these ids (PostgreSQL: `@>`, answered by the
    GIN index; elsewhere one LIKE per id, all of them)."""

    lookup_name = "contains"

    def as_sql(self, compiler, connection):
        column, params = self.process_lhs(compiler, connection)
        ids = self.ids()
        if not ids:
            return "1 = 1", []
        conditions = [f"(' ' || {column} || ' ') LIKE %s" for _ in ids]
        return "(" + " AND ".join(conditions) + ")", [value for pk in ids for value in (*params, f"% {pk} %")]

    def as_postgresql(self, compiler, connection):
        column, params = self.process_lhs(compiler, connection)
        return f"{POSTGRES_ID_ARRAY.format(column=column)} @> %s::integer[]", [*params, self.ids()]
