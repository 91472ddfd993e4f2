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


@pytest.fixture(params=["disk", "bucket"])
def media(request, settings, tmp_path):
    """Where the media are: the local disk, or a bucket of a real S3 server
    (moto); what to give the backup and the restore to find them; and how to
    read a restored file."""
    if request.param == "disk":
        restored = tmp_path / "restored-media"
        yield (
            {"DJANGO_MEDIA_ROOT": str(settings.MEDIA_ROOT)},
            {"DJANGO_MEDIA_ROOT": str(restored)},
            lambda name: (restored / name).read_bytes(),
            lambda: sorted(
                str(path.relative_to(restored))
                for path in restored.rglob("*")
                if path.is_file()
            ),
        )
        return
    from tests.ops.test_object_storage import s3_settings
    from tests.servers import object_store

    with object_store() as store:
        s3_settings(settings, store)
        client = store.client()
        client.create_bucket(
            Bucket="restored",
            CreateBucketConfiguration={"LocationConstraint": "eu-central-1"},
        )
        restored_env = store.environment() | {
            "DJANGO_S3_BUCKET": "restored",
            "DJANGO_S3_PUBLIC_URL": f"{store.endpoint}/restored",
        }

        def read(name):
            return client.get_object(Bucket="restored", Key=name)["Body"].read()

        def names():
            listing = client.list_objects_v2(Bucket="restored").get("Contents", [])
            return sorted(item["Key"] for item in listing)

        yield store.environment(), restored_env, read, names


@pytest.mark.django_db(transaction=True)
def test_backup_restores_into_an_empty_database_with_everything(tmp_path, media):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    backup_env, restore_env, read_restored, restored_names = media
    for number in range(3):
        ArticleFactory(tags=["Vertrieb", f"t{number}"], picture=PictureFactory())
    expected = {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }
    assert expected["articles.Article"] == 3
    # Cached PDFs are made again on demand: not in the backup.
    default_storage.save("pdf/1/de-abc.pdf", ContentFile(b"%PDF-1.7"))

    backup = tmp_path / "backup"
    run(
        ["bash", "ops/backup.sh", str(backup)],
        DATABASE_URL=database_url(),
        **backup_env,
    )

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
            **restore_env,
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
        with default_storage.open(picture.file.name) as original:
            assert read_restored(picture.file.name) == original.read()
    restored = restored_names()
    assert all(not name.startswith("pdf/") for name in restored)
    assert {picture.file.name for picture in Picture.objects.all()} <= set(restored)


def test_media_restore_refuses_a_storage_with_media_and_unsafe_names(tmp_path):
    import io
    import tarfile

    from django.core.files.base import ContentFile
    from django.core.files.storage import FileSystemStorage

    from core.media_backup import MediaRestoreError, media_backup, media_restore

    full = FileSystemStorage(location=tmp_path / "full")
    full.save("pictures/a.jpg", ContentFile(b"a"))
    archive = tmp_path / "media.tar.gz"
    assert media_backup(into=archive, storage=full) == 1
    with pytest.raises(MediaRestoreError):
        media_restore(source=archive, storage=full)  # never overwrites

    unsafe = tmp_path / "unsafe.tar.gz"
    with tarfile.open(unsafe, "w:gz") as tar:
        info = tarfile.TarInfo("../outside.txt")
        info.size = 1
        tar.addfile(info, io.BytesIO(b"x"))
    empty = FileSystemStorage(location=tmp_path / "empty")
    with pytest.raises(MediaRestoreError):
        media_restore(source=unsafe, storage=empty)
    assert not (tmp_path / "outside.txt").exists()
    assert media_restore(source=archive, storage=empty) == 1
    assert empty.open("pictures/a.jpg").read() == b"a"
