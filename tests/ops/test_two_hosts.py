"""Two app hosts that share nothing local: two gunicorn processes with their
own working folders (HOME, media folder) on one database, one Redis and one
object store. Whatever a reader or a moderator does on host A is what host B
shows at once (issue #20)."""

import importlib.util
import json
import re
import time
from pathlib import Path

import pytest

from comments.models import ArticleComment
from tests.comments.conftest import make_comment
from tests.factories import ArticleFactory, StaffFactory
from tests.servers import free_port, gunicorn, object_store, redis_server, varnish

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("smoke", ROOT / "ops" / "smoke.py")
smoke = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(smoke)

SEARCHES_PER_MINUTE = 10
VIEWS = re.compile(r"([\d.]+) Artikelaufrufe?")


def shown_views(body: bytes) -> int:
    return int(VIEWS.search(body.decode()).group(1).replace(".", ""))


@pytest.fixture
def two_hosts(tmp_path, transactional_db):
    with redis_server() as redis, object_store() as store:
        shared = {
            "REDIS_URL": redis.url,
            **store.environment(),
            "DJANGO_RATE_LIMIT_SEARCH": f"{SEARCHES_PER_MINUTE}/m",
        }
        # Each host its own media folder, which stays empty: media are in the bucket.
        with (
            gunicorn(workers=1, DJANGO_MEDIA_ROOT=str(tmp_path / "a"), **shared) as a,
            gunicorn(workers=1, DJANGO_MEDIA_ROOT=str(tmp_path / "b"), **shared) as b,
        ):
            yield a, b
        assert not list(tmp_path.glob("*/**/*.*")), "a host wrote media to its disk"


def test_what_happens_on_one_host_is_what_the_other_shows(two_hosts):
    host_a, host_b = two_hosts
    article = ArticleFactory(title="Zwei Hosts, ein Artikel")
    path = article.get_absolute_url()
    # A superuser: the groups of the data migrations are gone in a test that
    # empties the database after itself (transactional_db).
    StaffFactory(username="mod", password="geheim-1234", is_superuser=True)
    held = make_comment(article, public=False, comment="Freigegeben auf Host A")

    # A counted view on A (a new visitor) is in the count B shows. B is read
    # as a crawler, whose views are not counted, so B's count moves only by A's.
    reader_a, reader_b = smoke.Browser(host_a.url), smoke.Browser(host_b.url)
    crawler = {"User-Agent": "Mozilla/5.0 (compatible; Googlebot/2.1)"}
    before = shown_views(reader_b.request(path, headers=crawler)[2])
    assert reader_a.request(path)[0] == 200
    # A writes the view just after its answer: B is asked until it shows it.
    for _ in range(50):
        shown = shown_views(reader_b.request(path, headers=crawler)[2])
        if shown > before:
            break
        time.sleep(0.1)
    assert shown == before + 1

    # A vote on A is in the rating B shows.
    status, _, body = reader_a.request(
        path + "bewerten/",
        {"score": "4"},
        {"Accept": "application/json", "X-CSRFToken": reader_a.form_token(path)},
    )
    assert status in (200, 201), body
    label = json.loads(body)["label"]
    assert label in reader_b.request(path)[2].decode()

    # A moderator logs in on A; the session is valid on B; approving there ...
    moderator = smoke.Browser(host_a.url)
    page = moderator.request("/admin/login/")[2].decode()
    token = smoke.TOKEN.search(page).group(1)
    login = {"csrfmiddlewaretoken": token, "username": "mod", "password": "geheim-1234"}
    assert moderator.request("/admin/login/", login)[0] == 302
    moderator.base = host_b.url
    changelist = moderator.request("/admin/comments/articlecomment/")
    assert changelist[0] == 200
    token = smoke.TOKEN.search(changelist[2].decode()).group(1)
    moderator.base = host_a.url
    approve = {
        "csrfmiddlewaretoken": token,
        "action": "approve",
        "_selected_action": str(held.pk),
    }
    assert moderator.request("/admin/comments/articlecomment/", approve)[0] == 302
    held.refresh_from_db()
    assert held.status == ArticleComment.objects.get(pk=held.pk).status == "approved"
    # ... is visible on B at once.
    assert "Freigegeben auf Host A" in reader_b.request(path)[2].decode()


def test_rate_limits_hold_across_hosts(two_hosts):
    host_a, host_b = two_hosts
    # The limit counts in fixed minutes (core.ratelimit): start early in one,
    # so that the requests below are not split by its end.
    if time.time() % 60 > 40:
        time.sleep(60 - time.time() % 60)
    answers = []
    for n in range(SEARCHES_PER_MINUTE + 1):  # alternating hosts, one network
        host = host_a if n % 2 else host_b
        answers.append(smoke.Browser(host.url).request(f"/suche/?q=wort{n}")[0])
    assert answers[:SEARCHES_PER_MINUTE].count(200) == SEARCHES_PER_MINUTE
    assert answers[SEARCHES_PER_MINUTE] == 429


def test_a_pdf_rendered_on_one_host_is_served_by_the_other(two_hosts):
    """The cached PDF is in the bucket, not on host A's disk: B serves A's file
    (and renders nothing)."""
    pytest.importorskip("weasyprint")
    from printing.models import PdfRender

    host_a, host_b = two_hosts
    article = ArticleFactory(title="Auf Papier")
    url = f"/artikel/{article.slug}/pdf/"
    status, headers, body = smoke.Browser(host_a.url).request(url)
    assert status == 200 and body.startswith(b"%PDF"), status
    assert headers["X-PDF-Cache"] == "miss"
    status, headers, again = smoke.Browser(host_b.url).request(url)
    assert status == 200 and headers["X-PDF-Cache"] == "hit"
    assert again == body
    assert not PdfRender.objects.exists()  # A's lock was released


def approve_on(host, moderator: "smoke.Browser", comment) -> None:
    """The moderator approves ``comment`` through ``host``'s admin."""
    moderator.base = host.url
    changelist = moderator.request("/admin/comments/articlecomment/")
    token = smoke.TOKEN.search(changelist[2].decode()).group(1)
    approve = {
        "csrfmiddlewaretoken": token,
        "action": "approve",
        "_selected_action": str(comment.pk),
    }
    assert moderator.request("/admin/comments/articlecomment/", approve)[0] == 302


def test_a_change_on_either_host_purges_the_shared_cache(tmp_path, transactional_db):
    """Varnish in front of host A; both hosts purge it (DJANGO_CACHE_PURGE_URLS).
    A comment approved on A and one approved on B each change the cached
    article page with the next request. The purge is sent before the
    approving request answers, so nothing needs waiting for."""
    cache_port = free_port()
    with redis_server() as redis, object_store() as store:
        shared = {
            "REDIS_URL": redis.url,
            **store.environment(),
            "DJANGO_CACHE_PURGE_URLS": f"http://127.0.0.1:{cache_port}",
            "DJANGO_TRUSTED_PROXY_COUNT": "1",
        }
        with (
            gunicorn(workers=1, DJANGO_MEDIA_ROOT=str(tmp_path / "a"), **shared) as a,
            gunicorn(workers=1, DJANGO_MEDIA_ROOT=str(tmp_path / "b"), **shared) as b,
            varnish(a, port=cache_port) as cache,
        ):
            article = ArticleFactory(title="Ein Cache, zwei Hosts")
            path = article.get_absolute_url()
            StaffFactory(username="mod", password="geheim-1234", is_superuser=True)
            via_a = make_comment(article, public=False, comment="Freigabe über Host A")
            via_b = make_comment(article, public=False, comment="Freigabe über Host B")
            reader = smoke.Browser(cache.url)
            assert reader.request(path)[0] == 200
            _, headers, body = reader.request(path)
            assert headers["X-Cache"] == "HIT"
            assert "Freigabe über Host" not in body.decode()

            moderator = smoke.Browser(a.url)
            page = moderator.request("/admin/login/")[2].decode()
            login = {
                "csrfmiddlewaretoken": smoke.TOKEN.search(page).group(1),
                "username": "mod",
                "password": "geheim-1234",
            }
            assert moderator.request("/admin/login/", login)[0] == 302

            approve_on(a, moderator, via_a)
            _, headers, body = reader.request(path)
            assert headers["X-Cache"] == "MISS"
            assert "Freigabe über Host A" in body.decode()
            assert reader.request(path)[1]["X-Cache"] == "HIT"

            approve_on(b, moderator, via_b)
            _, headers, body = reader.request(path)
            assert headers["X-Cache"] == "MISS"
            assert "Freigabe über Host B" in body.decode()
