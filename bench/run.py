#!/usr/bin/env python3
"""The benchmark: one command, one table.

    .venv/bin/python bench/run.py --scale small [--duration 20] [--connections 16]

1. Builds a fresh database (a temporary SQLite file, or, when ``DATABASE_URL`` is
   set, a separate PostgreSQL database ``redaktion_bench`` on that server, created
   and dropped here) with ``manage.py bench_data --scale …``.
2. Collects static files into a temporary ``STATIC_ROOT`` and starts the site
   under gunicorn with the production settings (debug off, manifest storage,
   ``config/gunicorn.conf.py``, 2 sync workers) on a free loopback port, and the
   ceiling (``bench/ceiling/``: a Django page with no database) the same way.
   Two changes for the benchmark (``SERVER_ENV``, ``SITE_ENV``): workers are not
   recycled (``GUNICORN_MAX_REQUESTS=0``), so the peak memory is that of workers
   that served the whole run; and the search rate limit of the site is raised
   (``DJANGO_RATE_LIMIT_SEARCH``): all of wrk's requests come from one address,
   one network for the limiter, which would answer nearly all of them with 429.
   The limiter still runs on every request; it just never says no. For the same
   reason the network cap on counted views is off
   (``DJANGO_VIEW_COUNT_PER_NETWORK=0``).
   A third gunicorn serves the same database as a site behind the HTTP cache
   (``CACHED_SITE_ENV``: views counted by the page's live request), with
   Varnish in front (``ops/varnish/redaktion.vcl``, a private varnishd on a
   free port); the rows "through the cache" and "live request" go there. A
   second Varnish in front of the ceiling measures what the cache's pass of a
   small POST costs by itself ("ceiling, small POST passed by the cache"): the
   bound of the live request's row, which is also given as a share of it.
3. Runs wrk against each page in turn (a warm-up, then the measured run), and the
   ceiling before the first and after the last page.
4. Prints one Markdown table: requests/s, p50 and p99 latency, socket errors,
   non-2xx/3xx answers, share of the ceiling, the issue's target, and the peak
   resident memory of a site worker; then the checks (stored view count, 304).
   A row with any answer outside 2xx/3xx measured something else than the page
   (an error page, the rate limiter): it is marked invalid and the run exits 1,
   as it does when a page fails before its run or a site worker was replaced.
5. Publishes a new article with ``DJANGO_JOBS_WORKER=1``, starts a real job
   worker (``manage.py qcluster``) until it has rendered the article's PDF,
   and times the first reader's request of that PDF.

Options for the media: ``--picture`` gives the featured article a library
picture (1600 × 900, renditions made before the run), so the article rows
include a ``<picture>`` with its JPEG and WebP ``srcset``; ``--s3`` puts the
media on an S3-compatible object store (moto's server, ``moto_server``, on
loopback, with a public bucket address), to show that image URLs are computed
without a request to the store.

Not part of the test suite. Numbers mean something only on a quiet machine.
"""

import argparse
import datetime
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
HOST = "127.0.0.1"
# A returning reader: one fixed, ordinary browser (and the cookies it was given).
READER_AGENT = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
)
NEW_VISITOR_MARK = "Leser/"  # in every user agent of bench/newvisitor.lua
FEATURED_SLUG = "benchmark-artikel"  # demo/bench.py
FIRST_CATEGORY = "rubrik-1"
FIRST_TAG = "schlagwort-1"  # the most used tag of bench_data
FIRST_AUTHOR = "autorin-1"
# The month of the newest articles (bench_data dates them back from now).
THIS_MONTH = datetime.date.today()
# Environment of both gunicorns beyond the production settings: no worker
# recycling (config/gunicorn.conf.py), so "peak RSS after the run" is that of
# workers that served every page of the run.
SERVER_ENV = {"GUNICORN_MAX_REQUESTS": "0"}
# Environment of the benchmarked site only: the search page, not the limiter
# (every wrk request comes from one network; the default is 60 a minute), and
# every new visitor's view counted (one network may otherwise add 30 per
# article and half hour: DJANGO_VIEW_COUNT_PER_NETWORK).
SITE_ENV = {
    "DJANGO_RATE_LIMIT_SEARCH": "1000000/m",
    "DJANGO_VIEW_COUNT_PER_NETWORK": "0",
}


# The site behind the HTTP cache: counts from the live request, believes the
# cache's X-Forwarded-For.
CACHED_SITE_ENV = {
    **SITE_ENV,
    "DJANGO_VIEW_COUNT_BEACON": "1",
    "DJANGO_TRUSTED_PROXY_COUNT": "1",
    # As with DJANGO_CACHE_PURGE_URLS set: the cache in front keeps the pages.
    "DJANGO_PAGE_STORE_SECONDS": "0",
}
VCL = ROOT / "ops" / "varnish" / "redaktion.vcl"


@dataclass
class Page:
    """One row of the table. ``url_name``/``kwargs`` are resolved with Django's
    ``reverse()`` in the benchmark's environment: a page whose URL does not exist
    (its feature is not built yet) is reported as skipped."""

    label: str
    url_name: str
    kwargs: dict = field(default_factory=dict)
    query: str = ""
    target: float | None = None  # share of the ceiling the issue asks for
    script: str | None = None  # wrk Lua script in bench/
    counted: bool = False  # every request is a new visitor: check the count
    conditional: bool = False  # must answer a conditional GET with 304
    path: str | None = None
    failure: str = ""
    via: str = "site"  # "site", or "cache": Varnish in front of the cached site
    method: str = "GET"
    live: bool = False  # the path is the featured article's live request
    headers: dict = field(default_factory=dict)  # sent with every request


# The pages and the issue's targets. Extension points: search, feed and PDF are
# measured as soon as their URL names exist.
PAGES = [
    Page("home", "articles:home", target=0.25),
    Page(
        "article, returning reader",
        "articles:detail",
        {"slug": FEATURED_SLUG},
        target=0.25,
    ),
    Page(
        "article, new visitors",
        "articles:detail",
        {"slug": FEATURED_SLUG},
        target=0.15,
        script="newvisitor.lua",
        counted=True,
    ),
    Page(
        "article through the cache, readers",
        "articles:detail",
        {"slug": FEATURED_SLUG},
        target=5.0,
        via="cache",
        # As every browser asks: Varnish keeps the gzipped copy Django sent and
        # unzips it for each client that does not accept gzip (wrk by default),
        # which cost two thirds of the throughput and no reader ever asks for.
        headers={"Accept-Encoding": "gzip"},
    ),
    # The live request's cost in Django, like the ceiling: straight to
    # gunicorn (the cached site's, which counts through the live request).
    Page(
        "live request, Django only, new visitors (counted)",
        "articles:live",
        target=0.50,
        script="newvisitor.lua",
        counted=True,
        via="cached-site",
        method="POST",
        live=True,
    ),
    # The way readers' live requests take: passed by the cache, so bounded by
    # the ceiling's own small POST through it (also given as a share of that).
    Page(
        "live request through the cache, new visitors (counted)",
        "articles:live",
        script="newvisitor.lua",
        counted=True,
        via="cache",
        method="POST",
        live=True,
    ),
    Page("category", "articles:category", {"slug": FIRST_CATEGORY}, target=0.25),
    # The other list pages (issue #19 sets no target for them): the most used
    # tag, an author, the archive and this month's archive page.
    Page("tag", "articles:tag", {"slug": FIRST_TAG}),
    Page("author", "authors:detail", {"slug": FIRST_AUTHOR}),
    Page("archive", "discovery:archive"),
    Page(
        "archive, this month",
        "discovery:archive-month",
        {"year": THIS_MONTH.year, "month": THIS_MONTH.month},
    ),
    Page("search", "discovery:search", query="?q=Vertrieb+Mittelstand", target=0.05),
    Page(
        "search, query mix",
        "discovery:search",
        target=0.05,
        script="search_mix.lua",
    ),
    # The same mix with a query no request asked before each time: what a
    # search costs when neither its ranking nor its results are cached.
    Page("search, new queries", "discovery:search", script="search_new.lua"),
    Page("RSS feed", "discovery:feed", target=0.10, conditional=True),
    Page("PDF (cached)", "printing:pdf", {"slug": FEATURED_SLUG}, target=0.20),
]

# Extension point (counters): prints the stored view total of the featured
# article, or nothing while no counters model exists.
# --picture: a library picture for the featured article, renditions made now.
PICTURE_CODE = f"""
import io
from django.core.files.base import ContentFile
from PIL import Image
from articles.models import Article
from pictures.renditions import renditions_warm
from pictures.services import picture_create
buffer = io.BytesIO()
Image.new("RGB", (1600, 900), (90, 140, 200)).save(buffer, "JPEG", quality=85)
picture = picture_create(
    file=ContentFile(buffer.getvalue(), name="benchmark.jpg"), alt_text="Benchmark"
)
renditions_warm(picture)
Article.objects.filter(slug={FEATURED_SLUG!r}).update(picture=picture)
print(picture.file.url)
"""

VIEW_COUNT_CODE = f"""
from django.apps import apps
if list(apps.get_app_config("counters").get_models()):
    from articles.models import Article
    from counters.queries import with_view_total
    print(with_view_total(Article.objects.filter(slug={FEATURED_SLUG!r}))
          .values_list("view_total", flat=True).get())
"""


# A new article is published (a copy of the featured one), as an editor does:
# the publication enqueues its PDF job (printing.jobs) for the worker.
PUBLISH_CODE = f"""
from django.urls import reverse
from articles.models import Article
from articles.services import article_publish
# Reused data (--reuse) still holds the copy of the run before, and its job.
from django_q.models import Success
Article.objects.filter(slug="pdf-nach-der-veroeffentlichung").delete()
Success.objects.filter(func="printing.jobs.pdf_prerender").delete()
article = Article.objects.get(slug={FEATURED_SLUG!r})
article.pk = None
article.slug = "pdf-nach-der-veroeffentlichung"
article.status = Article.Status.DRAFT
article.save()
article_publish(article=article)
print(reverse("printing:pdf", kwargs={{"slug": article.slug}}))
"""

# Waits (up to two minutes) until the worker has run the PDF job of the
# article just published; prints how long that took.
PDF_JOB_WAIT_CODE = """
import time
from django_q.models import Success
started = time.monotonic()
while not Success.objects.filter(func="printing.jobs.pdf_prerender").exists():
    if time.monotonic() - started > 120:
        raise SystemExit("no PDF job done after two minutes")
    time.sleep(0.2)
print(f"{time.monotonic() - started:.1f}")
"""


class BenchError(Exception):
    pass


# --- processes ------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def manage(env: dict, *args: str, capture: bool = False) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        text=True,
        stdout=subprocess.PIPE if capture else None,
    )
    if result.returncode:
        raise BenchError(f"manage.py {' '.join(args)} failed ({result.returncode}).")
    return result.stdout or ""


# gunicorn's combined format plus the time the worker spent on the request
# (%(M)s, milliseconds; without the wait in the listen queue): the slowest
# request of the run is read from it (issue #19: no reader request over
# 100 ms when a cache expires).
ACCESS_LOG_FORMAT = (
    '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms'
)
_REQUEST_TIME = re.compile(
    r'"(?P<request>[A-Z]+ \S+) HTTP/[^"]*" (?P<status>\d{3}) .* (?P<ms>\d+)ms$'
)


def with_access_log(servers: list["Server"]) -> list["Server"]:
    """The servers that have written an access log (Varnish has none)."""
    return [
        server
        for server in servers
        if getattr(server, "access_log", None) is not None
        and server.access_log.exists()
    ]


def access_log_sizes(servers: list["Server"]) -> dict[str, int]:
    """How far each server's access log is written, once it has settled:
    gunicorn logs a request after its answer is sent, so the line of the
    request just answered may still be on its way (the featured PDF's first
    rendering was once reported as the slowest request while wrk ran)."""
    sizes: dict[str, int] = {}
    for _ in range(50):
        now = {
            server.name: server.access_log.stat().st_size
            for server in with_access_log(servers)
        }
        if now == sizes:
            break
        sizes = now
        time.sleep(0.1)
    return sizes


SEARCH_PATH = "/suche/"
PROBE_PATH = " /healthz"  # ops/varnish/redaktion.vcl's probe


class AccessLogSpans:
    """Where in each server's access log the measured runs are: after each
    page's warm-up, so the slowest request is taken from the same requests
    as the rows' rates and latencies (a warm-up's requests include each
    worker's first rendering of the page, without its caches and compiled
    templates: reported apart)."""

    def __init__(self, servers: list["Server"]):
        self.servers = servers
        self.spans: list[tuple[dict[str, int], dict[str, int]]] = []

    @contextmanager
    def measured(self):
        start = access_log_sizes(self.servers)
        yield
        self.spans.append((start, access_log_sizes(self.servers)))


def slowest_request(servers: list["Server"], spans: list[tuple[dict, dict]]) -> str:
    """The slowest request of the benchmarked sites in the access logs'
    ``spans`` [(sizes at the start, sizes at the end)], and the slowest that
    is not a search: searches have their own target (p99 < 300 ms, a new
    query searches), every other page < 100 ms."""
    slowest: dict[bool, tuple] = {}  # is a search → (ms, request, status, where)
    for server in with_access_log(servers):
        if server.name == "ceiling":
            continue
        with open(server.access_log) as log:
            for start, end in spans:
                log.seek(start.get(server.name, 0))
                text = log.read(end.get(server.name, 0) - start.get(server.name, 0))
                for line in text.splitlines():
                    match = _REQUEST_TIME.search(line.rstrip())
                    if not match or PROBE_PATH in match["request"]:
                        continue  # Varnish's health probe is no reader's request
                    found = (int(match["ms"]), match["request"], match["status"])
                    search = SEARCH_PATH in match["request"]
                    if search not in slowest or found[0] > slowest[search][0]:
                        slowest[search] = (*found, server.name)
    if not slowest:
        return "none logged"

    def told(entry: tuple) -> str:
        ms, request, status, where = entry
        return f"({where}) {request} {status} in {ms} ms"

    text = told(max(slowest.values()))
    if False in slowest:
        text += f"; the slowest that is not a search {told(slowest[False])}"
    return text


def shell_line(env: dict, code: str) -> str:
    """The last line ``code`` printed in ``manage.py shell``."""
    output = manage(env, "shell", "--no-imports", "-v0", "-c", code, capture=True)
    return output.strip().splitlines()[-1]


class Server:
    """gunicorn with config/gunicorn.conf.py, as production runs it."""

    def __init__(self, name: str, env: dict, workdir: Path, app: str | None = None):
        self.name = name
        self.port = free_port()
        self.access_log = workdir / f"{name}-access.log"
        self.error_log = workdir / f"{name}-error.log"
        env = {**env, "GUNICORN_ACCESSLOG": str(self.access_log)}
        command = [
            GUNICORN,
            "-c",
            "config/gunicorn.conf.py",
            "--bind",
            f"{HOST}:{self.port}",
            "--access-logformat",
            ACCESS_LOG_FORMAT,
        ]
        if app:
            command += ["--pythonpath", str(BENCH), app]
        with open(self.error_log, "w") as log:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
            )

    def url(self, path: str) -> str:
        return f"http://{HOST}:{self.port}{path}"

    def wait_ready(self, path: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                if get(self.port, path)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        tail = self.error_log.read_text()[-3000:]
        raise BenchError(f"{self.name} did not start on port {self.port}:\n{tail}")

    def workers(self) -> list[int]:
        try:
            children = Path(
                f"/proc/{self.process.pid}/task/{self.process.pid}/children"
            ).read_text()
        except OSError:
            return []
        return [int(pid) for pid in children.split()]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=25)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class Varnish:
    """varnishd with ops/varnish/redaktion.vcl in front of ``backend``, in the
    foreground with a private working directory (stopped by its process id)."""

    def __init__(self, backend: Server, workdir: Path, name: str = "varnish"):
        self.name = name
        self.port = free_port()
        self.backend = backend
        executable = shutil.which("varnishd") or "/usr/sbin/varnishd"
        if not Path(executable).exists():
            raise BenchError("varnishd is missing: apt-get install -y varnish")
        vcl = VCL.read_text().replace('.port = "8000";', f'.port = "{backend.port}";')
        (workdir / f"{name}.vcl").write_text(vcl)
        self.error_log = workdir / f"{name}.log"
        command = [executable, "-F", "-j", "none", "-n", str(workdir / name)]
        command += ["-a", f"{HOST}:{self.port}", "-T", f"{HOST}:0"]
        command += ["-f", str(workdir / f"{name}.vcl"), "-s", "malloc,256m"]
        with open(self.error_log, "w") as log:
            self.process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT
            )

    url = Server.url
    wait_ready = Server.wait_ready
    stop = Server.stop


class MemoryWatch:
    """Samples VmHWM (peak resident set) of the workers of a server several times
    a second: gunicorn replaces workers after ``max_requests``, and a replaced
    worker's peak must not be lost."""

    def __init__(self, server: Server):
        self.server = server
        self.peak_kb: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            self.sample()

    def sample(self) -> None:
        for pid in self.server.workers():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
            if match:
                self.peak_kb[pid] = max(self.peak_kb.get(pid, 0), int(match[1]))

    def peak_mb(self) -> float:
        self.sample()
        return max(self.peak_kb.values(), default=0) / 1024

    def stop(self) -> None:
        self._stop.set()


# --- HTTP and wrk ---------------------------------------------------------------


def get(port: int, path: str, headers: dict | None = None, method: str = "GET"):
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request(
            method,
            path,
            body=b"" if method == "POST" else None,
            headers={"User-Agent": READER_AGENT, **(headers or {})},
        )
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


@dataclass
class Result:
    rps: float
    p50: float  # milliseconds
    p99: float
    requests: int
    errors: int
    non_2xx: int


def to_ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def parse_wrk(output: str) -> Result:
    def find(pattern: str, default: str | None = None) -> str:
        match = re.search(pattern, output, re.M)
        if match:
            return match[1]
        if default is None:
            raise BenchError(f"Unexpected wrk output:\n{output}")
        return default

    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return Result(
        rps=float(find(r"^Requests/sec:\s+([\d.]+)")),
        p50=to_ms(find(r"^\s+50%\s+(\S+)")),
        p99=to_ms(find(r"^\s+99%\s+(\S+)")),
        requests=int(find(r"^\s+(\d+) requests in")),
        errors=sum(map(int, socket_errors.groups())) if socket_errors else 0,
        non_2xx=int(find(r"Non-2xx or 3xx responses: (\d+)", "0")),
    )


def wrk(
    url: str, args, seconds: int, script=None, headers=None, method="GET"
) -> Result:
    command = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{seconds}s"]
    command += ["--latency", "--timeout", "5s"]
    if script:
        command += ["-s", str(BENCH / script)]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    # The script's own arguments come after the URL and "--" (its init(args)).
    script_args = ["--", method] if script else []
    result = subprocess.run(
        [*command, url, *script_args],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
    )
    if result.returncode:
        raise BenchError(f"wrk failed: {result.stderr or result.stdout}")
    return parse_wrk(result.stdout)


def measure(
    url: str, args, script=None, headers=None, method="GET", logs=None
) -> Result:
    """wrk's warm-up, then the measured run (whose span of the servers'
    access logs ``logs``, an ``AccessLogSpans``, records)."""
    if args.warmup:
        wrk(url, args, args.warmup, script, headers, method)
    if logs is None:
        return wrk(url, args, args.duration, script, headers, method)
    with logs.measured():
        return wrk(url, args, args.duration, script, headers, method)


def production_env(workdir: Path, workers: int) -> dict:
    """The environment of ``manage.py`` and gunicorn: production settings (debug
    off, a fresh secret key), files under ``workdir``, none of the caller's
    ``DJANGO_*``/``GUNICORN_*``/``REDIS_URL`` variables; ``DATABASE_URL`` is
    the caller's until it is replaced."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "GUNICORN_", "REDIS_URL"))
    }
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS=HOST,
        DJANGO_STATIC_ROOT=str(workdir / "static"),
        DJANGO_MEDIA_ROOT=str(workdir / "media"),
        DJANGO_SERVE_MEDIA="0",
        DJANGO_LOG_LEVEL="WARNING",
        GUNICORN_WORKERS=str(workers),
    )
    # Keep the runner's settings module out of the servers' environment.
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env


# --- database -------------------------------------------------------------------


def postgres_database(args, url: str):
    """Create the benchmark database next to the one in DATABASE_URL; return its
    URL and a function that drops it."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = args.pg_database
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
        raise BenchError(f"Unsafe database name {name!r}.")
    if parts.path.lstrip("/") == name:
        raise BenchError(
            f"DATABASE_URL names {name!r} itself; point it at another database "
            "of the server (the benchmark creates and drops its own)."
        )
    admin_url = urlunsplit(parts._replace(path="/postgres"))

    def execute(statement) -> None:
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(statement)

    def drop() -> None:
        execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)
            )
        )

    if not args.reuse:
        drop()
        execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    keep = args.keep or args.reuse
    return urlunsplit(parts._replace(path="/" + name)), (lambda: None) if keep else drop


def bench_database(args, workdir: Path, sqlite_name: str):
    """The database of a run: a fresh PostgreSQL database next to the one in
    DATABASE_URL when that is PostgreSQL, else an SQLite file in ``workdir``.
    Returns its URL, a function that drops it (or does nothing), and a label."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        bench_url, drop = postgres_database(args, url)
        return bench_url, drop, f"PostgreSQL ({args.pg_database})"
    return f"sqlite:///{workdir / sqlite_name}", None, "SQLite"


def view_count(env: dict) -> int | None:
    output = manage(
        env, "shell", "--no-imports", "-v0", "-c", VIEW_COUNT_CODE, capture=True
    ).strip()
    return int(output) if output else None


def wait_idle(server: Server, quiet: float = 1.5, limit: float = 30) -> None:
    """Wait until the access log stops growing: when wrk stops, up to one request
    per connection is still queued at the server, and is answered (and counted)
    after wrk has gone."""
    deadline = time.monotonic() + limit
    size, since = -1, time.monotonic()
    while time.monotonic() < deadline:
        current = server.access_log.stat().st_size
        if current != size:
            size, since = current, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return
        time.sleep(0.2)


def new_visitor_responses(server: Server, path: str, method: str = "GET") -> int:
    """200 answers to bench/newvisitor.lua's requests, from the access log (gunicorn
    logs every request that reached Django, even if the client had gone)."""
    wait_idle(server)
    count = 0
    pattern = re.compile(rf'"{method} {re.escape(path)} HTTP/1\.[01]" 200 ')
    with open(server.access_log) as log:
        for line in log:
            if NEW_VISITOR_MARK in line and pattern.search(line):
                count += 1
    return count


# --- the run --------------------------------------------------------------------


RESOLVE_CODE = """
import json
from django.urls import NoReverseMatch, reverse
from django.utils import translation
translation.activate("de")
pages = json.loads({pages!r})
paths = []
for name, kwargs, live in pages:
    if live:
        from articles.models import Article
        kwargs = {{"pk": Article.objects.get(slug={featured!r}).pk}}
    try:
        paths.append(reverse(name, kwargs=kwargs))
    except NoReverseMatch:
        paths.append(None)
print(json.dumps(paths))
"""


def resolve_paths(env: dict, pages: list[Page]) -> None:
    spec = json.dumps([[page.url_name, page.kwargs, page.live] for page in pages])
    output = manage(
        env,
        "shell",
        "--no-imports",
        "-v0",
        "-c",
        RESOLVE_CODE.format(pages=spec, featured=FEATURED_SLUG),
        capture=True,
    )
    paths = json.loads(output.strip().splitlines()[-1])
    for page, path in zip(pages, paths, strict=True):
        page.path = path + page.query if path else None


def check_conditional(server: Server, path: str) -> str:
    status, headers, _body = get(server.port, path)
    conditional = {}
    if "ETag" in headers:
        conditional["If-None-Match"] = headers["ETag"]
    if "Last-Modified" in headers:
        conditional["If-Modified-Since"] = headers["Last-Modified"]
    if not conditional:
        return "no ETag or Last-Modified: conditional GET impossible"
    status, _headers, _body = get(server.port, path, conditional)
    return "conditional GET answered 304" if status == 304 else f"got {status}, not 304"


def format_table(rows: list[list[str]]) -> str:
    header = [
        "page",
        "req/s",
        "p50 ms",
        "p99 ms",
        "errors",
        "non-2xx",
        "of ceiling",
        "target",
        "worker peak RSS",
    ]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def result_cells(result: Result) -> list[str]:
    if result.requests == 0:  # nothing answered within the run: no latencies
        return ["0", "–", "–", str(result.errors), str(result.non_2xx)]
    return [
        f"{result.rps:,.0f}",
        f"{result.p50:.1f}",
        f"{result.p99:.1f}",
        str(result.errors),
        str(result.non_2xx),
    ]


def run(args) -> int:
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    if not shutil.which("wrk"):
        print(
            "wrk is missing. Install it with: apt-get install -y wrk", file=sys.stderr
        )
        return 2
    workdir = Path(args.data_dir or tempfile.mkdtemp(prefix="redaktion-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    env = production_env(workdir, args.workers)
    if args.redis:
        env["REDIS_URL"] = args.redis
    env["DATABASE_URL"], drop_database, database = bench_database(
        args, workdir, "bench.sqlite3"
    )
    servers: list[Server] = []
    store = None
    try:
        if args.s3:
            store = start_object_store(env, workdir)
        print(f"== Database: {database}, scale {args.scale}, in {workdir}")
        prepare_site(env, args)
        if args.picture:
            address = shell_line(env, PICTURE_CODE)
            print(f"   featured picture: {address}")
        print("== Starting gunicorn: site and ceiling")
        site, ceiling, cache, ceiling_cache = start_servers(env, workdir, servers)
        memory = MemoryWatch(site)
        notes: list[str] = []
        by_way = {"site": site, "cache": cache, "cached-site": cache.backend}
        reader_headers = first_requests(by_way, notes)
        logs = AccessLogSpans(servers)
        wrk_began = access_log_sizes(servers)
        print(
            f"== wrk: {args.threads} threads, {args.connections} connections, "
            f"{args.warmup:g} s warm-up + {args.duration:g} s per page"
        )
        ceiling_before = measure(ceiling.url("/"), args)
        print(f"   ceiling: {ceiling_before.rps:,.0f} req/s")
        passed_ceiling = measure_passed_ceiling(ceiling_cache, args)
        print(f"   ceiling through the cache, passed: {passed_ceiling.rps:,.0f} req/s")
        measured = measure_pages(by_way, env, args, reader_headers, memory, notes, logs)
        ceiling_after = measure(ceiling.url("/"), args)
        memory.stop()
        slowest = slowest_request(servers, logs.spans)
        notes.append(f"Slowest request in the measured runs: {slowest}.")
        warm_ups_too = [(wrk_began, access_log_sizes(servers))]
        notes.append(
            "Slowest request while wrk ran, warm-ups included (each worker's "
            "first rendering of each page, its caches empty): "
            f"{slowest_request(servers, warm_ups_too)}."
        )
        if any(page.url_name == "printing:pdf" and page.path for page in PAGES):
            pdf_after_publication(env, site, workdir, notes)
        cache_expiry({**env, **SITE_ENV}, notes)
    except BenchError as error:
        print(f"!! {error}", file=sys.stderr)
        return 1
    finally:
        for server in servers:
            server.stop()
        if store is not None:
            store.terminate()
            store.wait(timeout=30)
        if drop_database:
            drop_database()
        if not args.keep and not args.data_dir:
            shutil.rmtree(workdir, ignore_errors=True)

    print()
    print(
        f"Scale {args.scale}, {database}, cache "
        f"{'Redis' if args.redis else 'local memory'}, media "
        f"{'on an object store (moto)' if args.s3 else 'on the local disk'}"
        f"{', featured article with a picture' if args.picture else ''}, "
        f"{args.workers} gunicorn "
        f"workers, wrk {args.connections} connections, {args.duration:g} s per page. "
        f"Ceiling {ceiling_before.rps:,.0f} req/s before, {ceiling_after.rps:,.0f} "
        f"after (ratio to the mean). Load average before the run: {load}."
    )
    print()
    print(
        format_table(
            table_rows(measured, ceiling_before, ceiling_after, passed_ceiling)
        )
    )
    print()
    return report_memory_and_notes(memory, notes, args)


def start_object_store(env: dict, workdir: Path) -> subprocess.Popen:
    """moto's S3 server on loopback with a public bucket; the site's DJANGO_S3_*
    variables point at it."""
    import boto3

    executable = Path(PYTHON).with_name("moto_server")
    if not executable.exists():
        raise BenchError("--s3 needs moto[server] (moto_server)")
    port = free_port()
    with open(workdir / "moto.log", "w") as log:
        process = subprocess.Popen(
            [str(executable), "-H", HOST, "-p", str(port)], stdout=log, stderr=log
        )
    endpoint = f"http://{HOST}:{port}"
    for _ in range(100):
        try:
            socket.create_connection((HOST, port), 1).close()
            break
        except OSError:
            time.sleep(0.1)
    boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="eu-central-1",
        aws_access_key_id="bench",
        aws_secret_access_key="bench",
    ).create_bucket(
        Bucket="bench-media",
        CreateBucketConfiguration={"LocationConstraint": "eu-central-1"},
    )
    env.update(
        DJANGO_S3_BUCKET="bench-media",
        DJANGO_S3_ENDPOINT_URL=endpoint,
        DJANGO_S3_REGION="eu-central-1",
        DJANGO_S3_ACCESS_KEY_ID="bench",
        DJANGO_S3_SECRET_ACCESS_KEY="bench",
        DJANGO_S3_PUBLIC_URL=f"{endpoint}/bench-media",
    )
    print(f"== Media on moto's S3 server at {endpoint}")
    return process


def prepare_site(env: dict, args) -> None:
    """Migrate, build (or reuse) the data, collect static files, clear Redis."""
    manage(env, "migrate", "--noinput", "-v0")
    if args.reuse and manage(
        env,
        "shell",
        "--no-imports",
        "-v0",
        "-c",
        "from articles.models import Article; "
        f"print(Article.objects.filter(slug={FEATURED_SLUG!r}).exists())",
        capture=True,
    ).strip().endswith("True"):
        print("   reusing the existing benchmark data")
    else:
        manage(env, "bench_data", "--scale", args.scale)
    manage(env, "collectstatic", "--noinput", "-v0")
    if args.redis:
        manage(
            env,
            "shell",
            "--no-imports",
            "-c",
            "from django.core.cache import cache; cache.clear()",
        )
    resolve_paths(env, PAGES)


def start_servers(env: dict, workdir: Path, servers: list) -> tuple:
    """The site and the ceiling, each under gunicorn, ready; both are appended
    to ``servers`` as soon as they start, so they are stopped whatever happens."""
    site = Server("site", {**env, **SERVER_ENV, **SITE_ENV}, workdir)
    servers.append(site)
    ceiling_env = {**env, **SERVER_ENV, "DJANGO_SETTINGS_MODULE": "ceiling.settings"}
    ceiling = Server("ceiling", ceiling_env, workdir, app="ceiling.wsgi:application")
    servers.append(ceiling)
    # The health check (Varnish's probe) wants a writable media folder.
    (workdir / "media").mkdir(exist_ok=True)
    cached_site = Server(
        "cached-site", {**env, **SERVER_ENV, **CACHED_SITE_ENV}, workdir
    )
    servers.append(cached_site)
    site.wait_ready("/")
    ceiling.wait_ready("/")
    cached_site.wait_ready("/")
    cache = Varnish(cached_site, workdir)
    servers.append(cache)
    cache.wait_ready("/")
    # The ceiling of a request the cache passes on (the live request's way).
    ceiling_cache = Varnish(ceiling, workdir, name="ceiling-varnish")
    servers.append(ceiling_cache)
    ceiling_cache.wait_ready("/")
    return site, ceiling, cache, ceiling_cache


def pdf_after_publication(env: dict, site, workdir: Path, notes: list[str]) -> None:
    """The first reader's PDF of an article just published: the publication
    enqueues the rendering, a real job worker (``manage.py qcluster``) runs it,
    then the first request is timed (target < 200 ms: already rendered)."""
    worker_env = {**env, "DJANGO_JOBS_WORKER": "1"}
    path = shell_line(worker_env, PUBLISH_CODE)
    with open(workdir / "worker.log", "w") as log:
        worker = subprocess.Popen(
            [PYTHON, "manage.py", "qcluster"],
            cwd=ROOT,
            env=worker_env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        waited = shell_line(env, PDF_JOB_WAIT_CODE)
    finally:
        # Its job is done (or the wait gave up): the worker has nothing left
        # to finish, and qcluster's graceful stop takes its time.
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(timeout=30)
    started = time.perf_counter()
    status, headers, body = get(site.port, path)
    milliseconds = (time.perf_counter() - started) * 1000
    kind = headers.get("Content-Type", "")
    notes.append(
        f"PDF after publication: rendered by the worker {waited} s after the "
        f"publication; the first reader's request {milliseconds:.0f} ms "
        f"(HTTP {status}, {kind}, {len(body) / 1024:.0f} KB; target < 200 ms)"
    )


# The pages bench/expiry.py times when their caches expire.
EXPIRY_PAGES = [
    "home",
    "article, returning reader",
    "category",
    "tag",
    "author",
    "archive",
    "search",
    "RSS feed",
]


def cache_expiry(env: dict, notes: list[str]) -> None:
    """What a reader waits for when a cache expires (``bench/expiry.py``, in
    one process after the runs: they are shorter than the caches' lives)."""
    paths = [p.path for p in PAGES if p.label in EXPIRY_PAGES and p.path]
    result = subprocess.run(
        [PYTHON, "bench/expiry.py", *paths, "/sitemap.xml"],
        cwd=ROOT,
        env=env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # the site's own slow-request warnings
    )
    if result.returncode:
        raise BenchError(f"bench/expiry.py failed ({result.returncode}).")
    notes.append(
        "When a cache expires (one process, after the runs; target: no reader "
        "request over 100 ms):"
    )
    notes.extend(f"  {line}" for line in result.stdout.splitlines())


def first_requests(servers: dict, notes: list[str]) -> dict[str, str]:
    """Every page must answer 200 before it is measured; one that does not is
    reported as failed (and the run exits 1), the others are measured. The
    first request of the PDF is its first rendering: timed. Returns the
    headers of a returning reader (the article page's cookie, if it sets one)."""
    reader_headers: dict[str, str] = {}
    for page in PAGES:
        if page.path is None:
            continue
        server = servers[page.via]
        started = time.perf_counter()
        status, headers, body = get(
            server.port, page.path, origin(server), method=page.method
        )
        seconds = time.perf_counter() - started
        if status != 200:
            print(f"!! {page.label}: {page.path} answered {status}", file=sys.stderr)
            print(body[:2000].decode(errors="replace"), file=sys.stderr)
            page.failure = f"failed: HTTP {status}"
            page.path = None
        elif page.url_name == "printing:pdf":
            notes.append(
                f"{page.label}: first rendering {seconds:.2f} s "
                f"({len(body) / 1024:.0f} KB; target < 1.5 s)"
            )
        elif page.via == "cache" and not page.live:
            # The first request filled the cache; the second must be a hit.
            again = get(server.port, page.path)[1].get("X-Cache")
            notes.append(f"{page.label}: second request X-Cache: {again}")
        elif page.url_name == "articles:detail" and "Set-Cookie" in headers:
            reader_headers["Cookie"] = headers["Set-Cookie"].split(";", 1)[0]
    return reader_headers


def origin(server) -> dict[str, str]:
    """The Origin header a browser sends with the page's POSTs."""
    return {"Origin": f"http://{HOST}:{server.port}"}


def measure_pages(servers, env, args, reader_headers, memory, notes, logs) -> list:
    """wrk on every page that answered; ``[(page, result or None, peak MB)]``."""
    measured: list[tuple[Page, Result | None, float]] = []
    for page in PAGES:
        if page.path is None:
            measured.append((page, None, 0.0))
            continue
        site = servers[page.via]
        backend = getattr(site, "backend", site)  # what counts, and logs
        headers = {"User-Agent": READER_AGENT, **reader_headers, **page.headers}
        if page.counted:
            headers = {}  # the script sets a new user agent per request
            answered_before = new_visitor_responses(backend, page.path, page.method)
            count_before = view_count(env)
        if page.method == "POST":
            headers.update(origin(site))
        result = measure(
            site.url(page.path), args, page.script, headers, page.method, logs
        )
        measured.append((page, result, memory.peak_mb()))
        print(f"   {page.label}: {result.rps:,.0f} req/s")
        if result.non_2xx:
            status = get(site.port, page.path, origin(site), page.method)[0]
            page.failure = f"invalid: {result.non_2xx:,} non-2xx"
            print(
                f"!! {page.label}: {result.non_2xx:,} of {result.requests:,} "
                "answers were not 2xx/3xx, so the row does not measure the "
                f"page (one GET now answers {status})",
                file=sys.stderr,
            )
        if page.conditional:
            notes.append(f"{page.label}: {check_conditional(site, page.path)}")
        if page.counted:
            answered = (
                new_visitor_responses(backend, page.path, page.method) - answered_before
            )
            notes.append(count_note(env, page, count_before, answered))
    return measured


def measure_passed_ceiling(ceiling_cache, args) -> Result:
    """The ceiling's small JSON answer to new visitors' POSTs through Varnish,
    which passes them to gunicorn: what the cache's pass itself costs, the
    bound of the live request's row (its ratio is also given to this)."""
    headers = origin(ceiling_cache)
    url = ceiling_cache.url("/live/")
    return measure(url, args, "newvisitor.lua", headers, "POST")


def table_rows(
    measured, ceiling_before: Result, ceiling_after: Result, passed: Result
) -> list:
    ceiling_rps = (ceiling_before.rps + ceiling_after.rps) / 2
    rows = [["ceiling (no database)", *result_cells(ceiling_after), "100 %", "", ""]]
    rows.append(
        [
            "ceiling, small POST passed by the cache",
            *result_cells(passed),
            f"{passed.rps / ceiling_rps:.0%}",
            "",
            "",
        ]
    )
    for page, result, peak in measured:
        target = f"≥ {page.target:.0%}" if page.target else ""
        if page.target and page.target >= 1:
            target = f"≥ {page.target:g}×"
        if result is None:
            state = page.failure or "not built yet"
            rows.append([page.label, state, "", "", "", "", "", target, ""])
            continue
        share = result.rps / ceiling_rps
        mark = "" if page.target is None else (" ✓" if share >= page.target else " ✗")
        if page.failure:
            mark = f" ✗ {page.failure}"
        if page.live and page.via == "cache" and passed.rps:
            mark += f" ({result.rps / passed.rps:.0%} of the passed ceiling)"
        rows.append(
            [
                page.label,
                *result_cells(result),
                f"{share:.0%}{mark}",
                target,
                f"{peak:.0f} MB",
            ]
        )
    return rows


def report_memory_and_notes(memory, notes: list[str], args) -> int:
    print(
        f"Worker peak RSS after the run: {memory.peak_mb():.0f} MB (target < 150 MB)."
    )
    started = len(memory.peak_kb)
    print(f"Site workers started during the run: {started}.")
    for note in notes:
        print(note)
    replaced = started != args.workers
    if replaced:
        print(
            f"!! {started} site workers for --workers {args.workers}: a worker was "
            "replaced during the run (crash or timeout? see the site's error log "
            "with --keep); the peak RSS is not that of workers that served the "
            "whole run.",
            file=sys.stderr,
        )
    return 1 if replaced or any(page.failure for page in PAGES) else 0


def count_note(env: dict, page: Page, before: int | None, answered: int) -> str:
    """Did the stored count grow by exactly the counted answers? Waits up to
    15 s for counts that are buffered and written a little later."""
    if before is None:
        return f"{page.label}: no view counter yet; {answered:,} answers with 200"
    deadline = time.monotonic() + 15
    while True:
        grown = view_count(env) - before
        if grown == answered or time.monotonic() > deadline:
            break
        time.sleep(1)
    verdict = "exact" if grown == answered else "NOT exact"
    return (
        f"{page.label}: stored count grew by {grown:,} for {answered:,} answers "
        f"with 200 ({verdict})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=["tiny", "small", "large"], default="small")
    parser.add_argument("--duration", type=int, default=20, help="seconds per page")
    parser.add_argument("--warmup", type=int, default=5, help="seconds per page")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument(
        "--redis",
        metavar="URL",
        help="use this Redis as the cache (it is CLEARED first), e.g. "
        "redis://127.0.0.1:6379/9",
    )
    parser.add_argument(
        "--pg-database",
        default="redaktion_bench",
        help="PostgreSQL database to create (when DATABASE_URL is set)",
    )
    parser.add_argument(
        "--data-dir", help="keep the SQLite file, static files and logs here"
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="reuse the benchmark data in --data-dir or the PostgreSQL database",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary files and database"
    )
    parser.add_argument(
        "--s3",
        action="store_true",
        help="media on an S3-compatible object store (moto's server on loopback)",
    )
    parser.add_argument(
        "--picture",
        action="store_true",
        help="give the featured article a library picture (renditions made first)",
    )
    args = parser.parse_args()
    if args.reuse and not (args.data_dir or os.environ.get("DATABASE_URL")):
        parser.error("--reuse needs --data-dir (SQLite) or DATABASE_URL.")
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
