"""A database made by an earlier version of Redaktion migrates to this one with
nothing lost.

``fixtures/presplit.*.sql.gz`` are dumps of a database created at commit
f1abef8 (before ``articles`` was split into layered apps): ``migrate``,
``seed_demo``, the WordPress import of the real 6.1 export (old addresses and
WordPress ID records) and two visitor secrets; SQLite by ``sqlite3 .dump``,
PostgreSQL by ``pg_dump --inserts``. Each test loads its dump into a fresh
database, runs this version's ``migrate`` in a separate process (the real
settings, as an operator would) and compares the rows of every table, and
that the moved models read their rows through the ORM.
"""

import gzip
import json
import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
# Grow on migrate by design: the applied migrations, and the content types and
# permissions of models that are new since, and the groups' permissions on
# them (the picture library's; never fewer).
GROWING = {
    "django_migrations",
    "django_content_type",
    "auth_permission",
    "auth_group_permissions",
}
# The featured images as the earlier layout stored them on the article.
IMAGES_BEFORE = (
    "SELECT id, image, image_alt, image_caption, image_credit, image_source "
    "FROM articles_article WHERE image <> '' ORDER BY id"
)
# …and the same read through the picture library after migrate.
IMAGES_AFTER = """
import json
from articles.models import Article
from pictures.models import Picture
articles = Article.objects.filter(picture__isnull=False).select_related("picture")
print(json.dumps({
    "images": [
        [a.pk, a.picture.file.name, a.picture.alt_text, a.picture_caption,
         a.picture.photographer, a.picture.source]
        for a in articles.order_by("pk")
    ],
    "pictures": Picture.objects.filter(articles__isnull=False).distinct().count(),
    "files": Picture.objects.filter(articles__isnull=False)
    .values("file").distinct().count(),
}))
"""
ORM_CHECK = """
import json
from core.models import VisitorSecret
from wordpress_import.models import LegacyURL, WordPressObject
from articles.models import Article
from django.contrib.contenttypes.models import ContentType
print(json.dumps({
    "articles_visitorsecret": VisitorSecret.objects.count(),
    "articles_legacyurl": LegacyURL.objects.count(),
    "articles_wordpressobject": WordPressObject.objects.count(),
    "articles_article": Article.objects.count(),
    "stale content types": ContentType.objects.filter(
        app_label="articles", model__in=["visitorsecret", "legacyurl", "wordpressobject"]
    ).count(),
}))
"""


def manage(database_url: str, *args: str) -> str:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_SECRET_KEY": "migration-test",
        "DJANGO_DEBUG": "0",
    }
    finished = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert finished.returncode == 0, finished.stderr[-3000:]
    return finished.stdout


def check_migration(database_url: str, count_rows, read_images) -> None:
    before = count_rows()
    images = [list(row) for row in read_images()]
    assert len(images) >= 15  # seed_demo's featured images and the import's
    assert before["articles_article"] >= 20 and before["articles_legacyurl"] > 0
    manage(database_url, "migrate", "--noinput", "-v0")
    after = count_rows()
    lost = {
        table: (rows, after.get(table))
        for table, rows in before.items()
        if table not in GROWING and after.get(table) != rows
    }
    assert not lost, f"rows before and after migrate differ: {lost}"
    assert all(after[table] >= before[table] for table in GROWING)
    orm = json.loads(manage(database_url, "shell", "-c", ORM_CHECK).splitlines()[-1])
    assert orm.pop("stale content types") == 0
    assert orm == {table: before[table] for table in orm}
    # Every featured image is in the library with its alt text, caption,
    # photographer and source; each file became one picture (not copied).
    library = json.loads(
        manage(database_url, "shell", "-c", IMAGES_AFTER).splitlines()[-1]
    )
    assert library["images"] == images
    assert library["pictures"] == library["files"] == len({row[1] for row in images})


def test_sqlite_database_of_the_earlier_layout_migrates(tmp_path):
    path = tmp_path / "earlier.sqlite3"
    with sqlite3.connect(path) as db:
        db.executescript(
            gzip.decompress((FIXTURES / "presplit.sqlite.sql.gz").read_bytes()).decode()
        )

    def count_rows() -> dict[str, int]:
        with sqlite3.connect(path) as db:
            tables = [
                name
                for (name,) in db.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%'"
                )
            ]
            return {t: db.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}

    def read_images() -> list:
        with sqlite3.connect(path) as db:
            return db.execute(IMAGES_BEFORE).fetchall()

    check_migration(f"sqlite:///{path}", count_rows, read_images)


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="runs in the PostgreSQL suite"
)
def test_postgresql_database_of_the_earlier_layout_migrates():
    import psycopg

    settings = connection.settings_dict
    server = psycopg.conninfo.make_conninfo(
        host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
        user=settings["USER"],
        password=settings["PASSWORD"] or None,
        dbname="postgres",
    )
    name = f"redaktion_earlier_{uuid.uuid4().hex[:8]}"
    database = psycopg.conninfo.make_conninfo(server, dbname=name)
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        dump = gzip.decompress(
            (FIXTURES / "presplit.postgresql.sql.gz").read_bytes()
        ).decode()
        # psql's own meta-commands (\\restrict …) are not SQL.
        sql = "\n".join(line for line in dump.splitlines() if not line.startswith("\\"))
        with psycopg.connect(database, autocommit=True) as db:
            db.execute(sql)

        def count_rows() -> dict[str, int]:
            with psycopg.connect(database) as db:
                tables = [
                    table
                    for (table,) in db.execute(
                        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                    )
                ]
                return {
                    t: db.execute(f'SELECT COUNT(*) FROM public."{t}"').fetchone()[0]
                    for t in tables
                }

        login = settings["USER"] or "postgres"
        if settings["PASSWORD"]:
            login += f":{settings['PASSWORD']}"
        host, port = settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
        def read_images() -> list:
            with psycopg.connect(database) as db:
                return db.execute(IMAGES_BEFORE).fetchall()

        check_migration(
            f"postgres://{login}@{host}:{port}/{name}", count_rows, read_images
        )
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
