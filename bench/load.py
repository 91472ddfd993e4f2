#!/usr/bin/env python3
"""The load test: mixed traffic at many connections, then count what was stored.

    .venv/bin/python bench/load.py [--duration 60] [--connections 64] [--scale small]

1. Builds a fresh database like ``bench/run.py`` (a temporary SQLite file, or,
   when ``DATABASE_URL`` is set, a separate PostgreSQL database
   ``redaktion_load`` on that server, created and dropped here) with
   ``manage.py bench_data``, and starts gunicorn with the production settings
   (debug off) on a free loopback port.
2. Drives ``--connections`` concurrent clients (Python threads, one request in
   flight each) for ``--duration`` seconds with a mix of home page, article
   pages, votes, comments and searches, and records every answer's status per
   request type. Every client waits for its answer, so no request is still
   being processed at the server when the counts are compared.
3. Prints requests and statuses per type, the 5xx answers, the "database is
   locked" lines and tracebacks in gunicorn's log, and the checks: new votes
   stored == votes answered with 2xx/3xx, growth of the stored view totals ==
   article pages answered with 200, new comments stored == comments answered
   with 2xx/3xx. Exits 1 on any mismatch, 5xx, other unexpected status, client
   error or database lock.

Keeping the accounting exact:

* Every request carries a user agent no other request used and no voter cookie:
  a new visitor key (IP address + user agent) each time, so every article page
  is a counted view (no 30-minute de-duplication) and every vote a new voter.
* Rate limits are raised for the run (``DJANGO_RATE_LIMIT_*``, see
  ``RATE_LIMITS``) and the minimum time before a comment may be sent is 0: the
  load test measures capacity and correctness, not the limiter (which has its
  own tests). The limits hold per network, and every client is on 127.0.0.1, so
  the caps on one network's votes and views are off too
  (``DJANGO_VOTES_PER_NETWORK``, ``DJANGO_VIEW_COUNT_PER_NETWORK`` = 0).
* Comments are sent by a logged-in (non-staff) reader, whose comments are stored
  at once. An anonymous comment is only stored after its author follows the
  link in the confirmation mail (django-comments-xtd keeps it in the signed
  link until then), so there would be no row to count at post time. Each
  comment has its own text (django-contrib-comments drops a duplicate of the
  same day silently). The comment page itself is not requested as the reader:
  a logged-in reader's page view counts as a view too, but it could be one
  inside the 30-minute window.

Not part of the test suite. Figures mean something only on a quiet machine;
the checks must hold on any machine.
"""

import argparse
import http.client
import json
import random
import secrets
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from run import (  # bench/run.py, the benchmark
    HOST,
    BenchError,
    Server,
    bench_database,
    manage,
    production_env,
)

# Raised for the run: capacity and correctness, not the limiter (see above).
RATE_LIMITS = {
    "DJANGO_RATE_LIMIT_VOTE": "1000000/m",
    "DJANGO_RATE_LIMIT_COMMENT": "1000000/m",
    "DJANGO_RATE_LIMIT_SEARCH": "1000000/m",
    "DJANGO_COMMENTS_MIN_SUBMIT_SECONDS": "0",
    # Every client is on 127.0.0.1: one network, whose votes and views the
    # site would otherwise cap (30 views per article and half hour, 5 votes).
    "DJANGO_VIEW_COUNT_PER_NETWORK": "0",
    "DJANGO_VOTES_PER_NETWORK": "0",
}
# Share of each request type in the mix (``--mix`` changes it).
MIX = {"home": 20, "article": 35, "vote": 15, "comment": 10, "search": 20}
ARTICLES = 20  # the newest published articles open to votes and comments
SEARCH_TERMS = ["Vertrieb", "Mittelstand", "Technik", "Arbeit", "Vertrieb Technik"]
AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
CLIENT_TIMEOUT = 120  # seconds; an answer that takes longer is a client error
# A CSRF secret of the right form, sent as cookie and form field (Django
# compares the two; no page needs to be fetched first).
CSRF_TOKEN = secrets.token_hex(16)
LOCK_MESSAGE = "database is locked"

SETUP_CODE = """
import json
from django.conf import settings
from django.contrib.auth import (
    BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model, load_backend,
)
from django.contrib.sessions.backends.db import SessionStore
from django.urls import reverse
from django.utils import translation
from articles.models import Article
from comments.forms import ArticleCommentForm
from comments.models import comments_open

translation.activate("de")
articles = []
for article in Article.objects.published().order_by("-publish_at", "-pk")[:200]:
    summary = getattr(article, "rating_summary", None)
    if comments_open(article) and (summary is None or summary.enabled):
        articles.append(article)
    if len(articles) == {count}:
        break
user, _ = get_user_model().objects.get_or_create(
    username="lasttest",
    defaults={{"email": "lasttest@example.org", "first_name": "Last",
               "last_name": "Test"}},
)
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
# The first backend that can load users (as the test client's force_login).
session[BACKEND_SESSION_KEY] = next(
    path for path in settings.AUTHENTICATION_BACKENDS
    if hasattr(load_backend(path), "get_user")
)
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print(json.dumps({{
    "session_cookie": settings.SESSION_COOKIE_NAME,
    "session": session.session_key,
    "csrf_cookie": settings.CSRF_COOKIE_NAME,
    "home": reverse("articles:home"),
    "search": reverse("discovery:search"),
    "comment": reverse("comments:post"),
    "articles": [
        {{
            "pk": article.pk,
            "page": article.get_absolute_url(),
            "vote": reverse("ratings:vote", kwargs={{"slug": article.slug}}),
            "form": ArticleCommentForm(article).generate_security_data(),
        }}
        for article in articles
    ],
}}))
"""

COUNT_CODE = """
import json
from django.db.models import Sum
from articles.models import Article
from comments.models import ArticleComment
from counters.queries import with_view_total
from ratings.models import RatingSummary, Vote

pks = json.loads({pks!r})
views = with_view_total(Article.objects.filter(pk__in=pks))
print(json.dumps({{
    "votes": Vote.objects.count(),
    "vote_summaries": RatingSummary.objects.aggregate(n=Sum("count"))["n"] or 0,
    "comments": ArticleComment.objects.count(),
    "views": sum(views.values_list("view_total", flat=True)),
}}))
"""


@dataclass
class Tally:
    """What the clients sent and got back, per request type."""

    statuses: dict[str, Counter] = field(default_factory=dict)
    errors: Counter = field(default_factory=Counter)  # (type, exception name)
    seconds: dict[str, list[float]] = field(default_factory=dict)  # answered
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, kind: str, status: int | None, seconds: float, error="") -> None:
        with self.lock:
            if status is None:
                self.errors[(kind, error)] += 1
            else:
                self.statuses.setdefault(kind, Counter())[status] += 1
                self.seconds.setdefault(kind, []).append(seconds)

    def latency(self, kind: str, share: float) -> str:
        """The ``share`` quantile of the answer times, in milliseconds."""
        times = sorted(self.seconds.get(kind, []))
        if not times:
            return "–"
        return f"{times[min(len(times) - 1, int(share * len(times)))] * 1000:,.0f}"

    def answered(self, kind: str, accepted) -> int:
        return sum(n for s, n in self.statuses.get(kind, {}).items() if accepted(s))


def shell_json(env: dict, code: str) -> dict:
    output = manage(env, "shell", "--no-imports", "-v0", "-c", code, capture=True)
    return json.loads(output.strip().splitlines()[-1])


class Client(threading.Thread):
    """One connection's worth of traffic: one request at a time until the end."""

    def __init__(self, number, port, site: dict, deadline: float, tally, mix: dict):
        super().__init__(daemon=True)
        self.mix = mix
        self.number = number
        self.port = port
        self.site = site
        self.deadline = deadline
        self.tally = tally
        self.random = random.Random(number)
        self.serial = 0

    def agent(self) -> str:
        """A user agent no other request uses: a new visitor every time."""
        self.serial += 1
        return f"{AGENT} Last/{self.number}-{self.serial}"

    def request(self, method: str, path: str, body: dict | None = None, cookies=""):
        headers = {"User-Agent": self.agent()}
        data = None
        if body is not None:
            data = urlencode({**body, "csrfmiddlewaretoken": CSRF_TOKEN})
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            cookies = "; ".join(
                filter(None, [f"{self.site['csrf_cookie']}={CSRF_TOKEN}", cookies])
            )
        if cookies:
            headers["Cookie"] = cookies
        connection = http.client.HTTPConnection(HOST, self.port, timeout=CLIENT_TIMEOUT)
        try:
            connection.request(method, path, body=data, headers=headers)
            response = connection.getresponse()
            response.read()
            return response.status
        finally:
            connection.close()

    def one(self, kind: str) -> int:
        article = self.random.choice(self.site["articles"])
        if kind == "home":
            return self.request("GET", self.site["home"])
        if kind == "article":
            return self.request("GET", article["page"])
        if kind == "search":
            query = urlencode({"q": self.random.choice(SEARCH_TERMS)})
            return self.request("GET", f"{self.site['search']}?{query}")
        if kind == "vote":
            score = self.random.randint(1, 5)
            return self.request("POST", article["vote"], {"score": score})
        if kind == "comment":
            form = {
                **article["form"],
                "reply_to": "0",
                "url": "",
                "honeypot": "",
                "consent": "on",
                "comment": f"Lasttest {self.number}-{self.serial}: "
                f"{secrets.token_hex(8)} – ein Kommentar unter Last.",
            }
            session = f"{self.site['session_cookie']}={self.site['session']}"
            return self.request("POST", self.site["comment"], form, session)
        raise ValueError(kind)

    def run(self) -> None:
        kinds, weights = list(self.mix), list(self.mix.values())
        while time.monotonic() < self.deadline:
            kind = self.random.choices(kinds, weights)[0]
            started = time.perf_counter()
            try:
                status = self.one(kind)
            except (OSError, http.client.HTTPException) as error:
                status, error_name = None, type(error).__name__
            else:
                error_name = ""
            seconds = time.perf_counter() - started
            self.tally.record(kind, status, seconds, error_name)


def log_findings(server: Server) -> dict[str, int]:
    text = server.error_log.read_text(errors="replace")
    return {
        f'"{LOCK_MESSAGE}"': text.count(LOCK_MESSAGE),
        "tracebacks": text.count("Traceback (most recent call last)"),
        "worker timeouts": text.count("WORKER TIMEOUT"),
    }


def run(args) -> int:
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    workdir = Path(tempfile.mkdtemp(prefix="redaktion-load-"))
    env = production_env(workdir, args.workers)
    env.update(RATE_LIMITS)
    env["DATABASE_URL"], drop_database, database = bench_database(
        args, workdir, "load.sqlite3"
    )
    server = None
    try:
        print(f"== Database: {database}, scale {args.scale}, in {workdir}")
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "bench_data", "--scale", args.scale)
        manage(env, "collectstatic", "--noinput", "-v0")
        site = shell_json(env, SETUP_CODE.format(count=ARTICLES))
        if not site["articles"]:
            raise BenchError("No published article takes votes and comments.")
        pks = json.dumps([article["pk"] for article in site["articles"]])
        before = shell_json(env, COUNT_CODE.format(pks=pks))

        print(f"== Starting gunicorn ({args.workers} sync workers)")
        server = Server("site", env, workdir)
        server.wait_ready(site["home"])
        print(
            f"== Load: {args.connections} connections for {args.duration:g} s, "
            f"{len(site['articles'])} articles, mix "
            + ", ".join(f"{kind} {share}" for kind, share in args.mix.items())
        )
        tally = Tally()
        started = time.monotonic()
        deadline = started + args.duration
        clients = [
            Client(number, server.port, site, deadline, tally, args.mix)
            for number in range(args.connections)
        ]
        for client in clients:
            client.start()
        for client in clients:
            client.join()
        elapsed = time.monotonic() - started
        after = shell_json(env, COUNT_CODE.format(pks=pks))
        findings = log_findings(server)
    except BenchError as error:
        print(f"!! {error}", file=sys.stderr)
        return 1
    finally:
        if server is not None:
            server.stop()
        if drop_database:
            drop_database()
        if args.keep:
            print(f"   files kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)

    return report(args, database, load, tally, elapsed, before, after, findings)


def report(args, database, load, tally, elapsed, before, after, findings) -> int:
    total = sum(sum(counter.values()) for counter in tally.statuses.values())
    print()
    print(
        f"{database}, scale {args.scale}, {args.workers} gunicorn sync workers, "
        f"{args.connections} connections, {elapsed:.1f} s: {total:,} answers, "
        f"{total / elapsed:,.1f} req/s. Load average before the run: {load}."
    )
    print()
    print("| type | requests | statuses | p50 ms | p99 ms | client errors |")
    print("|---|---:|---|---:|---:|---:|")
    failures = []
    for kind in MIX:
        if not args.mix.get(kind):
            continue
        statuses = tally.statuses.get(kind, Counter())
        errors = sum(n for (k, _name), n in tally.errors.items() if k == kind)
        shown = ", ".join(f"{s}: {n:,}" for s, n in sorted(statuses.items()))
        print(
            f"| {kind} | {sum(statuses.values()):,} | {shown or '–'} "
            f"| {tally.latency(kind, 0.5)} | {tally.latency(kind, 0.99)} | {errors} |"
        )
        unexpected = {s: n for s, n in statuses.items() if not 200 <= s < 400}
        if unexpected:
            failures.append(f"{kind}: answers outside 2xx/3xx {unexpected}")
    if tally.errors:
        failures.append(f"client errors: {dict(tally.errors)}")
    server_errors = sum(
        n for counter in tally.statuses.values() for s, n in counter.items() if s >= 500
    )
    print()
    print(f"5xx answers: {server_errors}")
    for name, count in findings.items():
        print(f"{name} in gunicorn's log: {count}")
        if count:
            failures.append(f"{name} in gunicorn's log: {count}")

    def ok(status: int) -> bool:
        return 200 <= status < 400

    checks = [  # (type sent, what is compared, stored, sent)
        (
            "vote",
            "votes: new Vote rows == votes answered 2xx/3xx",
            after["votes"] - before["votes"],
            tally.answered("vote", ok),
        ),
        (
            "vote",
            "votes: growth of the summaries' counts == votes answered 2xx/3xx",
            after["vote_summaries"] - before["vote_summaries"],
            tally.answered("vote", ok),
        ),
        (
            "article",
            "views: growth of the stored view totals == article pages answered 200",
            after["views"] - before["views"],
            tally.answered("article", lambda status: status == 200),
        ),
        (
            "comment",
            "comments: new comment rows == comments answered 2xx/3xx",
            after["comments"] - before["comments"],
            tally.answered("comment", ok),
        ),
    ]
    print()
    for kind, label, stored, sent in checks:
        verdict = "exact" if stored == sent else "MISMATCH"
        print(f"{label}: stored {stored:,}, sent {sent:,} ({verdict})")
        if stored != sent:
            failures.append(f"{label}: stored {stored}, sent {sent}")
        if not sent and args.mix.get(kind):
            failures.append(f"{label}: nothing was sent")
    print()
    if failures:
        print("FAILED:")
        for failure in failures:
            print(f"  - {failure}")
        return 1
    print("All checks passed.")
    return 0


def parse_mix(text: str) -> dict[str, int]:
    mix = {}
    for part in text.split(","):
        kind, _, share = part.partition("=")
        if kind not in MIX or not share.isdigit():
            raise argparse.ArgumentTypeError(
                f"{part!r}: expected TYPE=SHARE with TYPE one of {', '.join(MIX)}"
            )
        mix[kind] = int(share)
    if not any(mix.values()):
        raise argparse.ArgumentTypeError("the mix is empty")
    return mix


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=["tiny", "small", "large"], default="small")
    parser.add_argument("--duration", type=float, default=60, help="seconds")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument(
        "--workers",
        type=int,
        default=5,
        help="gunicorn sync workers (default 5: 2 per core + 1 on 2 cores)",
    )
    parser.add_argument(
        "--pg-database",
        default="redaktion_load",
        help="PostgreSQL database to create (when DATABASE_URL is set)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary files and database"
    )
    parser.add_argument(
        "--mix",
        type=parse_mix,
        default=MIX,
        help="shares of the request types, e.g. vote=50,comment=20,article=30 "
        f"(default {','.join(f'{k}={v}' for k, v in MIX.items())})",
    )
    args = parser.parse_args()
    args.reuse = False  # for run.postgres_database: always a fresh database
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
