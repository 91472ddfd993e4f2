"""Windows kept as database rows (core.windows, the embedded default without a
shared cache): expired rows are deleted now and then by the writes themselves."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from core.models import WindowCount
from core.windows import window_add, window_hit

pytestmark = pytest.mark.django_db


def test_a_window_write_deletes_expired_rows_when_its_turn_comes(settings):
    settings.WINDOW_CLEANUP_CHANCE = 1  # every write's turn
    WindowCount.objects.create(
        key="old", count=3, expires_at=timezone.now() - timedelta(seconds=1)
    )
    WindowCount.objects.create(
        key="current", count=1, expires_at=timezone.now() + timedelta(minutes=5)
    )
    assert window_add("first", seconds=60)
    assert set(WindowCount.objects.values_list("key", flat=True)) == {
        "current",
        "first",
    }
    WindowCount.objects.create(
        key="old", count=3, expires_at=timezone.now() - timedelta(seconds=1)
    )
    assert window_hit("hits", seconds=60) == 1
    assert "old" not in set(WindowCount.objects.values_list("key", flat=True))


def test_without_its_turn_a_write_leaves_expired_rows(settings):
    settings.WINDOW_CLEANUP_CHANCE = 0
    WindowCount.objects.create(
        key="old", count=3, expires_at=timezone.now() - timedelta(seconds=1)
    )
    assert window_add("first", seconds=60)
    assert window_hit("hits", seconds=60) == 1
    assert WindowCount.objects.filter(key="old").exists()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="unlogged tables are PostgreSQL's"
)
def test_the_windows_table_is_unlogged_on_postgresql():
    # Its writes need no WAL flush: a counted view waits for one, not two
    # (core/migrations/0004_window_count_unlogged.py).
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relpersistence FROM pg_class WHERE relname = %s",
            [WindowCount._meta.db_table],
        )
        assert cursor.fetchone() == ("u",)
    assert window_add("unlogged-test", seconds=60)
    assert not window_add("unlogged-test", seconds=60)
