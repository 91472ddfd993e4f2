"""Real server processes for tests: gunicorn serving the test database, a
private redis-server (never the shared one on 6379), and varnishd in front of
a gunicorn with the shipped configuration (ops/varnish/redaktion.vcl).

Both run on a free loopback port and are stopped (by their own process id)
when the ``with`` block ends. gunicorn runs ``config/gunicorn.conf.py`` with
the test settings (plain static files, debug off) against the database the test
is using: data a ``transactional_db`` test created is what gunicorn serves.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url() -> str:
    """The URL of the database this test runs on (the test database)."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def site_environment(**extra: str) -> dict[str, str]:
    """Production-like settings (debug off) of the tests, on the test database."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "GUNICORN_", "DATABASE_URL", "REDIS_URL"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="tests.settings",
        DATABASE_URL=database_url(),
        DJANGO_DEBUG="0",
        GUNICORN_ACCESSLOG="",
    )
    env.update(extra)
    return env


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


@dataclass
class Site:
    url: str
    home: Path  # HOME of the server process
    log: Path

    def access_lines(self, at_least: int = 0) -> list[tuple[str, str, str]]:
        """(worker pid, status, path) of every request answered so far.

        A worker writes its access line after the answer has gone out, so a
        client may read the log before the line is there: ``at_least`` waits
        (up to 10 s) until that many lines are written."""
        deadline = time.monotonic() + 10
        while True:
            lines = [
                tuple(line.split(" ", 3)[1:4])
                for line in self.log.read_text().splitlines()
                if line.startswith("ACCESS ")
            ]
            if len(lines) >= at_least or time.monotonic() > deadline:
                return lines
            time.sleep(0.05)

    def get(self, path: str, headers: dict | None = None) -> Response:
        request = urllib.request.Request(self.url + path, headers=headers or {})
        try:
            with _opener.open(request, timeout=30) as answer:
                return Response(answer.status, dict(answer.headers), answer.read())
        except urllib.error.HTTPError as error:
            return Response(error.code, dict(error.headers), error.read())


def _wait_until_answered(site: "Site", path: str) -> None:
    """Until ``path`` answers 200 through ``site`` (a cache whose backend a
    busy machine answers slowly at first); up to a minute."""
    deadline = time.monotonic() + 60
    while site.get(path).status != 200:
        if time.monotonic() > deadline:
            raise RuntimeError(f"{site.url}{path} does not answer 200")
        time.sleep(0.1)


def _wait_for_port(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server on port {port} did not start:\n{log.read_text()}")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def gunicorn(
    *, workers: int = 2, access_log: bool = False, **env: str
) -> Iterator[Site]:
    """gunicorn as production runs it, with ``env`` on top of the test settings.

    Its HOME is a fresh temporary folder, so whatever it writes there (a
    control socket) stays visible to the test and away from the user's. With
    ``access_log`` every answered request is a line "<worker pid> <status>
    <path>" in ``site.log``."""
    home = Path(tempfile.mkdtemp(prefix="redaktion-gunicorn-home-"))
    log = home / "gunicorn.log"
    port = free_port()
    environment = site_environment(HOME=str(home), **env)
    environment.pop("XDG_RUNTIME_DIR", None)
    command = [GUNICORN, "-c", "config/gunicorn.conf.py", "--bind"]
    command += [f"127.0.0.1:{port}", "--workers", str(workers)]
    if access_log:
        command += ["--access-logfile", "-", "--access-logformat"]
        command += ["ACCESS %(p)s %(s)s %(U)s"]
    with open(log, "w") as output:
        process = subprocess.Popen(
            command, cwd=ROOT, env=environment, stdout=output, stderr=output
        )
    try:
        _wait_for_port(port, process, log)
        yield Site(url=f"http://127.0.0.1:{port}", home=home, log=log)
    finally:
        _stop(process)
        shutil.rmtree(home, ignore_errors=True)


@dataclass
class RedisServer:
    url: str
    process: subprocess.Popen

    def freeze(self) -> None:
        """Stop the server's process without ending it: it accepts connections
        and answers nothing (as a hung or swapping Redis does)."""
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self) -> None:
        self.process.send_signal(signal.SIGCONT)


@contextmanager
def redis_server() -> Iterator[RedisServer]:
    """A private redis-server without persistence on a free loopback port."""
    executable = shutil.which("redis-server")
    if executable is None:
        pytest.skip("redis-server is not installed")
    port = free_port()
    workdir = Path(tempfile.mkdtemp(prefix="redaktion-redis-"))
    log = workdir / "redis.log"
    command = [executable, "--port", str(port), "--bind", "127.0.0.1"]
    command += ["--save", "", "--appendonly", "no", "--dir", str(workdir)]
    with open(log, "w") as output:
        process = subprocess.Popen(command, stdout=output, stderr=output)
    server = RedisServer(url=f"redis://127.0.0.1:{port}/0", process=process)
    try:
        _wait_for_port(port, process, log)
        yield server
    finally:
        server.thaw()
        _stop(process)
        shutil.rmtree(workdir, ignore_errors=True)


@dataclass
class ObjectStore:
    """An S3-compatible server (moto in server mode) with one empty bucket."""

    endpoint: str
    bucket: str

    def client(self):
        import boto3  # the tests' own view of the bucket

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name="eu-central-1",
            aws_access_key_id="test",
            aws_secret_access_key="test",
        )

    def environment(self, *, public: bool = True) -> dict[str, str]:
        """The site's DJANGO_S3_* variables for this store; ``public``: readers
        fetch media from the bucket's address instead of signed URLs."""
        env = {
            "DJANGO_S3_BUCKET": self.bucket,
            "DJANGO_S3_ENDPOINT_URL": self.endpoint,
            "DJANGO_S3_REGION": "eu-central-1",
            "DJANGO_S3_ACCESS_KEY_ID": "test",
            "DJANGO_S3_SECRET_ACCESS_KEY": "test",
        }
        if public:
            env["DJANGO_S3_PUBLIC_URL"] = f"{self.endpoint}/{self.bucket}"
        return env

    def keys(self) -> list[str]:
        listing = self.client().list_objects_v2(Bucket=self.bucket)
        return sorted(item["Key"] for item in listing.get("Contents", []))


@contextmanager
def object_store(bucket: str = "redaktion-media") -> Iterator[ObjectStore]:
    """moto's S3 server (``moto_server``) on a free loopback port."""
    executable = Path(sys.executable).with_name("moto_server")
    if not executable.exists():
        pytest.skip("moto[server] is not installed")
    port = free_port()
    workdir = Path(tempfile.mkdtemp(prefix="redaktion-s3-"))
    log = workdir / "moto.log"
    with open(log, "w") as output:
        process = subprocess.Popen(
            [str(executable), "-H", "127.0.0.1", "-p", str(port)],
            stdout=output,
            stderr=output,
        )
    store = ObjectStore(endpoint=f"http://127.0.0.1:{port}", bucket=bucket)
    try:
        _wait_for_port(port, process, log)
        store.client().create_bucket(
            Bucket=bucket,
            CreateBucketConfiguration={"LocationConstraint": "eu-central-1"},
        )
        yield store
    finally:
        _stop(process)
        shutil.rmtree(workdir, ignore_errors=True)


VCL = ROOT / "ops" / "varnish" / "redaktion.vcl"


@contextmanager
def varnish(backend: Site, *, port: int | None = None) -> Iterator[Site]:
    """varnishd with ``ops/varnish/redaktion.vcl`` in front of ``backend``, on
    ``port`` (a free loopback port unless given, e.g. to tell the backend where
    to purge), with a private working directory (``-n``) and in the
    foreground, so it is stopped by its own process id."""
    executable = shutil.which("varnishd") or "/usr/sbin/varnishd"
    if not Path(executable).exists():
        pytest.skip("varnishd is not installed (Debian's varnish)")
    port = port or free_port()
    backend_port = backend.url.rsplit(":", 1)[1]
    workdir = Path(tempfile.mkdtemp(prefix="redaktion-varnish-"))
    vcl = VCL.read_text().replace('.port = "8000";', f'.port = "{backend_port}";')
    assert f'.port = "{backend_port}";' in vcl
    (workdir / "redaktion.vcl").write_text(vcl)
    log = workdir / "varnishd.log"
    command = [executable, "-F", "-j", "none", "-n", str(workdir / "instance")]
    command += ["-a", f"127.0.0.1:{port}", "-T", "127.0.0.1:0"]
    command += ["-f", str(workdir / "redaktion.vcl"), "-s", "malloc,64m"]
    # Bans are checked at once (the ban lurker), not only on the next lookup.
    command += ["-p", "ban_lurker_sleep=0.01"]
    with open(log, "w") as output:
        process = subprocess.Popen(command, stdout=output, stderr=output)
    try:
        _wait_for_port(port, process, log)
        site = Site(url=f"http://127.0.0.1:{port}", home=workdir, log=log)
        _wait_until_answered(site, "/healthz")
        yield site
    finally:
        _stop(process)
        shutil.rmtree(workdir, ignore_errors=True)
