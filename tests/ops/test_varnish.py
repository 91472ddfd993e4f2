"""The shipped HTTP cache (ops/varnish/redaktion.vcl) in front of a real
gunicorn: readers get cached copies without cookies or tokens, every change
purges exactly the pages it affects (core.purge, after the commit), staff and
previews pass, poisoned requests change nothing for others, and counting
through the cache's live request is exact (issue #18)."""

import http.client
import json
import re
import threading
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from articles.newsroom.preview_links import preview_link_create
from comments.models import ArticleComment
from comments.services import comments_approve
from counters.models import DailyViews
from tests.comments.conftest import make_comment
from tests.counters.helpers import BROWSER
from tests.factories import ArticleFactory, CategoryFactory, StaffFactory
from tests.servers import free_port, gunicorn, varnish

pytestmark = pytest.mark.django_db(transaction=True)


class Client:
    """Requests to the cache from one loopback address (127.x.y.z are all
    this machine: the cache sees them as different visitors)."""

    def __init__(self, url: str, source: str = "127.0.0.1"):
        address = urlsplit(url)
        self.host, self.port, self.source = address.hostname, address.port, source
        self.origin = url

    def request(self, method, path, headers=None, body=None):
        connection = http.client.HTTPConnection(
            self.host, self.port, timeout=30, source_address=(self.source, 0)
        )
        try:
            headers = {"User-Agent": BROWSER, **(headers or {})}
            connection.request(method, path, body=body, headers=headers)
            answer = connection.getresponse()
            return answer.status, answer.headers, answer.read()
        finally:
            connection.close()

    def get(self, path, headers=None):
        return self.request("GET", path, headers)

    def live(self, article, headers=None):
        headers = {"Origin": self.origin, "Content-Length": "0", **(headers or {})}
        return self.request("POST", f"/live/{article.pk}/", headers)


@pytest.fixture
def cache(settings):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    # Changes made in this test process purge the cache too.
    settings.CACHE_PURGE_URLS = [url]
    with (
        gunicorn(
            workers=2,
            DJANGO_CACHE_PURGE_URLS=url,
            DJANGO_VIEW_COUNT_BEACON="1",
            DJANGO_TRUSTED_PROXY_COUNT="1",
            DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        ) as site,
        varnish(site, port=port) as front,
    ):
        yield Client(front.url)


def hit(headers) -> bool:
    return headers["X-Cache"] == "HIT"


def views(article) -> int:
    return sum(
        DailyViews.objects.filter(article=article).values_list("count", flat=True)
    )


@pytest.fixture
def articles():
    one, two = CategoryFactory(name="Wirtschaft"), CategoryFactory(name="Kultur")
    yesterday = timezone.now() - timedelta(days=1)
    return (
        ArticleFactory(title="Erster Artikel", category=one, publish_at=yesterday),
        ArticleFactory(title="Zweiter Artikel", category=two, publish_at=yesterday),
    )


def test_second_reader_gets_a_hit_without_cookie_or_token(cache, articles):
    path = articles[0].get_absolute_url()
    status, first, body = cache.get(path)
    assert status == 200 and not hit(first)
    status, second, again = cache.get(path, {"Cookie": "csrftoken=abc; x=1"})
    assert status == 200 and hit(second) and again == body
    # The filling request's id is not handed to every later reader.
    assert "X-Request-ID" in first and "X-Request-ID" not in second
    for headers in (first, second):
        assert "Set-Cookie" not in headers
        assert "X-Cache-Tags" not in headers  # for bans, not for the world
    html = body.decode()
    assert re.findall(r'name="csrfmiddlewaretoken" value="([^"]*)"', html) == [
        "",
        "",
    ]
    assert 'name="timestamp" value=""' in html


def test_the_live_request_passes_and_counts_once(cache, articles):
    article = articles[0]
    status, headers, body = cache.live(article)
    assert status == 200 and not hit(headers)
    data = json.loads(body)
    assert data["views"] == 1 and data["csrf_token"]
    assert "csrftoken=" in headers["Set-Cookie"]
    # A reload is not counted (the total it shows may be up to a second old:
    # articles.views.LIVE_ARTICLE_SECONDS).
    assert json.loads(cache.live(article)[2])["views"] in (0, 1)
    assert views(article) == 1


def test_each_change_purges_exactly_its_pages(cache, articles):
    one, two = articles
    pages = {
        "one": one.get_absolute_url(),
        "two": two.get_absolute_url(),
        "home": "/",
        "category one": one.category.get_absolute_url(),
        "category two": two.category.get_absolute_url(),
    }
    for path in pages.values():
        cache.get(path)
    assert all(hit(cache.get(path)[1]) for path in pages.values())

    one.title = "Erster Artikel, korrigiert"
    one.save()  # the purge is sent when the save commits
    fresh = {name: cache.get(path) for name, path in pages.items()}
    for name in ("one", "home", "category one"):
        assert not hit(fresh[name][1]), name
        assert "Erster Artikel, korrigiert" in fresh[name][2].decode(), name
    assert hit(fresh["two"][1]) and hit(fresh["category two"][1])

    # A comment approved by a moderator: its article's page, not the other.
    comment = make_comment(two, public=False, comment="Ein freigegebener Gedanke")
    assert hit(cache.get(pages["two"])[1])
    comments_approve(comments=[ArticleComment.objects.get(pk=comment.pk)])
    _, headers, body = cache.get(pages["two"])
    assert not hit(headers) and "Ein freigegebener Gedanke" in body.decode()
    assert hit(cache.get(pages["one"])[1])

    # Unpublished: gone from its page and the lists at once.
    one.status = "draft"
    one.save()
    assert cache.get(pages["one"])[0] == 404
    assert "Erster Artikel" not in cache.get("/")[2].decode()


def test_a_vote_through_the_cache_purges_its_page(cache, articles):
    one, two = articles
    for article in articles:
        cache.get(article.get_absolute_url())
    # The page's script: the live answer brings the token and sets its cookie.
    _, headers, body = cache.live(one)
    token = json.loads(body)["csrf_token"]
    cookie = headers["Set-Cookie"].split(";", 1)[0]
    status, _, _ = cache.request(
        "POST",
        f"/artikel/{one.slug}/bewerten/",
        {
            "Cookie": cookie,
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": cache.origin,
            "Referer": cache.origin + "/",
        },
        body=f"score=5&csrfmiddlewaretoken={token}",
    )
    assert status == 302
    status, headers, body = cache.get(one.get_absolute_url())
    assert not hit(headers) and "★ 5,0 (1)" in body.decode()
    assert hit(cache.get(two.get_absolute_url())[1])


def test_staff_and_previews_are_never_cached(cache, articles, client):
    staff = StaffFactory(is_superuser=True)
    draft = ArticleFactory(title="Noch geheim", status="draft")
    link = preview_link_create(article=draft, user=staff, days=1)
    preview = f"/vorschau/{link.token}/"
    for _ in range(2):
        status, headers, body = cache.get(preview)
        assert status == 200 and not hit(headers)
        assert "private" in headers["Cache-Control"]
    # Someone logged in: their own page every time, with their token.
    client.force_login(staff)
    session = client.cookies["sessionid"].value
    path = articles[0].get_absolute_url()
    cache.get(path)
    for _ in range(2):
        status, headers, body = cache.get(path, {"Cookie": f"sessionid={session}"})
        assert not hit(headers) and "private" in headers["Cache-Control"]
        assert re.search(r'name="csrfmiddlewaretoken" value="[^"]+"', body.decode())
    # The readers' copy is still the shared one.
    assert hit(cache.get(path)[1])


def test_poisoned_requests_do_not_change_what_others_get(cache, articles):
    path = articles[0].get_absolute_url()
    poisons = [
        {"Host": "evil.example"},
        {"X-Forwarded-Host": "evil.example"},
        {"X-Forwarded-Proto": "http", "X-Forwarded-Port": "81"},
        {"Forwarded": "host=evil.example;proto=http"},
        {"Accept-Language": "en"},
        {"X-Original-URL": "/admin/"},
    ]
    for headers in poisons:
        cache.get(path, headers)  # whichever comes first fills the cache
        cache.get(path + "?utm_source=evil.example", headers)
    status, headers, clean = cache.get(path)
    assert status == 200 and hit(headers)
    html = clean.decode()
    assert "evil.example" not in html
    assert '<html lang="de">' in html
    assert cache.get(path + "?utm_source=x&utm_medium=y")[2] == clean


def test_counting_through_the_cache_is_exact(cache, articles):
    article = articles[0]
    path = article.get_absolute_url()
    visitors = [Client(cache.origin, f"127.0.{n}.{n % 250 + 1}") for n in range(200)]
    barrier = threading.Barrier(len(visitors))
    failures = []

    def visit(visitor, headers=None):
        try:
            barrier.wait()
            status = visitor.get(path, headers)[0]
            answer = visitor.live(article, headers)[0]
            if status != 200 or answer != 200:
                failures.append((status, answer))
        except Exception as error:  # reported below
            failures.append(error)

    def everyone(headers=None):
        threads = [
            threading.Thread(target=visit, args=(visitor, headers))
            for visitor in visitors
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    everyone()
    assert failures == []
    assert views(article) == 200
    everyone()  # the same 200 visitors again, within 30 minutes
    everyone({"User-Agent": "Mozilla/5.0 (compatible; Googlebot/2.1)"})
    assert failures == []
    assert views(article) == 200
