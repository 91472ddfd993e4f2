"""PDF export of articles: rendering with WeasyPrint, bounded, and a file cache.

WeasyPrint is heavy (it loads Pango, HarfBuzz, fontTools) and needs the Pango
system library, so it is imported lazily through ``load_weasyprint()`` only when a
PDF is actually rendered: workers that never render a PDF never load it, and a
machine without Pango runs the rest of the site and answers PDF requests with a
503 page (``PdfUnavailable``).

WeasyPrint runs in a child process with a time limit (``render_pdf``): a
request waits at most ``PDF_WAIT_SECONDS`` and then answers 503 „PDF wird
erstellt“ while the child finishes; a version that cannot be typeset within
``PDF_RENDER_SECONDS`` is marked and answered with a 503 at once.

Rendered PDFs are kept in the media storage as ``pdf/<article id>/<lang>-<key>.pdf``
(the local disk or the object store, always through the storage API): every
gunicorn worker and every host serves the same file, and a 100 KB–1 MB PDF does
not crowd the small Redis or local-memory cache. A ``PdfRender`` row is the lock
that lets one render of a PDF run at a time on all hosts. The file name holds a
hash of everything the PDF shows (see
``pdf_cache_key``), so a changed article, byline, tag or category gets a new file
and the old one is removed when the new one is written.
"""

import contextlib
import hashlib
import json
import logging
import mimetypes
import os
import resource
import signal
import tempfile
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.base import ContentFile, File
from django.core.files.storage import (
    FileSystemStorage,
    Storage,
    default_storage,
    storages,
)
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext

from articles.models import Article
from core.site import site_url
from pictures.body import references_signature

logger = logging.getLogger(__name__)

# Bump when the print template or stylesheet changes in a way that should
# replace every cached PDF (a deployment may also just empty PDF_CACHE_DIR).
PDF_LAYOUT_VERSION = "1"

PRINT_TEMPLATE = "printing/article_print.html"

# What the 503 page tells the administrator to install (Debian/Ubuntu names).
SYSTEM_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core"


class PdfUnavailable(Exception):
    """WeasyPrint or the system libraries it needs (Pango) are missing."""


def load_weasyprint():
    """Import WeasyPrint on first use, or raise ``PdfUnavailable``.

    A missing Python package raises ImportError; a missing Pango raises OSError
    from cffi when WeasyPrint opens the shared library at import time.
    """
    # WeasyPrint reports every parsing and layout step at INFO: keep the log quiet.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    try:
        import weasyprint
    except (ImportError, OSError) as error:
        raise PdfUnavailable(str(error)) from error
    return weasyprint


# --- Resources: only local files, never the network ---------------------------


def _local_path_for_url(url: str) -> Path | None:
    """The file on disk behind a static URL (or a ``file://`` URL inside the
    static directories); None for anything else. Media are read only through
    the media storage (``_media_name_for_url``), never from ``MEDIA_ROOT``."""
    parts = urlsplit(url)
    if parts.scheme in {"http", "https"}:
        path = unquote(parts.path)
    elif parts.scheme == "file":
        path = unquote(parts.path)
        for root in _allowed_roots():
            if _is_inside(Path(path), root):
                return Path(path)
        return None
    else:
        return None
    if path.startswith(settings.STATIC_URL):
        relative = path.removeprefix(settings.STATIC_URL)
        collected = Path(settings.STATIC_ROOT) / relative
        if _is_inside(collected, Path(settings.STATIC_ROOT)) and collected.is_file():
            return collected
        try:
            found = finders.find(relative)  # development: straight from static/
        except SuspiciousFileOperation:  # "../" out of the static directories
            return None
        return Path(found) if found else None
    return None


def _media_name_for_url(url: str, media_prefix: str) -> str | None:
    """The storage name of a media URL: ``media_prefix`` is what the storage puts
    before every name (``/media/`` on the local disk, the bucket's public or
    endpoint address on object storage); None for any other URL."""
    bare = url.split("#", 1)[0].split("?", 1)[0]
    if media_prefix.startswith(("http://", "https://")):
        if not bare.startswith(media_prefix):
            return None
        rest = bare.removeprefix(media_prefix)
    else:
        parts = urlsplit(bare)
        if parts.scheme not in {"http", "https"} or not parts.path.startswith(
            media_prefix
        ):
            return None
        rest = parts.path.removeprefix(media_prefix)
    name = unquote(rest)
    if not name or name.startswith("/") or ".." in name.split("/"):
        return None
    return name


def _storage_media_prefix(storage: Storage) -> str:
    # Computing a URL asks nothing of the store (signed URLs are signed locally).
    return storage.url("x").split("?", 1)[0].removesuffix("x")


def _allowed_roots() -> list[Path]:
    return [Path(settings.STATIC_ROOT)] + [
        Path(directory) for directory in settings.STATICFILES_DIRS
    ]


def _is_inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, ValueError):
        return False


def local_url_fetcher(weasyprint, storage: Storage | None = None):
    """A WeasyPrint URL fetcher that serves media through the media storage (the
    local disk or the object store, read with the site's credentials), static
    files from disk, and refuses every other URL (no request goes anywhere else
    while rendering).
    ``data:`` URLs are decoded by WeasyPrint itself without any network access."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            name = _media_name_for_url(url, media_prefix)
            if name is not None:  # through the storage: local disk or a bucket
                return _media_response(name)
            path = _local_path_for_url(url)
            if path is None or not path.is_file():
                raise ValueError(f"Not a local media or static file: {url}")
            content_type = mimetypes.guess_type(path.name)[0]
            return URLFetcherResponse(
                path.as_uri(),
                path.read_bytes(),
                headers={"Content-Type": content_type or "application/octet-stream"},
            )

    storage = storage or default_storage

    def _media_response(name: str):
        try:
            with storage.open(name) as stored:
                content = stored.read()
        except (OSError, SuspiciousFileOperation) as error:
            raise ValueError(f"No such media file: {name}") from error
        content_type = mimetypes.guess_type(name)[0]
        return URLFetcherResponse(
            storage.url(name),
            content,
            headers={"Content-Type": content_type or "application/octet-stream"},
        )

    media_prefix = _storage_media_prefix(storage)
    return LocalOnlyFetcher(allowed_protocols={"data", "file", "http", "https"})


# --- CSS text for the page margins ---------------------------------------------


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string that cannot end the string or the
    ``<style>`` element it sits in."""
    escaped = []
    for char in text:
        if char in '"\\<>&' or ord(char) < 0x20:
            escaped.append(f"\\{ord(char):x} ")
        else:
            escaped.append(char)
    return '"' + "".join(escaped) + '"'


def page_counter_content() -> str:
    """CSS ``content`` for the footer: „Seite 2 von 3“ in the active language."""
    label = gettext("Page %(page)s of %(pages)s")
    tokens = []
    rest = label
    while rest:
        positions = {
            marker: rest.find(marker)
            for marker in ("%(page)s", "%(pages)s")
            if marker in rest
        }
        if not positions:
            tokens.append(css_string(rest))
            break
        marker = min(positions, key=positions.get)
        before, rest = (
            rest[: positions[marker]],
            rest[positions[marker] + len(marker) :],
        )
        if before:
            tokens.append(css_string(before))
        tokens.append("counter(pages)" if marker == "%(pages)s" else "counter(page)")
    return " ".join(tokens)


# --- Cache key and files --------------------------------------------------------


def pdf_cache_key(article: Article, *, article_url: str, language: str) -> str:
    """A hash of everything the PDF shows.

    The article row carries ``updated_at``; the bylines, authors (name, bio,
    website, photo), tags and category live in other rows without a change time,
    so their printed fields go into the key too. They are already loaded by
    ``Article.objects.with_related()``: computing the key costs no query.
    """
    data: dict[str, Any] = {
        "layout": PDF_LAYOUT_VERSION,
        "article": [article.pk, article.updated_at.isoformat()],
        "url": article_url,
        "language": language,
        "site": [settings.SITE_NAME, settings.SITE_TAGLINE],
        "category": article.category.name,
        "tags": sorted(tag.name for tag in article.tags.all()),
        "authors": [
            [
                author.pk,
                author.display_name,
                author.short_bio,
                author.website,
                author.pronoun,
                _picture_key(author.public_portrait),
            ]
            for author in article.byline_authors
        ],
        "picture": [_picture_key(article.public_picture), article.picture_caption],
        # One query, only for bodies with pictures in them.
        "inline pictures": references_signature(article.body),
    }
    payload = json.dumps(data, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(payload).hexdigest()[:32]


def _picture_key(picture) -> list | None:
    if picture is None:
        return None
    return [
        picture.pk,
        picture.file.name,
        picture.alt_text,
        picture.credit_line,
        picture.focal_x,
        picture.focal_y,
    ]


PDF_FOLDER = "pdf"


def pdf_name(article: Article, *, key: str, language: str) -> str:
    """The cached PDF's name in the media storage."""
    return f"{PDF_FOLDER}/{article.pk}/{language}-{key}.pdf"


def article_folder(article_id: int) -> str:
    return f"{PDF_FOLDER}/{int(article_id)}"


class _MovableFile(File):
    """A finished temporary file that ``FileSystemStorage`` moves into place
    (``os.rename`` in the same folder) instead of writing a partial file."""

    def temporary_file_path(self) -> str:
        return self.file.name


def store_file(storage: Storage, name: str, content: bytes) -> None:
    """Write ``content`` as ``name`` through the storage so that a reader sees
    no file or the whole file, never half: an object store's upload is
    atomic; on the local disk the bytes go to a temporary file beside the
    target first. An existing file of that name is replaced."""
    storage.delete(name)
    try:
        folder = Path(storage.path(name)).parent
    except NotImplementedError:  # object storage
        storage.save(name, ContentFile(content))
        return
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=folder, suffix=".tmp", delete=False) as out:
        out.write(content)
    try:
        with open(out.name, "rb") as stream:
            storage.save(name, _MovableFile(stream, name=name))
    finally:
        Path(out.name).unlink(missing_ok=True)


def _remove_stale(storage: Storage, name: str) -> None:
    """Delete older versions of this article's PDF in the same language, and
    their failure marks."""
    folder, filename = name.rsplit("/", 1)
    language = filename.split("-", 1)[0]
    try:
        _folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for other in files:
        if other.startswith(f"{language}-") and other != filename:
            storage.delete(f"{folder}/{other}")


def pdf_files_drop(article_id: int) -> None:
    """Remove every cached PDF of the article, and its render rows."""
    from printing.models import PdfRender

    folder = article_folder(article_id)
    try:
        _folders, files = default_storage.listdir(folder)
    except FileNotFoundError:
        files = []
    for filename in files:
        default_storage.delete(f"{folder}/{filename}")
    # The empty folder on the local disk (object stores have none).
    with contextlib.suppress(NotImplementedError, OSError):
        Path(default_storage.path(folder)).rmdir()
    PdfRender.objects.filter(name__startswith=f"{folder}/").delete()


# --- Rendering: bounded in time, in a process of its own -----------------------


def print_context(article: Article, request: HttpRequest, *, pdf: bool) -> dict:
    """What the print template needs, for the print view and the PDF alike."""
    return {
        "article": article,
        "pdf": pdf,
        "article_url": site_url(article.get_absolute_url()),
        "printed_at": timezone.localtime(),
        "page_counter_content": page_counter_content(),
        "site_name": settings.SITE_NAME,
        "site_tagline": settings.SITE_TAGLINE,
    }


def pdf_html(article: Article, request: HttpRequest) -> str:
    """The print template as the PDF shows it (reads the database; the
    typesetting afterwards does not)."""
    context = print_context(article, request, pdf=True)
    return render_to_string(PRINT_TEMPLATE, context, request=request)


def typeset(html: str, *, identifier: str, storage: Storage | None = None) -> bytes:
    """A4 PDF bytes of ``html`` with WeasyPrint, fetching local files only."""
    weasyprint = load_weasyprint()
    document = weasyprint.HTML(
        string=html,
        base_url=site_url("/"),
        url_fetcher=local_url_fetcher(weasyprint, storage or default_storage),
        media_type="print",
    )
    # A tagged PDF (structure for screen readers) costs about 5 % more time.
    return document.write_pdf(pdf_identifier=identifier.encode(), pdf_tags=True)


# What a 503 „PDF wird erstellt“ asks the browser to wait.
PDF_RETRY_AFTER_SECONDS = 15


class PdfPending(Exception):
    """Still being typeset after ``PDF_WAIT_SECONDS``; the file comes later."""


class PdfFailed(Exception):
    """This version of the article cannot be typeset (over the time limit of
    ``PDF_RENDER_SECONDS``, or WeasyPrint failed on it)."""


def _failed(name: str) -> str:
    return name + ".failed"


class _OverTime(BaseException):  # not caught by WeasyPrint's own handlers
    pass


def _on_alarm(signum, frame):
    raise _OverTime


def render_pdf_file(
    html: str, *, storage: Storage, name: str, identifier: str, seconds: int
) -> None:
    """Typeset ``html`` into the storage as ``name`` within ``seconds``, or
    leave ``<name>.failed`` saying why. The work of the render child (it uses
    no database: the lock row is the parent's)."""
    # The alarm repeats every half second once due: one that lands inside a
    # C callback (where Python drops exceptions) is followed by another. The
    # CPU limit is the last resort should none be heard at all.
    signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.5)
    resource.setrlimit(resource.RLIMIT_CPU, (seconds + 5, seconds + 10))
    started = time.monotonic()
    try:
        content = typeset(html, identifier=identifier, storage=storage)
        signal.setitimer(signal.ITIMER_REAL, 0)
        if time.monotonic() - started > seconds:
            raise _OverTime
        store_file(storage, name, content)
        _remove_stale(storage, name)
    except _OverTime:
        signal.setitimer(signal.ITIMER_REAL, 0)
        store_file(storage, _failed(name), f"over {seconds} s".encode())
    except Exception as error:  # RecursionError, a WeasyPrint bug …
        signal.setitimer(signal.ITIMER_REAL, 0)
        store_file(storage, _failed(name), repr(error).encode())
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


# Render children not yet reaped (a request that stopped waiting leaves its
# child at work; the next render of this process collects it).
_children: set[int] = set()


def _reap() -> None:
    for pid in list(_children):
        try:
            done, _status = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            done = pid
        if done:
            _children.discard(pid)


def _fork_render(html: str, *, storage: Storage, name: str, identifier: str) -> int:
    """Start the render child with ``os.fork``, not ``multiprocessing``: the
    job worker's processes (django-q2) are daemonic and may not start
    multiprocessing children. The child opens its own connection to the
    media storage, touches no database connection of the parent and leaves
    with ``os._exit`` (no cleanup that would close the parent's sockets)."""
    seconds = settings.PDF_RENDER_SECONDS
    pid = os.fork()
    if pid == 0:  # the child
        status = 1
        try:
            logging.getLogger("weasyprint").setLevel(logging.CRITICAL)
            if storage is default_storage:  # a connection of its own
                storage = storages.create_storage(settings.STORAGES["default"])
            render_pdf_file(
                html, storage=storage, name=name, identifier=identifier, seconds=seconds
            )
            status = 0
        finally:
            os._exit(status)
    _children.add(pid)
    return pid


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _wait_child(pid: int, seconds: float) -> bool:
    """Wait up to ``seconds`` for the child; True when it has finished."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            done, _status = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:  # not ours to wait for (SIGCHLD ignored)
            done = 0 if _alive(pid) else pid
        if done:
            _children.discard(pid)
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.05)


def _failure(storage: Storage, name: str) -> str | None:
    try:
        with storage.open(_failed(name)) as stored:
            return stored.read().decode(errors="replace")
    except (OSError, SuspiciousFileOperation):
        return None


def render_pdf(
    article: Article,
    request: HttpRequest,
    *,
    name: str,
    storage: Storage = default_storage,
    keep_going: bool = True,
    lock: bool = True,
) -> None:
    """Render the article's PDF into ``storage`` as ``name``: the one entry point.

    The HTML is made here (it reads the database); WeasyPrint runs in a forked
    child process (``render_pdf_file``) limited to ``PDF_RENDER_SECONDS``, so
    a body that takes long costs a worker at most ``PDF_WAIT_SECONDS``, and
    only one render of a PDF runs at a time on all hosts (the ``PdfRender``
    row). Raises ``PdfPending`` when the child is still at work after the wait
    (it goes on and writes the file), ``PdfFailed`` when this version cannot
    be typeset, ``PdfUnavailable`` without WeasyPrint. Without ``keep_going``
    (a file nobody will fetch later) a child still at work after the wait is
    stopped and ``PdfFailed`` raised instead.
    """
    load_weasyprint()  # imported once here, inherited by every child
    _reap()
    failure = _failure(storage, name)
    if failure is not None:
        raise PdfFailed(failure)
    if not lock or _claim(name):
        html = pdf_html(article, request)
        pid = _fork_render(html, storage=storage, name=name, identifier=article.slug)
        finished = _wait_child(pid, settings.PDF_WAIT_SECONDS)
        if finished and lock:
            _release(name)
        if not finished and not keep_going:
            os.kill(pid, signal.SIGKILL)
            _wait_child(pid, 60)
            if lock:
                _release(name)
            raise PdfFailed("over the waiting time")
    else:  # another worker or host renders it: wait for its file
        deadline = time.monotonic() + settings.PDF_WAIT_SECONDS
        while (
            not storage.exists(name)
            and _failure(storage, name) is None
            and time.monotonic() < deadline
        ):
            time.sleep(0.2)
    if storage.exists(name):
        return
    failure = _failure(storage, name)
    if failure is not None:
        raise PdfFailed(failure)
    raise PdfPending(name)


def _claim(name: str) -> bool:
    """Take the ``PdfRender`` row of ``name`` for one render; a row older than
    the time limit belongs to a render that died (a worker killed) and is
    taken over. Rows of the article's other PDFs in this language (finished
    renders) go at the same time."""
    from printing.models import PdfRender

    folder, filename = name.rsplit("/", 1)
    language = filename.split("-", 1)[0]
    stale = timezone.now() - timedelta(seconds=settings.PDF_RENDER_SECONDS + 15)
    PdfRender.objects.filter(name__startswith=f"{folder}/{language}-").exclude(
        name=name
    ).filter(started_at__lt=stale).delete()
    PdfRender.objects.filter(name=name, started_at__lt=stale).delete()
    try:
        with transaction.atomic():
            PdfRender.objects.create(name=name)
    except IntegrityError:  # another worker (on any host) renders it
        return False
    return True


def _release(name: str) -> None:
    from printing.models import PdfRender

    PdfRender.objects.filter(name=name).delete()


@dataclass(frozen=True)
class ArticlePdf:
    """A PDF ready to send: an open cached file, or the bytes just rendered."""

    etag: str
    file: BinaryIO | None = None
    content: bytes | None = None
    rendered: bool = False


def _location_key(request: HttpRequest, slug: str) -> str:
    """Where the published PDF behind this address was, under the content
    version (``articles.fragments``): any change anywhere forgets it, and the
    next request looks the article up again (the PDF itself is re-rendered
    only when its own key changes)."""
    from articles.fragments import content_version

    address = f"{slug}|{translation.get_language()}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"pdf-location:{digest}:{content_version(request)}"


def cached_published_pdf(request: HttpRequest, slug: str) -> ArticlePdf | None:
    """The cached PDF of a published article, found without reading the
    article: the content version, one cache lookup and the open file."""
    etag = cache.get(_location_key(request, slug))
    if etag is None:
        return None
    try:
        return ArticlePdf(etag=etag["key"], file=default_storage.open(etag["name"]))
    except (OSError, SuspiciousFileOperation):
        return None


def article_pdf(article: Article, request: HttpRequest) -> ArticlePdf:
    """The article as PDF, from the cache or freshly rendered.

    Published articles are cached in the media storage; previews of
    unpublished articles (for staff) are rendered every time and never
    written to the media storage, which may be served publicly.
    """
    language = translation.get_language() or settings.LANGUAGE_CODE
    article_url = site_url(article.get_absolute_url())
    key = pdf_cache_key(article, article_url=article_url, language=language)
    if not article.is_published:
        return ArticlePdf(etag=key, content=_preview(article, request), rendered=True)
    name = pdf_name(article, key=key, language=language)
    rendered = False
    try:
        # Opened here: an open file stays readable even if another worker
        # replaces or removes it a moment later.
        stored = default_storage.open(name)
    except (OSError, SuspiciousFileOperation):
        render_pdf(article, request, name=name)
        logger.info("Rendered PDF of article %s", article.slug)
        stored = default_storage.open(name)
        rendered = True
    # Remembered only once the whole file is there.
    cache.set(
        _location_key(request, article.slug),
        {"key": key, "name": name},
        settings.FRAGMENT_CACHE_SECONDS,
    )
    return ArticlePdf(etag=key, file=stored, rendered=rendered)


def _preview(article: Article, request: HttpRequest) -> bytes:
    """A staff preview: rendered every time into a private temporary folder
    (the media storage may be public), within the same limits."""
    with tempfile.TemporaryDirectory(prefix="redaktion-pdf-preview-") as folder:
        private = FileSystemStorage(location=folder)
        name = f"{translation.get_language()}-preview.pdf"
        render_pdf(
            article, request, name=name, storage=private, keep_going=False, lock=False
        )
        with private.open(name) as stored:
            return stored.read()
