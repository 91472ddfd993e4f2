"""ops/backup.sh and ops/restore.sh, run for real against the test database.

The restored copy is opened by a fresh Django process, which counts the rows of
every model: articles, authors, tags and whatever the installed apps store
(comments, votes, view counts) must all be there again, and so must the media.
"""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.apps import apps
from django.db import connection

from tests.factories import ArticleFactory, PictureFactory

ROOT = Path(__file__).resolve().parents[2]

COUNT_ROWS = (
    "import json, django; django.setup(); from django.apps import apps; "
    "print(json.dumps({m._meta.label: m._default_manager.count() "
    "for m in apps.get_models() if m._meta.managed and not m._meta.proxy}))"
)


def database_url() -> str:
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    host, port = settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
    return f"postgres://{settings['USER']}@{host}:{port}/{settings['NAME']}"


def run(args, **env):
    base = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    result = subprocess.run(
        args,
        cwd=ROOT,
        env={**base, "DJANGO_DEBUG": "1", **env},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.mark.django_db(transaction=True)
def test_backup_restores_into_an_empty_database_with_everything(tmp_path, settings):
    for number in range(3):
        ArticleFactory(tags=["Vertrieb", f"t{number}"], picture=PictureFactory())
    expected = {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }
    assert expected["articles.Article"] == 3

    backup = tmp_path / "backup"
    run(
        ["bash", "ops/backup.sh", str(backup)],
        DATABASE_URL=database_url(),
        DJANGO_MEDIA_ROOT=str(settings.MEDIA_ROOT),
    )

    restored_media = tmp_path / "restored-media"
    if connection.vendor == "sqlite":
        restored_url = f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    else:
        name = f"restore_{uuid.uuid4().hex[:8]}"
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        restored_url = database_url().rsplit("/", 1)[0] + f"/{name}"
    try:
        run(
            ["bash", "ops/restore.sh", str(backup)],
            DATABASE_URL=restored_url,
            DJANGO_MEDIA_ROOT=str(restored_media),
        )
        counts = json.loads(
            run(
                [sys.executable, "-c", COUNT_ROWS],
                DATABASE_URL=restored_url,
                DJANGO_SETTINGS_MODULE="config.settings",
            )
        )
    finally:
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')

    assert counts == expected
    from pictures.models import Picture

    assert Picture.objects.exists()
    for picture in Picture.objects.all():
        assert (restored_media / picture.file.name).read_bytes() == Path(
            picture.file.path
        ).read_bytes()
