"""How many opportunities are online per city and per topic: the portal's counts, kept up to date.

The counts live in a small table (`ListedCount`, a row per city and topic) that `sync_counts` changes by
the difference whenever an offer may have entered or left the listing: publish, unpublish (moderation and
the daily sweeps publish and unpublish too), deletion, a move, a change of topics, of the organisation's
state or of a view restriction. `CountedOpportunity` remembers how each offer is counted, so a second
call changes nothing. Offers that end by date or time leave the counts when their moment has passed
(`until`, checked by the first read after it). So a public page never scans the offers; the daily
`recount_listed` recomputes everything exactly and repairs any drift.
"""

import datetime as dt
from collections import Counter

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Min
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import CountedOpportunity, ListedCount, OpportunityPage

CACHE_SECONDS = 300
CACHE_KEY = "opportunities:listed-counts:v2"
ALL_TOPICS = 0  # ListedCount.category_id of a city's total
# The row (city 0, topic 0) says the counts have been computed at least once (a new installation or a
# new database computes them at its first read).
COUNTED = (0, ALL_TOPICS)
LISTING_FIELDS = (
    "pk",
    "city_id",
    "category_ids",
    "end_date",
    "application_deadline",
    "schedule_kind",
    "event_start",
    "event_end",
)


def _listed_until(end_date, application_deadline, schedule_kind, event_start, event_end):
    """The moment the offer leaves `OpportunityQuerySet.listed()` by itself (None: not by time)."""
    moments = [
        timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min))
        for day in (end_date, application_deadline)
        if day is not None
    ]
    if schedule_kind == OpportunityPage.ScheduleKind.ONE_OFF:
        moment = event_end if event_end is not None else event_start
        if moment is not None:
            moments.append(moment)
    return min(moments, default=None)


def _keys(city_id, category_ids):
    return [(city_id, ALL_TOPICS)] + [(city_id, int(c)) for c in (category_ids or "").split()]


def _add(deltas: Counter):
    # In a fixed order, so that two offers' changes never wait for each other's rows (no deadlock).
    deltas = {key: n for key, n in sorted(deltas.items()) if n}
    if not deltas:
        return
    table = ListedCount._meta.db_table
    values = ", ".join(["(%s, %s, %s)"] * len(deltas))
    params = [value for (city_id, category_id), n in deltas.items() for value in (city_id, category_id, n)]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (city_id, category_id, n) VALUES {values} "
            f"ON CONFLICT (city_id, category_id) DO UPDATE SET n = {table}.n + excluded.n",
            params,
        )


def sync_counts(page_ids):
    """Bring the counts of these offers in line with whether they are listed now (idempotent)."""
    ids = sorted(set(page_ids))
    if not ids:
        return
    with transaction.atomic():
        # One writer per offer at a time: its row in the page table is the lock.
        list(OpportunityPage.objects.select_for_update(of=("self",)).filter(pk__in=ids).values_list("pk"))
        counted = {row.page_id: row for row in CountedOpportunity.objects.filter(page_id__in=ids)}
        listed = {
            row[0]: row
            for row in OpportunityPage.objects.listed().filter(pk__in=ids).values_list(*LISTING_FIELDS)
        }
        deltas = Counter()
        gone, fresh = [], []
        for page_id in ids:
            old, new = counted.get(page_id), listed.get(page_id)
            if old is not None:
                if new is not None and (old.city_id, old.category_ids) == (new[1], new[2] or ""):
                    until = _listed_until(*new[3:])
                    if until != old.until:
                        old.until = until
                        old.save(update_fields=["until"])
                    continue
                deltas.subtract(_keys(old.city_id, old.category_ids))
                gone.append(page_id)
            if new is not None:
                deltas.update(_keys(new[1], new[2]))
                fresh.append(CountedOpportunity(page_id, new[1], new[2] or "", _listed_until(*new[3:])))
        CountedOpportunity.objects.filter(page_id__in=gone).delete()
        CountedOpportunity.objects.bulk_create(fresh)
        _add(deltas)
        if deltas or gone or fresh:
            forget_listed_counts()


def recount_listed():
    """Recompute every count and every counted offer exactly from the listing (repairs any drift)."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    f"LOCK TABLE {ListedCount._meta.db_table}, {CountedOpportunity._meta.db_table} "
                    "IN EXCLUSIVE MODE"
                )
        CountedOpportunity.objects.all().delete()
        ListedCount.objects.all().delete()
        rows = (
            OpportunityPage.objects.listed().order_by().values_list(*LISTING_FIELDS).iterator(chunk_size=5000)
        )
        deltas = Counter()
        batch = []
        for row in rows:
            deltas.update(_keys(row[1], row[2]))
            batch.append(CountedOpportunity(row[0], row[1], row[2] or "", _listed_until(*row[3:])))
            if len(batch) >= 5000:
                CountedOpportunity.objects.bulk_create(batch)
                batch = []
        CountedOpportunity.objects.bulk_create(batch)
        deltas[COUNTED] = 0
        ListedCount.objects.bulk_create(
            ListedCount(city_id=city_id, category_id=category_id, n=n)
            for (city_id, category_id), n in deltas.items()
        )
        forget_listed_counts()


def _sweep_ended(now):
    ended = list(CountedOpportunity.objects.filter(until__lte=now).values_list("page_id", flat=True))
    sync_counts(ended)


def _counts_by_city() -> dict[int, dict]:
    """{city_id: {"total": n, "categories": {category_id: n}}} of what citizens can find.

    Read from the maintained counts (a few dozen rows), cached until the next offer ends by time."""
    now = timezone.now()
    cached = cache.get(CACHE_KEY)
    if cached is not None and (cached["ends"] is None or now < cached["ends"]):
        return cached["by_city"]
    _sweep_ended(now)
    rows = list(ListedCount.objects.values_list("city_id", "category_id", "n"))
    if not any((city_id, category_id) == COUNTED for city_id, category_id, _ in rows):
        recount_listed()
        rows = list(ListedCount.objects.values_list("city_id", "category_id", "n"))
    by_city: dict[int, dict] = {}
    for city_id, category_id, n in rows:
        if (city_id, category_id) == COUNTED or n <= 0:
            continue
        counts = by_city.setdefault(city_id, {"total": 0, "categories": {}})
        if category_id == ALL_TOPICS:
            counts["total"] = n
        else:
            counts["categories"][category_id] = n
    ends = CountedOpportunity.objects.aggregate(ends=Min("until"))["ends"]
    cache.set(CACHE_KEY, {"by_city": by_city, "ends": ends}, CACHE_SECONDS)
    return by_city


def listed_counts() -> dict[str, dict[int, int]]:
    """{"cities": {city_id: count}, "categories": {category_id: count}} of what citizens can find."""
    by_city = _counts_by_city()
    return {
        "cities": {city_id: counts["total"] for city_id, counts in by_city.items()},
        "categories": category_counts(),
    }


def category_counts(city=None) -> dict[int, int]:
    """{category_id: count} of what citizens can find, in the whole region or in one city (from the
    same counts as `listed_counts`)."""
    by_city = _counts_by_city()
    if city is not None:
        return dict(by_city.get(city.pk, {}).get("categories", {}))
    total: dict[int, int] = {}
    for counts in by_city.values():
        for category_id, count in counts["categories"].items():
            total[category_id] = total.get(category_id, 0) + count
    return total


def forget_listed_counts():
    """Now, and again after the commit: a request between the two may have read the old state (and
    the page cache would keep the page showing it)."""
    cache.delete(CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))


def sync_counts_of_organisation(organisation_id):
    sync_counts(OpportunityPage.objects.filter(organisation_id=organisation_id).values_list("pk", flat=True))


@receiver(page_published, dispatch_uid="listed_counts_published")
@receiver(page_unpublished, dispatch_uid="listed_counts_unpublished")
def sync_published(sender, instance, **kwargs):
    if issubclass(sender, OpportunityPage):
        sync_counts([instance.pk])


@receiver(post_delete, sender=OpportunityPage, dispatch_uid="listed_counts_deleted")
def sync_deleted(sender, instance, **kwargs):
    sync_counts([instance.pk])


@receiver(post_page_move, dispatch_uid="listed_counts_moved")
def sync_moved(sender, instance, **kwargs):
    if isinstance(instance.specific, OpportunityPage):
        sync_counts([instance.pk])


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="listed_counts_restricted")
@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="listed_counts_unrestricted")
def sync_restricted(sender, instance, **kwargs):
    """A view restriction hides the page and everything below it."""
    path = Page.objects.filter(pk=instance.page_id).values_list("path", flat=True).first()
    if path is not None:
        sync_counts(OpportunityPage.objects.filter(path__startswith=path).values_list("pk", flat=True))
