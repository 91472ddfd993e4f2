"""Writes of view counts. Each is atomic in the database: no count is read into
Python, incremented and saved back, so concurrent views never lose one.

A counted view must also survive the database failing at that moment (a
restart, a killed connection, SQLite's write lock held too long): ``view_count``
retries once on a fresh connection, and if that fails too, keeps the view in
the worker's memory (one number per article and day) and writes it with the
next view that gets through, or when the worker exits.
"""

import atexit
import logging
import threading
from collections import Counter
from datetime import date

from django.db import DatabaseError, connection, transaction
from django.db.models import Sum
from django.utils import timezone

from counters.models import DailyViews, ViewOffset

logger = logging.getLogger(__name__)

# One statement, atomic on SQLite (>= 3.24) and PostgreSQL alike: insert today's
# row with 1, or add 1 to it if it exists. Django's bulk_create(update_conflicts=…)
# can only *set* the conflicting row to the new value, not add to it.
_UPSERT = (
    'INSERT INTO {table} ("article_id", "day", "count") VALUES (%s, %s, %s) '
    'ON CONFLICT ("article_id", "day") DO UPDATE '
    'SET "count" = {table}."count" + excluded."count"'
)


def view_record(*, article_id: int, day: date | None = None, views: int = 1) -> None:
    """Count ``views`` views of an article on ``day`` (today in the site's time
    zone): exactly one write statement."""
    table = connection.ops.quote_name(DailyViews._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            _UPSERT.format(table=table),
            [article_id, day or timezone.localdate(), views],
        )


# Views this worker could not write yet: (article id, day) → views.
_pending: Counter = Counter()
_pending_lock = threading.Lock()


def view_count(*, article_id: int) -> bool:
    """Count one view of an article today, with the views still pending in this
    worker. Returns whether they are written (False: kept for later)."""
    with _pending_lock:
        batch = _pending.copy()
        _pending.clear()
    batch[(article_id, timezone.localdate())] += 1
    for attempt in (1, 2):
        try:
            _write(batch)
            return True
        except DatabaseError as error:
            logger.warning("Could not count views (attempt %d): %s", attempt, error)
            if connection.in_atomic_block:
                break  # inside a caller's transaction: no fresh connection
            connection.close()  # the next attempt opens a new one
    with _pending_lock:
        _pending.update(batch)
    return False


def views_pending() -> int:
    """How many views this worker still has to write."""
    with _pending_lock:
        return sum(_pending.values())


def views_pending_flush() -> bool:
    """Write the pending views now (at exit); True if nothing is left."""
    with _pending_lock:
        batch = _pending.copy()
        _pending.clear()
    if not batch:
        return True
    try:
        _write(batch)
        return True
    except DatabaseError:
        logger.exception("Views lost at exit: %d", sum(batch.values()))
        return False


def _write(batch: Counter) -> None:
    """All of ``batch`` or nothing, so a retry never counts a view twice: one
    statement for the usual single view, one transaction for more."""
    items = sorted(batch.items())
    if len(items) == 1:
        [((article_id, day), views)] = items
        view_record(article_id=article_id, day=day, views=views)
        return
    with transaction.atomic():
        for (article_id, day), views in items:
            view_record(article_id=article_id, day=day, views=views)


atexit.register(views_pending_flush)


@transaction.atomic
def view_total_set(*, article_id: int, total: int) -> int:
    """Make the article's total ``total`` (e.g. the count imported from the old
    site), by setting the offset to ``total`` minus the sum of the daily rows.
    Daily rows stay as they are. Returns the new offset.

    A view counted at the same moment lands in today's daily row and is kept on
    top of ``total``, which is right: it happened after the import.
    """
    if total < 0:
        raise ValueError("A view total cannot be negative.")
    counted = (
        DailyViews.objects.filter(article_id=article_id).aggregate(s=Sum("count"))["s"]
        or 0
    )
    offset, _created = ViewOffset.objects.update_or_create(
        article_id=article_id, defaults={"views": total - counted}
    )
    return offset.views
