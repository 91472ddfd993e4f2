"""Readers' pages kept whole per worker (core.page_store): a second reader
gets the stored answer without the view running, a change is on the next
page, a stored article page still counts its views, and nothing private is
ever stored or answered from a copy."""

import gzip
from datetime import timedelta

import pytest
from django.db.models import F
from django.test import Client, override_settings
from django.utils import timezone

from articles.models import Article, ContentVersion
from core import page_store
from tests.counters.helpers import BROWSER, total, visit
from tests.factories import ArticleFactory, CategoryFactory, StaffFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_store_on")]

HIT = "X-Page-Store"


@pytest.fixture
def page_store_on(settings):
    settings.PAGE_STORE_SECONDS = 10


@pytest.fixture
def article():
    return ArticleFactory(
        title="Vertrieb 3.0",
        category=CategoryFactory(slug="wirtschaft", name="Wirtschaft"),
        publish_at=timezone.now() - timedelta(days=1),
    )


def test_second_reader_gets_the_stored_page_without_a_query(
    client, article, django_assert_num_queries
):
    first = client.get("/")
    assert first.status_code == 200 and HIT not in first
    # Not even the content version (read by the first within the second), no
    # session, no URL, no view.
    with django_assert_num_queries(0):
        second = Client().get("/")
    assert second[HIT] == "hit"
    assert second.content == first.content
    assert second["Cache-Control"] == first["Cache-Control"]
    assert second["X-Cache-Tags"] == first["X-Cache-Tags"]
    assert "Vertrieb 3.0" in second.content.decode()


def test_a_change_is_on_the_next_page(client, article):
    client.get(article.get_absolute_url())
    assert client.get(article.get_absolute_url())[HIT] == "hit"
    article.title = "Vertrieb 4.0"
    article.save()
    response = client.get(article.get_absolute_url())
    assert HIT not in response
    assert "Vertrieb 4.0" in response.content.decode()
    # The renamed category is on the article page at once too.
    article.category.name = "Ökonomie"
    article.category.save()
    assert "Ökonomie" in client.get(article.get_absolute_url()).content.decode()


def test_another_workers_change_is_on_the_page_within_a_second(
    client, article, monkeypatch
):
    """What another worker (or host) changed reaches this one through the
    content version in the database, read at most once a second."""
    now = [1000.0]
    monkeypatch.setattr(page_store, "clock", lambda: now[0])
    page_store.version_changed()
    client.get(article.get_absolute_url())
    # Another worker's save: the row and the version, nothing in this process.
    Article.objects.filter(pk=article.pk).update(title="Vertrieb 5.0")
    ContentVersion.objects.filter(pk=1).update(number=F("number") + 1)
    now[0] += 0.5
    stale = client.get(article.get_absolute_url())
    assert stale[HIT] == "hit" and "Vertrieb 3.0" in stale.content.decode()
    now[0] += 0.6
    fresh = client.get(article.get_absolute_url())
    assert HIT not in fresh and "Vertrieb 5.0" in fresh.content.decode()


def test_an_unpublished_article_is_gone_at_once(client, article):
    client.get(article.get_absolute_url())
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT)
    article.refresh_from_db()
    article.save()  # the admin's save: the content version moves on
    assert client.get(article.get_absolute_url()).status_code == 404


def test_each_address_and_encoding_is_stored_apart(client, article):
    plain = client.get("/")
    client.get("/?page=1")
    assert HIT not in client.get("/?page=1&x=1")
    zipped = client.get("/", HTTP_ACCEPT_ENCODING="gzip")
    assert HIT not in zipped and zipped["Content-Encoding"] == "gzip"
    again = client.get("/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert again[HIT] == "hit" and again["Content-Encoding"] == "gzip"
    assert gzip.decompress(again.content) == plain.content
    identity = client.get("/")
    assert identity[HIT] == "hit" and "Content-Encoding" not in identity


def test_stored_article_pages_count_every_new_visitor_once(client, article):
    visit(client, article, ua=f"{BROWSER} Leser/0")
    for number in range(1, 6):
        response = visit(Client(), article, ua=f"{BROWSER} Leser/{number}")
        assert response[HIT] == "hit"
    assert total(article) == 6
    # Reloads and bots are no views, from a stored page either.
    assert visit(client, article, ua=f"{BROWSER} Leser/1")[HIT] == "hit"
    visit(client, article, ua="Googlebot/2.1 (+http://www.google.com/bot.html)")
    assert total(article) == 6


@override_settings(VIEW_COUNT_BEACON=True)
def test_with_the_live_request_counting_a_stored_page_counts_nothing(client, article):
    visit(client, article, ua=f"{BROWSER} Leser/1")
    assert visit(Client(), article, ua=f"{BROWSER} Leser/2")[HIT] == "hit"
    assert total(article) == 0


def test_logged_in_readers_and_waiting_messages_never_get_a_copy(client, article):
    client.get(article.get_absolute_url())
    staff = Client()
    staff.force_login(StaffFactory())
    response = staff.get(article.get_absolute_url())
    assert HIT not in response and response["Cache-Control"] == "private, no-store"
    # Their page (with the admin link) was not stored for the next reader.
    assert client.get(article.get_absolute_url())[HIT] == "hit"
    waiting = Client()
    waiting.cookies["messages"] = "anything"
    assert HIT not in waiting.get(article.get_absolute_url())


def test_what_is_not_a_readers_200_page_is_never_stored(client, article):
    for _ in range(2):
        assert client.get("/artikel/gibt-es-nicht/").status_code == 404
        head = client.head(article.get_absolute_url())
        assert HIT not in head
    assert HIT not in client.get("/artikel/gibt-es-nicht/")
    staff = Client()
    staff.force_login(StaffFactory(is_superuser=True))
    draft = ArticleFactory(status=Article.Status.DRAFT)
    for _ in range(2):
        assert HIT not in staff.get(draft.get_absolute_url())


def test_conditional_requests_are_answered_by_the_view(client, article):
    first = client.get("/feed/")
    assert first.status_code == 200
    validator = first.get("ETag") or first.get("Last-Modified")
    assert validator
    header = "HTTP_IF_NONE_MATCH" if first.get("ETag") else "HTTP_IF_MODIFIED_SINCE"
    conditional = client.get("/feed/", **{header: validator})
    assert conditional.status_code == 304


def test_an_address_django_refuses_stays_refused(client, article):
    client.get("/")
    assert client.get("/", HTTP_HOST="evil.example").status_code == 400


def test_off_when_seconds_are_zero(client, article, settings):
    settings.PAGE_STORE_SECONDS = 0
    client.get("/")
    assert HIT not in client.get("/")
