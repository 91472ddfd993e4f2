"""On PostgreSQL the windows table is UNLOGGED.

Its rows are markers and counts that live for minutes (the view window, rate
limits, used form tokens). A logged table made every counted view wait for a
second WAL flush (the window's mark, then the daily row), about 1 ms each on
this hardware; writes to an unlogged table are not in the WAL, so a
transaction that writes only there commits without waiting for the disk.
What it costs: after a crash of the database server (not a restart) the table
is empty, so a reader may be counted once more within the window and the rate
limits start afresh; standbys do not have it (``core.windows`` always uses the
primary). SQLite has no such thing, and needs none (WAL, ``synchronous=NORMAL``).
"""

from django.db import migrations


def table_unlogged(apps, schema_editor, *, logged: bool = False):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(
        apps.get_model("core", "WindowCount")._meta.db_table
    )
    schema_editor.execute(
        f"ALTER TABLE {table} SET {'LOGGED' if logged else 'UNLOGGED'}"
    )


def table_logged(apps, schema_editor):
    table_unlogged(apps, schema_editor, logged=True)


class Migration(migrations.Migration):
    dependencies = [("core", "0003_job_done")]

    operations = [migrations.RunPython(table_unlogged, table_logged, elidable=False)]
