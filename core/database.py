"""Upkeep of the database itself."""

from django.db import connection


def database_analyze() -> None:
    """Refresh the planner's statistics (``ANALYZE``) on SQLite and PostgreSQL.

    SQLite has none until ``ANALYZE`` ran once: without them its planner
    guesses, and at 100,000 articles it guessed wrong for the tag and author
    pages (a temporary sort of every matching row instead of the indexes).
    PostgreSQL's autovacuum keeps them by itself; running it after bulk loads
    does no harm. Scheduled daily in the job worker (``JOBS_PERIODIC``) and
    run by the migration that added the indexes it is about."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
