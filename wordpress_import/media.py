"""Images of the old site: from a copy of ``wp-content/uploads`` or downloaded.

Every file is stored under a name derived from its path below
``wp-content/uploads`` (``wordpress/2023/05/messe.jpg``), so a second run finds it
in the storage and neither copies nor downloads it again. Files are checked like
uploads in the admin (``validate_image_upload``) and lose their metadata
(``without_metadata``) before they are stored.
"""

import re
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from core.uploads import validate_image_upload, without_metadata

UPLOADS_MARKER = "/wp-content/uploads/"
STORAGE_PREFIX = "wordpress"
RESIZED = re.compile(r"-\d+x\d+(?=\.\w+$)")  # messe-300x200.jpg → messe.jpg


class MediaError(Exception):
    """The file could not be had; the message says why (for the report)."""


def upload_path(url: str) -> str | None:
    """The part after ``/wp-content/uploads/``, decoded, as a relative path;
    ``None`` for other URLs. A doubled slash (``uploads//etc/x.png``) does not
    make it absolute: empty segments are dropped, as a web server does."""
    path = unquote(urlsplit(url).path)
    if UPLOADS_MARKER not in path:
        return None
    relative = path.split(UPLOADS_MARKER, 1)[1]
    parts = [part for part in relative.split("/") if part]
    if not parts or any(part in {"..", "."} for part in parts):
        return None
    return "/".join(parts)


@dataclass
class MediaLibrary:
    """Finds, checks and stores the files an export refers to.

    ``dry_run`` checks files in ``media_dir`` but stores nothing and downloads
    nothing.
    """

    media_dir: Path | None = None
    timeout: float = 20.0
    dry_run: bool = False
    old_hosts: set[str] = field(default_factory=set)
    stored: set[str] = field(default_factory=set)  # copied or downloaded now
    reused: set[str] = field(default_factory=set)  # already in the storage
    failed: dict[str, str] = field(default_factory=dict)  # path → why
    _done: dict[str, str] = field(default_factory=dict)

    def is_old_upload(self, url: str) -> bool:
        host = urlsplit(url).hostname
        return upload_path(url) is not None and (
            host is None or not self.old_hosts or host in self.old_hosts
        )

    def store(self, url: str) -> str:
        """Storage name of the imported copy of ``url``; ``MediaError`` if none."""
        relative = upload_path(url)
        if relative is None:
            raise MediaError(f"{url}: not a WordPress upload")
        if relative in self._done:
            return self._done[relative]
        if relative in self.failed:
            raise MediaError(self.failed[relative])
        try:
            name = self._store(url, relative)
        except MediaError as exc:
            self.failed[relative] = str(exc)
            raise
        self._done[relative] = name
        return name

    def store_or_copy(self, url: str, copy: str = "") -> str:
        """``store(url)``; if that fails and ``copy`` is the storage name of a
        copy imported already (the resized image a post showed), that copy,
        and the failure of ``url`` is not reported."""
        try:
            return self.store(url)
        except MediaError:
            if not copy or copy not in self._done.values():
                raise
            self.failed.pop(upload_path(url) or "", None)
            return copy

    def _store(self, url: str, relative: str) -> str:
        if self.media_dir is not None:
            relative = self._local(relative)
        name = f"{STORAGE_PREFIX}/{relative}"
        if name in self.stored:
            return name  # another size of the same original, stored this run
        if default_storage.exists(name):
            self.reused.add(name)
            return name
        content = self._read(url, relative)
        upload = ContentFile(content, name=PurePosixPath(relative).name)
        try:
            validate_image_upload(upload)
        except ValidationError as exc:
            raise MediaError(f"{relative}: {' '.join(exc.messages)}") from None
        # Stored directly (not through a model's save()), so strip EXIF/GPS
        # here, as every upload is, under the extension of the real format.
        cleaned = without_metadata(upload)
        name = f"{STORAGE_PREFIX}/{PurePosixPath(relative).with_name(cleaned.name)}"
        if name in self.stored:
            return name
        if default_storage.exists(name):
            self.reused.add(name)
            return name
        self.stored.add(name)
        if self.dry_run:
            return name
        return default_storage.save(name, cleaned)

    def _local(self, relative: str) -> str:
        """The file in ``media_dir``: as named, or else the original a resized
        copy was made from (``messe-300x200.jpg`` → ``messe.jpg``), which is
        then shared with every other size of it."""
        for candidate in (relative, RESIZED.sub("", relative)):
            if self._inside_media_dir(candidate).is_file():
                return candidate
        raise MediaError(f"{relative}: not found in the media directory")

    def _inside_media_dir(self, relative: str) -> Path:
        """``media_dir / relative`` resolved; refused (``MediaError``) if it is
        anywhere else, by an absolute part or a symbolic link."""
        root = self.media_dir.resolve()
        path = (root / relative).resolve()
        if not path.is_relative_to(root):
            raise MediaError(f"{relative}: outside the media directory")
        return path

    def _read(self, url: str, relative: str) -> bytes:
        limit = settings.MAX_IMAGE_UPLOAD_BYTES
        if self.media_dir is not None:
            path = self._inside_media_dir(relative)
            if path.stat().st_size > limit:
                raise MediaError(f"{relative}: larger than the upload limit")
            return path.read_bytes()
        if self.dry_run:
            raise MediaError(f"{relative}: not downloaded in a dry run")
        if urlsplit(url).scheme not in {"http", "https"}:
            raise MediaError(f"{url}: not an http(s) URL")
        request = urllib.request.Request(url, headers={"User-Agent": "Redaktion"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                content = response.read(limit + 1)
        except urllib.error.HTTPError as exc:
            raise MediaError(f"{url}: download failed (HTTP {exc.code})") from None
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", None) or exc
            raise MediaError(f"{url}: download failed ({reason})") from None
        if len(content) > limit:
            raise MediaError(f"{url}: larger than the upload limit")
        return content
