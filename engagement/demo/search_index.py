"""Search index rows for many pages in one statement per batch, as Wagtail's PostgreSQL backend writes them.

The backend (modelsearch, `PostgresIndex.add_items`) builds every row in Python: for each object it walks
the model's `search_fields`, turns each value into a Django `SearchVector` expression and compiles it, and
after every call it recomputes `title_norm` by scanning its whole table. For the benchmark's million
pages that is hours of Python. `BulkSearchIndex` writes the same rows from the tables themselves:
one `INSERT … SELECT` per batch builds the same `tsvector`s in PostgreSQL (the same configuration, the
same weights from the backend's own `get_weight`, the values concatenated in the order of
`search_fields`, related objects in their model's ordering), the same plain texts for fuzzy search and
the same `title_norm` the backend's refresh would give after that batch (the mean title length over
the whole table, kept as a running sum instead of a scan).

The SQL follows `search_fields`, so a field added there is indexed here too; a kind of field this writer
cannot express (a method, a non-text column, a StreamField) stops it with an error instead of writing
different rows. Rich text is reduced to text as Wagtail does (`get_text_for_indexing`), except that
HTML entities stay as written: the benchmark's texts contain none. A test compares the rows with the
backend's own for seeded pages (tests/demo/test_seed_bench.py).

PostgreSQL only; other databases use the backend itself (`backend.add_bulk`).
"""

from django.db import connection, models
from modelsearch import index
from modelsearch.backends.database.postgres.postgres import IndexEntry, PostgresIndex
from modelsearch.backends.database.postgres.weights import get_weight
from modelsearch.utils import get_content_type_pk
from wagtail.fields import RichTextField
from wagtail.search.backends import get_search_backend

# tsvector has a concatenation operator but no aggregate: a temporary one, for the related objects.
CREATE_CONCAT_AGGREGATE = (
    "CREATE OR REPLACE AGGREGATE pg_temp.search_vector_concat(tsvector) "
    "(SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '')"
)
WHITESPACE = r"E' \t\n\r\x0b\x0c'"  # what Python's str.strip() removes (for these texts)


class UnsupportedSearchField(Exception):
    """A search field this writer cannot turn into SQL."""


def _text_sql(field: models.Field, column: str) -> str:
    """The SQL of the text the backend indexes for `column` (SearchField.get_value, prepare_value)."""
    if isinstance(field, RichTextField):
        # wagtail.rich_text.get_text_for_indexing: a space after block ends, <br/> and <hr/>, no tags.
        spaced = f"regexp_replace({column}, '(</(p|h\\d|li|blockquote)>)', '\\1 ', 'gi')"
        spaced = f"regexp_replace({spaced}, '(<(br|hr)\\s*/>)', '\\1 ', 'gi')"
        return f"regexp_replace({spaced}, '<[^>]*>', '', 'g')"
    if isinstance(field, models.CharField | models.TextField) and not hasattr(
        field, "get_searchable_content"
    ):
        return column
    raise UnsupportedSearchField(f"{field.model.__name__}.{field.name}: {type(field).__name__}")


def _vector(text: str, weight: str, config: str) -> str:
    return f"setweight(to_tsvector(configs.{config}, COALESCE({text}, '')), '{weight}')"


def _plain(text: str) -> str:
    """The text as the backend's title_text/body_text take it: stripped, left out when empty."""
    return f"NULLIF(btrim({text}, {WHITESPACE}), '')"


def _concat_vectors(vectors: list[str]) -> str:
    return " || ".join(vectors) if vectors else "''::tsvector"


def _concat_texts(texts: list[str]) -> str:
    return f"concat_ws(' ', {', '.join(texts)})" if texts else "''"


class _Parts:
    """The (vector, plain text) SQL parts of a row's title, body and autocomplete, in index order."""

    KINDS = ("title", "body", "autocomplete")

    def __init__(self):
        self.title, self.body, self.autocomplete = [], [], []

    def add(self, search_field, text):
        if isinstance(search_field, index.AutocompleteField):
            self.autocomplete.append((_vector(text, "D", "autocomplete"), None))
        elif search_field.field_name == "title":  # as the backend decides, also for related fields
            self.title.append((_vector(text, get_weight(search_field.boost), "search"), _plain(text)))
        else:
            self.body.append((_vector(text, get_weight(search_field.boost), "search"), _plain(text)))


def _searched(related, model):
    """The (search field, model field) pairs of a RelatedFields; refuses what it cannot express."""
    for sub_field in related.fields:
        if isinstance(sub_field, index.SearchField | index.AutocompleteField):
            yield sub_field, model._meta.get_field(sub_field.field_name)
        elif not isinstance(sub_field, index.FilterField):
            raise UnsupportedSearchField(f"{related.field_name}: {sub_field!r}")


def _ordering(model, alias: str) -> str:
    terms = []
    for name in model._meta.ordering or [model._meta.pk.name]:
        column = model._meta.get_field(name.lstrip("-")).column
        terms.append(f'{alias}."{column}"' + (" DESC" if name.startswith("-") else ""))
    return ", ".join(terms)


class BulkSearchIndex:
    """Writes the index rows of `model` for batches of saved objects (by primary key)."""

    table = IndexEntry._meta.db_table

    def __init__(self, model):
        self.model = model
        self.backend = get_search_backend()
        self.bulk = isinstance(self.backend.get_index_for_model(model), PostgresIndex)
        if self.bulk:
            self.sql = self._insert_sql()
            self.content_type_id = get_content_type_pk(model)
            self.lengths = self.titled = None

    def add(self, pks):
        pks = list(pks)
        if not pks:
            return
        if not self.bulk:
            self.backend.add_bulk(self.model, list(self.model.objects.filter(pk__in=pks)))
            return
        with connection.cursor() as cursor:
            if self.lengths is None:
                cursor.execute(CREATE_CONCAT_AGGREGATE)
                # The mean title length of the whole table, as the backend's _refresh_title_norms takes it.
                cursor.execute(
                    f"SELECT COALESCE(sum(length(title)), 0), count(*) FROM {self.table} "
                    "WHERE length(title) > 0"
                )
                self.lengths, self.titled = cursor.fetchone()
            cursor.execute(
                self.sql,
                {
                    "search_config": self.backend.config,
                    "autocomplete_config": self.backend.autocomplete_config,
                    "pks": pks,
                    "content_type_id": self.content_type_id,
                    "lengths": self.lengths,
                    "titled": self.titled,
                },
            )
            lengths, titled = cursor.fetchone()
        self.lengths += lengths
        self.titled += titled

    def _insert_sql(self):
        """One statement: the batch's texts once (rich text reduced once for vector and plain text),
        the related objects of all rows in one grouped pass per relation, then the rows."""
        meta = self.model._meta
        pk = f'base."{meta.pk.column}"'
        tables = [f"{meta.db_table} AS base"]
        aliases = {self.model: "base"}
        for number, parent in enumerate(meta.get_parent_list(), start=1):
            # Multi-table inheritance: every table of the chain holds the same primary key value.
            alias = aliases[parent] = f"parent{number}"
            tables.append(
                f'JOIN {parent._meta.db_table} AS {alias} ON {alias}."{parent._meta.pk.column}" = {pk}'
            )
        texts = []  # SQL of each text on the row, computed once in a materialised CTE
        parts = _Parts()
        groups = []  # one grouped CTE per many-to-many relation

        def column_text(search_field, field, alias):
            texts.append(_text_sql(field, f'{alias}."{field.column}"'))
            parts.add(search_field, f"texts.text{len(texts)}")

        for search_field in self.model.get_search_fields():
            if isinstance(search_field, index.SearchField | index.AutocompleteField):
                field = meta.get_field(search_field.field_name)
                column_text(search_field, field, aliases[field.model])
            elif isinstance(search_field, index.RelatedFields):
                field = meta.get_field(search_field.field_name)
                target = field.related_model
                alias = f"related{len(tables) + len(groups)}"
                if (field.many_to_one or field.one_to_one) and field.concrete:
                    tables.append(
                        f"LEFT JOIN {target._meta.db_table} AS {alias} "
                        f'ON {alias}."{field.target_field.column}" = {aliases[field.model]}."{field.column}"'
                    )
                    for sub_field, target_field in _searched(search_field, target):
                        column_text(sub_field, target_field, alias)
                elif field.many_to_many and field.concrete:
                    groups.append(self._group(field, search_field, alias, parts))
                else:
                    raise UnsupportedSearchField(f"{meta.model_name}.{field.name}: {type(field).__name__}")
        columns = "".join(f",\n           {text} AS text{number}" for number, text in enumerate(texts, 1))
        ctes = "".join(f",\n{alias} AS (\n{sql}\n)" for alias, sql in groups)
        joins = "".join(f"\n    LEFT JOIN {alias} ON {alias}.id = texts.id" for alias, _sql in groups)

        def vectors(kind):
            return _concat_vectors([vector for vector, _text in getattr(parts, kind)])

        def plain(kind):
            return _concat_texts([text for _vector_sql, text in getattr(parts, kind)])

        return f"""
WITH configs AS (
    SELECT %(search_config)s::regconfig AS search, %(autocomplete_config)s::regconfig AS autocomplete
), texts AS MATERIALIZED (
    SELECT {pk} AS id{columns}
    FROM {" ".join(tables)}
    WHERE {pk} = ANY(%(pks)s)
){ctes}, documents AS (
    SELECT texts.id::text AS object_id,
           {vectors("title")} AS title,
           {vectors("autocomplete")} AS autocomplete,
           {vectors("body")} AS body,
           {plain("title")} AS title_text,
           {plain("body")} AS body_text
    FROM configs, texts{joins}
), batch AS (
    SELECT COALESCE(sum(length(title)), 0) AS lengths, count(*) AS titled FROM documents
    WHERE length(title) > 0
), written AS (
    INSERT INTO {self.table}
        (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
    SELECT %(content_type_id)s, object_id, title, autocomplete, body,
           CASE WHEN length(title) > 0
                THEN ((%(lengths)s + batch.lengths)::float8 / (%(titled)s + batch.titled)) / length(title)
                ELSE 1.0 END,
           title_text, body_text
    FROM documents, batch
    ON CONFLICT (content_type_id, object_id)
    DO UPDATE SET title = EXCLUDED.title, title_norm = EXCLUDED.title_norm,
                  autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,
                  title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
)
SELECT lengths, titled FROM batch
"""

    @staticmethod
    def _group(field, related, alias, parts):
        """A CTE with each row's related objects, in their model's ordering (as the backend's
        prefetched `.all()` returns them), each object's fields one after the other; its vectors and
        texts become one part each of the row."""
        target = field.related_model
        through = field.remote_field.through._meta
        objects = _Parts()
        for sub_field, target_field in _searched(related, target):
            objects.add(sub_field, _text_sql(target_field, f'{alias}_object."{target_field.column}"'))
        order = _ordering(target, f"{alias}_object")
        selected = []
        for kind in _Parts.KINDS:
            pieces = getattr(objects, kind)
            if not pieces:
                continue
            vectors = _concat_vectors([vector for vector, _text in pieces])
            selected.append(f"pg_temp.search_vector_concat({vectors} ORDER BY {order}) AS {kind}_vector")
            plain = None
            if kind != "autocomplete":
                per_object = f"NULLIF({_concat_texts([text for _vector_sql, text in pieces])}, '')"
                selected.append(f"string_agg({per_object}, ' ' ORDER BY {order}) AS {kind}_text")
                plain = f"{alias}.{kind}_text"
            getattr(parts, kind).append((f"COALESCE({alias}.{kind}_vector, '')", plain))
        source = f'{alias}_link."{field.m2m_column_name()}"'
        sql = (
            f"    SELECT {source} AS id, {', '.join(selected)}\n"
            f"    FROM configs, {through.db_table} AS {alias}_link\n"
            f"    JOIN {target._meta.db_table} AS {alias}_object "
            f'ON {alias}_object."{target._meta.pk.column}" = {alias}_link."{field.m2m_reverse_name()}"\n'
            f"    WHERE {source} = ANY(%(pks)s)\n"
            f"    GROUP BY {source}"
        )
        return alias, sql
