"""Copy the media storage (the local disk or the bucket, whichever
``STORAGES["default"]`` is) into a tar file and back, through the storage API:
``ops/backup.sh`` and ``ops/restore.sh`` call it as ``manage.py media_backup``
and ``media_restore``, so one backup format serves both storages and a backup
of one can be restored into the other.

Cached PDFs (``pdf/``) are left out: they are rendered again on demand.
"""

import tarfile
import time
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from django.core.files import File
from django.core.files.storage import Storage, default_storage

# Made again on demand: not worth a backup.
SKIPPED_FOLDERS = ("pdf",)


def _names(storage: Storage, folder: str = "") -> Iterator[str]:
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for filename in sorted(files):
        yield f"{folder}/{filename}" if folder else filename
    for sub in sorted(folders):
        path = f"{folder}/{sub}" if folder else sub
        if path not in SKIPPED_FOLDERS:
            yield from _names(storage, path)


def media_backup(*, into: Path, storage: Storage = default_storage) -> int:
    """Write every media file into the gzip'd tar file ``into``; the number of
    files written."""
    count = 0
    with tarfile.open(into, "w:gz") as archive:
        for name in _names(storage):
            with storage.open(name) as stored:
                info = tarfile.TarInfo(name)
                info.size = storage.size(name)
                info.mtime = int(time.time())
                info.mode = 0o644
                archive.addfile(info, stored)
            count += 1
    return count


class MediaRestoreError(Exception):
    pass


def _safe_name(name: str) -> str:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise MediaRestoreError(f"Unsafe name in the backup: {name!r}")
    return str(path)


def media_restore(*, source: Path, storage: Storage = default_storage) -> int:
    """Put every file of the tar file ``source`` into the storage under its
    name; the storage must hold no media yet (a restore never overwrites).
    The number of files restored."""
    if next(_names(storage), None) is not None:
        raise MediaRestoreError(
            "The media storage is not empty: restore into an empty one."
        )
    count = 0
    with tarfile.open(source, "r:*") as archive:
        for member in archive:
            if member.isdir():
                continue
            if not member.isfile():
                raise MediaRestoreError(f"Not a file in the backup: {member.name!r}")
            name = _safe_name(member.name)
            stream = archive.extractfile(member)
            saved = storage.save(name, File(stream, name=PurePosixPath(name).name))
            if saved != name:
                raise MediaRestoreError(f"{name} was stored as {saved}")
            count += 1
    return count
