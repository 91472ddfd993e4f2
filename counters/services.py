"""Writes of view counts. Each is atomic in the database: no count is read into
Python, incremented and saved back, so concurrent views never lose one."""

from datetime import date

from django.db import connection, transaction
from django.db.models import Sum
from django.utils import timezone

from counters.models import DailyViews, ViewOffset

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
