"""Synthetic opportunities in bulk, for benchmarks (`manage.py seed_bench --opportunities N`).

Creating pages one by one through Wagtail costs tens of milliseconds each. Here the page tree rows are
written in batches: paths are computed the way treebeard would, the page and opportunity tables are
filled with bulk inserts, and the search index is fed per batch. Bench pages carry no revisions.
"""

import random
from itertools import islice

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models.sql import InsertQuery
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from engagement.cities.models import CityPage
from engagement.geo.geocoders import get_geocoder
from engagement.opportunities.models import OpportunityPage
from engagement.opportunities.search_columns import refresh_search_columns
from engagement.organisations.models import Organisation
from engagement.taxonomy.models import Category

WORDS = (
    "Lesepat:in Hausaufgabenhilfe Kinderbetreuung Hundebetreuung Besuchsdienst Fahrdienst Gartenpflege "
    "Sprachcafé Repair-Café Vereinsfest Übungsleitung Seniorentreff Kleiderkammer Tafel Naturschutz "
    "Streuobstwiese Bücherei Museumsdienst Stadtführung Chorprobe Jugendtreff Flüchtlingshilfe Nachhilfe"
).split()
ORGANISATIONS_PER_CITY_SHARE = 20  # one organisation per 20 opportunities


def seed_bench(count: int, batch_size: int = 1000, progress=None, index_progress=None):
    cities = list(CityPage.objects.live().order_by("pk"))
    if not cities:
        raise RuntimeError(
            "Keine Stadt vorhanden. Bitte zuerst `manage.py load_demo` oder `setup_city` ausführen."
        )
    if connection.vendor == "sqlite":
        batch_size = min(batch_size, 400)  # SQLite allows at most 32 766 parameters per statement
    rng = random.Random(count)
    organisations = _organisations(cities, max(1, count // ORGANISATIONS_PER_CITY_SHARE), rng)
    category_ids = list(Category.objects.values_list("pk", flat=True))
    content_type = ContentType.objects.get_for_model(OpportunityPage)
    locale = Locale.get_default()
    numbering = {city.pk: _last_child_number(city) for city in cities}
    centres = {code: get_geocoder().geocode(code) for city in cities for code in city.postcode_list}
    made = batches = 0
    created_ids = []
    remaining = iter(range(count))
    while batch := list(islice(remaining, batch_size)):
        with transaction.atomic():
            pages = [
                _page(
                    cities[index % len(cities)], numbering, organisations, centres, content_type, locale, rng
                )
                for index in batch
            ]
            _insert(pages)
            _add_categories(pages, category_ids, rng)
            refresh_search_columns(page.pk for page in pages)  # bulk inserts send no signals
            for city in cities:
                Page.objects.filter(pk=city.pk).update(numchild=numbering[city.pk])
        made += len(pages)
        created_ids.extend(page.pk for page in pages)
        batches += 1
        if batches & (batches - 1) == 0:
            _refresh_statistics()
        if progress:
            progress(len(pages))
    _index(created_ids, index_progress)
    return made


def _refresh_statistics():
    """Let PostgreSQL's planner see how big the tables have become (after batches 1, 2, 4, 8, …).

    Without it the foreign-key checks keep the plan made for a nearly empty page table, a sequential
    scan, and each batch gets slower than the last.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for model in (Page, OpportunityPage, Organisation):
                cursor.execute(f"ANALYZE {model._meta.db_table}")


def _index(page_ids, progress=None, chunk_size=10_000):
    """Feed the search index in large chunks: the PostgreSQL backend rescans its whole index table
    after every call (to refresh title norms), so many small calls would cost quadratic time."""
    backend = get_search_backend()
    for start in range(0, len(page_ids), chunk_size):
        chunk = page_ids[start : start + chunk_size]
        objects = (
            OpportunityPage.objects.filter(pk__in=chunk)
            .select_related("organisation")
            .prefetch_related("categories", "activities")
        )
        backend.add_bulk(OpportunityPage, list(objects))
        if progress:
            progress(len(chunk))


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


def _page(city, numbering, organisations, centres, content_type, locale, rng):
    numbering[city.pk] += 1
    number = numbering[city.pk]
    title = f"{rng.choice(WORDS)} {rng.choice(WORDS)} #{number}"
    slug = f"bench-{number}"
    schedule = rng.choice(OpportunityPage.ScheduleKind.values)
    postcode = rng.choice(city.postcode_list)
    now = timezone.now()
    is_remote = rng.random() < 0.1
    centre = centres[postcode]
    # Spread points over about ±8 km around the postcode's centre.
    latitude = None if is_remote or not centre else centre.latitude + rng.uniform(-0.07, 0.07)
    longitude = None if is_remote or not centre else centre.longitude + rng.uniform(-0.1, 0.1)
    one_off = schedule == OpportunityPage.ScheduleKind.ONE_OFF
    event_start = now + timezone.timedelta(days=rng.randint(1, 200)) if one_off else None
    return OpportunityPage(
        title=title,
        draft_title=title,
        slug=slug,
        content_type=content_type,
        locale=locale,
        path=city.path + Page._int2str(number).rjust(Page.steplen, "0"),
        depth=city.depth + 1,
        numchild=0,
        url_path=f"{city.url_path}{slug}/",
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
        teaser=f"Synthetisches Angebot für Lasttests in {city.title}: {title}.",
        description=f"<p>{' '.join(rng.choices(WORDS, k=40))}</p>",
        organisation=rng.choice(organisations[city.pk]),
        city=city,
        schedule_kind=schedule,
        rhythm="wöchentlich" if schedule == OpportunityPage.ScheduleKind.REGULAR else "",
        event_start=event_start,
        event_end=event_start + timezone.timedelta(hours=3) if event_start else None,
        is_remote=is_remote,
        postcode="" if is_remote else postcode,
        place="" if is_remote else city.title,
        latitude=latitude,
        longitude=longitude,
        volunteers_needed=rng.randint(1, 20),
        recruitment_status=rng.choice(OpportunityPage.RecruitmentStatus.values),
        minimum_age=rng.choice([None, None, 14, 16, 18]),
        requires_extended_certificate=rng.random() < 0.3,
        barrier_free=rng.random() < 0.4,
    )


def _insert(pages):
    """Insert into wagtailcore_page, then the opportunity table (bulk_create refuses multi-table models)."""
    Page.objects.bulk_create(pages)  # fills page.pk on PostgreSQL and SQLite
    for page in pages:
        page.page_ptr_id = page.id
    query = InsertQuery(OpportunityPage)
    query.insert_values(OpportunityPage._meta.local_concrete_fields, pages)
    query.get_compiler(connection=connection).execute_sql(returning_fields=None)


def _add_categories(pages, category_ids, rng):
    through = OpportunityPage.categories.through
    through.objects.bulk_create(
        through(opportunitypage_id=page.pk, category_id=category_id)
        for page in pages
        for category_id in rng.sample(category_ids, k=rng.randint(1, 2))
    )
