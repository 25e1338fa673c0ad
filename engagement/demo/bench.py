"""Synthetic opportunities in bulk, for benchmarks (`manage.py seed_bench --opportunities N`).

Creating pages one by one through Wagtail costs tens of milliseconds each, and even Django's
`bulk_create` spends most of a batch preparing each value of each field in Python. Here each page is a
row of plain values: paths are computed the way treebeard would, ids are taken from the page table's
sequence, every column the model has is filled (the constant ones once, from an unsaved page and its
fields' defaults), and each batch goes to PostgreSQL with `COPY` (elsewhere: one multi-row INSERT per
table). Each batch's search index rows follow in one statement (`search_index.BulkSearchIndex`, the rows
Wagtail's backend would write). Every column a save would derive is set before the insert:
`search_text` and `category_ids` by the model's own `search_columns`. Bench pages carry no revisions,
no reference index rows (only the admin's "usage" views read them) and no freshness rows (an
opportunity without one counts as confirmed when it was published, as after a normal publish).
"""

import random
import uuid
from itertools import islice

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from engagement.cities.models import CityPage
from engagement.geo.geocoders import get_geocoder
from engagement.opportunities.models import OpportunityPage, search_columns
from engagement.opportunities.stats import recount_listed
from engagement.organisations.models import Organisation
from engagement.taxonomy.models import Category

from .search_index import BulkSearchIndex

WORDS = (
    "Lesepat:in Hausaufgabenhilfe Kinderbetreuung Hundebetreuung Besuchsdienst Fahrdienst Gartenpflege "
    "Sprachcafé Repair-Café Vereinsfest Übungsleitung Seniorentreff Kleiderkammer Tafel Naturschutz "
    "Streuobstwiese Bücherei Museumsdienst Stadtführung Chorprobe Jugendtreff Flüchtlingshilfe Nachhilfe"
).split()
ORGANISATIONS_PER_CITY_SHARE = 20  # one organisation per 20 opportunities
CATEGORY_LINKS = OpportunityPage.categories.through


def seed_bench(count: int, batch_size: int = 2000, progress=None):
    cities = list(CityPage.objects.live().order_by("pk"))
    if not cities:
        raise RuntimeError(
            "Keine Stadt vorhanden. Bitte zuerst `manage.py load_demo` oder `setup_city` ausführen."
        )
    rng = random.Random(count)
    organisations = _organisations(cities, max(1, count // ORGANISATIONS_PER_CITY_SHARE), rng)
    categories = list(Category.objects.all())  # in the model's ordering
    numbering = {city.pk: _last_child_number(city) for city in cities}
    centres = {code: get_geocoder().geocode(code) for city in cities for code in city.postcode_list}
    now = timezone.now()
    rows = _Rows(ContentType.objects.get_for_model(OpportunityPage), Locale.get_default(), now)
    search_index = BulkSearchIndex(OpportunityPage)
    made = batches = 0
    remaining = iter(range(count))
    while batch := list(islice(remaining, batch_size)):
        with transaction.atomic():
            pages, opportunities, links = [], [], []
            for page_id, index in zip(_reserve_page_ids(len(batch)), batch, strict=True):
                city = cities[index % len(cities)]
                page, opportunity, page_links = _page(
                    page_id, city, numbering, organisations, centres, categories, rows, rng, now
                )
                pages.append(page)
                opportunities.append(opportunity)
                links.extend(page_links)
            _write(Page, rows.page_fields, pages)
            _write(OpportunityPage, rows.opportunity_fields, opportunities)
            _write(CATEGORY_LINKS, rows.link_fields, links)
            search_index.add(page[0] for page in pages)
            for city in cities:
                Page.objects.filter(pk=city.pk).update(numchild=numbering[city.pk])
        made += len(pages)
        batches += 1
        if batches & (batches - 1) == 0:
            _refresh_row_counts()
        if progress:
            progress(len(pages))
    recount_listed()  # the rows were written around the signals that keep the portal's counts
    _refresh_statistics()
    return made


class _Rows:
    """Column order and constant values of the page, opportunity and category link tables.

    The constants come from an unsaved page and its fields' own defaults, prepared by the fields for
    this database, so a column added to the model is filled here without a change.
    """

    def __init__(self, content_type, locale, now):
        template = OpportunityPage(
            content_type=content_type,
            locale=locale,
            live=True,
            has_unpublished_changes=False,
            first_published_at=now,
            last_published_at=now,
            numchild=0,
        )
        self.page_fields = Page._meta.local_concrete_fields
        self.opportunity_fields = OpportunityPage._meta.local_concrete_fields
        self.link_fields = [CATEGORY_LINKS._meta.get_field(name) for name in ("opportunitypage", "category")]
        self.page_defaults = self._defaults(template, self.page_fields)
        self.opportunity_defaults = self._defaults(template, self.opportunity_fields)

    @staticmethod
    def _defaults(template, fields):
        return [
            (
                field.attname,
                field if field.has_default() and callable(field.default) else None,
                field.get_db_prep_save(getattr(template, field.attname), connection),
            )
            for field in fields
        ]

    def page(self, values):
        return self._row(self.page_defaults, values)

    def opportunity(self, values):
        return self._row(self.opportunity_defaults, values)

    @staticmethod
    def _row(defaults, values):
        return tuple(
            values[name] if name in values else field.get_default() if field else default
            for name, field, default in defaults
        )


def _reserve_page_ids(count):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [Page._meta.db_table, count],
            )
            return [row[0] for row in cursor.fetchall()]
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {Page._meta.db_table}")  # one writer: SQLite
        start = cursor.fetchone()[0] + 1
        return list(range(start, start + count))


def _write(model, fields, rows):
    """All rows into the model's own table: COPY on PostgreSQL, multi-row INSERTs elsewhere."""
    table = model._meta.db_table
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        # The values as each field stores them here (dates as text on SQLite, for example).
        prepared = [
            [field.get_db_prep_save(value, connection) for field, value in zip(fields, row, strict=True)]
            for row in rows
        ]
        per_statement = max(1, 30_000 // len(fields))  # SQLite allows at most 32 766 parameters
        placeholders = "(" + ", ".join(["%s"] * len(fields)) + ")"
        for start in range(0, len(prepared), per_statement):
            chunk = prepared[start : start + per_statement]
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES {', '.join([placeholders] * len(chunk))}",
                [value for row in chunk for value in row],
            )


def _refresh_row_counts():
    """Let PostgreSQL's planner see how big the tables have become (after batches 1, 2, 4, 8, …).

    Without it the foreign-key checks keep the plan made for a nearly empty page table, a sequential
    scan, and each batch gets slower than the last. The primary key alone is enough for that and
    cheap; the statistics of every column follow once at the end.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for model in (Page, OpportunityPage, Organisation):
                cursor.execute(f"ANALYZE {model._meta.db_table} ({model._meta.pk.column})")


def _refresh_statistics():
    """Statistics of every column, and (outside a transaction) the visibility map, as autovacuum keeps
    them on a live site: without it, freshly written rows count as possibly invisible, and every
    index-only scan (the facet counts, the capped counts) visits the table for each row."""
    if connection.vendor == "postgresql":
        command = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"  # VACUUM: no transaction
        with connection.cursor() as cursor:
            for model in (Page, OpportunityPage, Organisation, CATEGORY_LINKS):
                cursor.execute(f"{command} {model._meta.db_table}")
            cursor.execute(f"{command} {BulkSearchIndex.table}")


def _organisations(cities, count, rng):
    existing = list(Organisation.objects.filter(slug__startswith="bench-").select_related("home_city"))
    missing = count - len(existing)
    if missing > 0:
        start = len(existing)
        Organisation.objects.bulk_create(
            Organisation(
                name=f"Bench-Verein {number}",
                slug=f"bench-{number}",
                home_city=cities[number % len(cities)],
                verification_state=Organisation.VerificationState.VERIFIED,
                description="Synthetische Organisation für Lasttests.",
            )
            for number in range(start, start + missing)
        )
        existing = list(Organisation.objects.filter(slug__startswith="bench-").select_related("home_city"))
    by_city = {}
    for organisation in existing:
        by_city.setdefault(organisation.home_city_id, []).append(organisation)
    return by_city


def _last_child_number(city):
    last = city.get_last_child()
    return Page._str2int(last.path[-Page.steplen :]) if last else 0


def _page(page_id, city, numbering, organisations, centres, categories, rows, rng, now):
    """One opportunity: its page row, its opportunity row and its category link rows.

    First published at some moment of the past year (as on a site that has grown: one moment for all
    would make "newest first" a tie of every row, which PostgreSQL sorts in full to break by id), last
    published now (confirmed, so that no reminder or expiry of freshness applies)."""
    numbering[city.pk] += 1
    number = numbering[city.pk]
    title = f"{rng.choice(WORDS)} {rng.choice(WORDS)} #{number}"
    slug = f"bench-{number}"
    teaser = f"Synthetisches Angebot für Lasttests in {city.title}: {title}."
    schedule = rng.choice(OpportunityPage.ScheduleKind.values)
    postcode = rng.choice(city.postcode_list)
    is_remote = rng.random() < 0.1
    centre = centres[postcode]
    # Spread points over about ±8 km around the postcode's centre.
    latitude = None if is_remote or not centre else centre.latitude + rng.uniform(-0.07, 0.07)
    longitude = None if is_remote or not centre else centre.longitude + rng.uniform(-0.1, 0.1)
    one_off = schedule == OpportunityPage.ScheduleKind.ONE_OFF
    event_start = timezone.now() + timezone.timedelta(days=rng.randint(1, 200)) if one_off else None
    # In the categories' own ordering, as `page.categories.all()` returns them.
    chosen = [categories[i] for i in sorted(rng.sample(range(len(categories)), k=rng.randint(1, 2)))]
    search_text, category_ids = search_columns(title, teaser, chosen)
    page = rows.page(
        {
            "id": page_id,
            "title": title,
            "draft_title": title,
            "slug": slug,
            "path": city.path + Page._int2str(number).rjust(Page.steplen, "0"),
            "depth": city.depth + 1,
            "url_path": f"{city.url_path}{slug}/",
            "translation_key": uuid.uuid4(),
            "first_published_at": now - timezone.timedelta(seconds=rng.randint(60, 365 * 24 * 3600)),
        }
    )
    opportunity = rows.opportunity(
        {
            "page_ptr_id": page_id,
            "teaser": teaser,
            "description": f"<p>{' '.join(rng.choices(WORDS, k=40))}</p>",
            "organisation_id": rng.choice(organisations[city.pk]).pk,
            "city_id": city.pk,
            "schedule_kind": schedule,
            "rhythm": "wöchentlich" if schedule == OpportunityPage.ScheduleKind.REGULAR else "",
            "event_start": event_start,
            "event_end": event_start + timezone.timedelta(hours=3) if event_start else None,
            "is_remote": is_remote,
            "postcode": "" if is_remote else postcode,
            "place": "" if is_remote else city.title,
            "latitude": latitude,
            "longitude": longitude,
            "volunteers_needed": rng.randint(1, 20),
            "recruitment_status": rng.choice(OpportunityPage.RecruitmentStatus.values),
            "minimum_age": (minimum_age := rng.choice([None, None, 14, 16, 18])),
            "minors_welcome": minimum_age is not None and minimum_age < 18,
            "requires_extended_certificate": rng.random() < 0.3,
            "step_free_access": rng.random() < 0.4,
            "public_transport": rng.random() < 0.6,
            "no_experience_needed": rng.random() < 0.5,
            "search_text": search_text,
            "category_ids": category_ids,
        }
    )
    return page, opportunity, [(page_id, category.pk) for category in chosen]
