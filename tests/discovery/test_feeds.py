from datetime import UTC, datetime, timedelta

import feedparser
import pytest
from django.utils import timezone, translation
from django.utils.http import http_date

from articles.models import Article
from discovery.feeds import absolutize_html, feeds_last_modified
from tests.articles.bulk import bulk_articles
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    CategoryFactory,
    PictureFactory,
    image_file,
)

pytestmark = pytest.mark.django_db

FEED_URLS = ["/feed/", "/feed/atom/"]


def parse(response):
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception  # well-formed XML, known format
    return feed


@pytest.fixture
def full_article(db):
    author = AuthorFactory(first_name="Anna", last_name="Berger", slug="anna-berger")
    category = CategoryFactory(name="Vertrieb", slug="vertrieb")
    return ArticleFactory(
        title="Vertrieb 3.0",
        slug="vertrieb-3-0",
        lead="Wie der Vertrieb sich ändert.",
        body='<p>Siehe <a href="/artikel/anderer/">den anderen Artikel</a>.</p>',
        authors=[author],
        category=category,
        tags=["Mittelstand", "CRM"],
        picture=PictureFactory(file=image_file(size=(320, 180))),
        publish_at=datetime(2012, 6, 15, 10, 0, tzinfo=UTC),
    )


@pytest.mark.parametrize("url", FEED_URLS)
def test_feed_is_well_formed_and_complete(client, full_article, url):
    feed = parse(client.get(url))
    assert feed.version in {"rss20", "atom10"}
    assert feed.feed.title == "Redaktion"
    assert feed.feed.link == "http://localhost:8000/"
    [entry] = feed.entries
    assert entry.title == "Vertrieb 3.0"
    assert entry.link == "http://localhost:8000/artikel/vertrieb-3-0/"
    assert entry.summary == "Wie der Vertrieb sich ändert."
    content = entry.content[0].value
    assert '<a href="http://localhost:8000/artikel/anderer/">' in content
    assert entry.author == "Anna Berger"
    assert {tag.term for tag in entry.tags} == {"Vertrieb", "Mittelstand", "CRM"}
    # 10:00 UTC, with its time zone: the same instant however it is written
    assert entry.published_parsed[:6] == (2012, 6, 15, 10, 0, 0)
    [enclosure] = entry.enclosures
    assert enclosure.href.startswith("http://localhost:8000/media/CACHE/")
    assert enclosure.type == "image/jpeg"
    assert int(enclosure.length) > 0


def test_rss_dates_carry_the_time_zone(client, full_article):
    xml = client.get("/feed/").content.decode()
    assert "<pubDate>Fri, 15 Jun 2012 12:00:00 +0200</pubDate>" in xml
    assert 'xmlns:content="http://purl.org/rss/1.0/modules/content/"' in xml


def test_feeds_leave_out_unpublished_and_stop_at_20(client):
    for i in range(22):
        ArticleFactory(
            title=f"Artikel {i}",
            publish_at=datetime(2012, 1, 1, tzinfo=UTC) + timedelta(days=i),
        )
    ArticleFactory(title="Entwurf", status=Article.Status.DRAFT)
    ArticleFactory(title="Später", publish_at=timezone.now() + timedelta(days=1))
    for url in FEED_URLS:
        entries = parse(client.get(url)).entries
        assert len(entries) == 20
        assert entries[0].title == "Artikel 21"
        assert "Entwurf" not in {e.title for e in entries}
        assert "Später" not in {e.title for e in entries}


@pytest.mark.parametrize("suffix", ["feed/", "feed/atom/"])
def test_scoped_feeds(client, full_article, suffix):
    other = ArticleFactory(title="Fremd", tags=["Anderes"])
    tag = full_article.tags.get(name="CRM")
    author = full_article.byline_authors[0]
    for page in [full_article.category, author, tag]:
        feed = parse(client.get(f"{page.get_absolute_url()}{suffix}"))
        assert [e.title for e in feed.entries] == ["Vertrieb 3.0"], page
        assert feed.feed.link == f"http://localhost:8000{page.get_absolute_url()}"
    assert other.title not in client.get("/rubrik/vertrieb/feed/").content.decode()
    for missing in ["/rubrik/gibt-es-nicht/", "/autoren/niemand/", "/schlagwort/x/"]:
        assert client.get(f"{missing}{suffix}").status_code == 404


def test_feeds_are_linked_from_page_heads(client, full_article):
    home = client.get("/").content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Redaktion (RSS)" '
        'href="/feed/">' in home
    )
    assert 'type="application/atom+xml"' in home and 'href="/feed/atom/"' in home
    author = full_article.byline_authors[0]
    tag = full_article.tags.get(name="CRM")
    for page, feed in [
        (full_article.category, "/rubrik/vertrieb/feed/"),
        (author, f"/autoren/{author.slug}/feed/"),
        (tag, f"/schlagwort/{tag.slug}/feed/"),
    ]:
        html = client.get(page.get_absolute_url()).content.decode()
        assert f'href="{feed}"' in html and f'href="{feed}atom/"' in html


def test_conditional_get_answers_304(client, full_article):
    first = client.get("/feed/")
    last_modified = first["Last-Modified"]
    assert last_modified == http_date(feeds_last_modified().timestamp())
    again = client.get("/feed/", HTTP_IF_MODIFIED_SINCE=last_modified)
    assert again.status_code == 304
    assert again.content == b""
    atom = client.get("/feed/atom/", HTTP_IF_MODIFIED_SINCE=last_modified)
    assert atom.status_code == 304


def test_a_change_makes_the_feed_fresh_again(client, full_article):
    last_modified = client.get("/feed/")["Last-Modified"]
    Article.objects.filter(pk=full_article.pk).update(
        updated_at=timezone.now() + timedelta(minutes=5)
    )
    response = client.get("/feed/", HTTP_IF_MODIFIED_SINCE=last_modified)
    assert response.status_code == 200


def test_a_scheduled_article_coming_due_changes_last_modified(full_article):
    before = feeds_last_modified()
    soon = timezone.now() + timedelta(hours=1)
    due = ArticleFactory(publish_at=soon)
    Article.objects.filter(pk=due.pk).update(updated_at=soon - timedelta(days=1))
    Article.objects.filter(pk=full_article.pk).update(updated_at=before)
    assert feeds_last_modified() == before
    Article.objects.filter(pk=due.pk).update(publish_at=timezone.now())
    assert feeds_last_modified() > before


def test_absolutize_html():
    html = (
        '<a href="/a/">x</a><a href="https://example.org/">y</a>'
        '<a href="#fn">z</a><a href="mailto:a@b.de">m</a><img src="bild.jpg">'
    )
    assert absolutize_html(html, "https://magazin.de/artikel/x/") == (
        '<a href="https://magazin.de/a/">x</a><a href="https://example.org/">y</a>'
        '<a href="#fn">z</a><a href="mailto:a@b.de">m</a>'
        '<img src="https://magazin.de/artikel/x/bild.jpg">'
    )


@pytest.mark.parametrize(
    "url",
    ["/feed/", "/feed/atom/", "/rubrik/{category}/feed/", "/autoren/{author}/feed/"],
)
def test_feed_query_budget_with_1000_articles(
    client, django_assert_max_num_queries, url
):
    articles = bulk_articles(1000)
    first = Article.objects.select_related("category").get(pk=articles[0].pk)
    url = url.format(category=first.category.slug, author=first.byline_authors[0].slug)
    with django_assert_max_num_queries(7):  # cold cache
        feed = parse(client.get(url))
    assert len(feed.entries) == 20
    # Warm: scope, Last-Modified and content version; the feed is cached.
    with django_assert_max_num_queries(3):
        assert parse(client.get(url)).entries == feed.entries


def test_feeds_under_english_urls_stay_german(client, full_article):
    with translation.override("de"):  # the request activates English
        feed = parse(client.get("/en/feed/"))
    assert feed.feed.language == "de"
    assert feed.entries[0].link == "http://localhost:8000/en/artikel/vertrieb-3-0/"


def test_unknown_scope_is_404_even_when_conditional(client, full_article):
    last_modified = client.get("/feed/")["Last-Modified"]
    response = client.get(
        "/rubrik/gibt-es-nicht/feed/", HTTP_IF_MODIFIED_SINCE=last_modified
    )
    assert response.status_code == 404
    assert (
        client.get(
            "/rubrik/vertrieb/feed/", HTTP_IF_MODIFIED_SINCE=last_modified
        ).status_code
        == 304
    )
