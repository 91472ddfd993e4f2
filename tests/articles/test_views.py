import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    CategoryFactory,
    PictureFactory,
)

pytestmark = pytest.mark.django_db


def json_ld_of(response) -> dict:
    match = re.search(
        r'<script type="application/ld\+json">(.*?)</script>',
        response.content.decode(),
        re.S,
    )
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def make_many_articles(count: int = 15, *, category=None, author=None, tag=None):
    """Published articles with one to three authors and three or four tags each,
    as on a real site; all in ``category``, by ``author`` (first in the byline)
    or tagged ``tag`` when given."""
    authors = [AuthorFactory() for _ in range(3)]
    categories = [CategoryFactory() for _ in range(3)]
    return [
        ArticleFactory(
            category=category or categories[i % 3],
            authors=([author] if author else []) + authors[: 1 + i % 3],
            tags=[f"tag{i}", "gemeinsam", f"t{i % 4}"] + ([tag] if tag else []),
            publish_at=datetime(2012, 6, 1, tzinfo=UTC) + timedelta(days=i),
        )
        for i in range(count)
    ]


def test_home_lists_newest_published_articles(client):
    old = ArticleFactory(
        title="Alter Artikel", publish_at=timezone.now() - timedelta(days=9)
    )
    new = ArticleFactory(
        title="Neuer Artikel", publish_at=timezone.now() - timedelta(days=1)
    )
    ArticleFactory(title="Geheimer Entwurf", status=Article.Status.DRAFT)
    ArticleFactory(title="Kommt noch", publish_at=timezone.now() + timedelta(days=1))

    response = client.get("/")

    assert response.status_code == 200
    assert "articles/article_list.html" in [t.name for t in response.templates]
    assert list(response.context["page_obj"]) == [new, old]
    html = response.content.decode()
    assert html.index("Neuer Artikel") < html.index("Alter Artikel")
    assert "Geheimer Entwurf" not in html and "Kommt noch" not in html


def test_home_is_paginated(client):
    make_many_articles(15)
    assert len(client.get("/").context["page_obj"]) == 12
    assert len(client.get("/?page=2").context["page_obj"]) == 3
    assert client.get("/?page=9").status_code == 404
    assert client.get("/?page=abc").status_code == 404


def test_home_query_count_is_constant(client, django_assert_max_num_queries):
    # Cold cache. Before the first most-read roll-up (no job worker yet) the
    # sidebar block finds none (one look each) and computes its rankings live
    # (once per cache period): 4 more than with a roll-up. One more looks up
    # the next scheduled publication (the shared cache's time to live, once
    # per content version; core.http_cache).
    make_many_articles(15)
    with django_assert_max_num_queries(14):
        assert client.get("/").status_code == 200
    make_many_articles(15)
    with django_assert_max_num_queries(14):
        assert client.get("/").status_code == 200
    # Warm: teasers, count, navigation and sidebar blocks come from the cache;
    # only the content version is read (articles.fragments).
    with django_assert_max_num_queries(1):
        assert client.get("/").status_code == 200


def test_article_page_shows_everything(client):
    author = AuthorFactory(
        honorific="Dr.",
        first_name="Anna",
        last_name="Berger",
        website="https://example.org/anna",
        short_bio="Anna Berger schreibt über Vertrieb.",
    )
    article = ArticleFactory(
        title="Vertrieb 3.0",
        slug="vertrieb-3-0",
        lead="Wie der Vertrieb sich ändert.",
        body="<p>Der Text des Artikels.</p>",
        authors=[author],
        tags=["Mittelstand"],
        publish_at=datetime(2012, 6, 15, 10, 0, tzinfo=UTC),
        picture=PictureFactory(
            alt_text="Abstrakte Grafik",
            caption="Ein Diagramm.",
            photographer="Jana Beispiel",
            source="Redaktion",
        ),
    )

    response = client.get("/artikel/vertrieb-3-0/")

    assert response.status_code == 200
    assert "articles/article_detail.html" in [t.name for t in response.templates]
    html = response.content.decode()
    for text in [
        "Vertrieb 3.0",
        "Wie der Vertrieb sich ändert.",
        "<p>Der Text des Artikels.</p>",
        "15. Juni 2012",
        article.category.name,
        "Dr. Anna Berger",
        "Mittelstand",
        "Ein Diagramm.",
        "Bild: © Jana Beispiel, Redaktion",
        'alt="Abstrakte Grafik"',
        "Anna Berger schreibt über Vertrieb.",
        'Mehr über Dr. Anna Berger auf <a href="https://example.org/anna" '
        'rel="noopener">ihrer Website</a>.',
        '<link rel="canonical" href="http://localhost:8000/artikel/vertrieb-3-0/">',
        'lang="de"',
    ]:
        assert text in html, text


def test_article_page_in_english(client):
    ArticleFactory(slug="vertrieb", publish_at=datetime(2012, 6, 15, 10, 0, tzinfo=UTC))
    response = client.get("/en/artikel/vertrieb/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'lang="en"' in html
    assert "June 15, 2012" in html
    assert "her website" in html


def test_article_json_ld(client):
    author = AuthorFactory(first_name="Anna", last_name="Berger")
    ArticleFactory(
        slug="mit-bild",
        title="Mit Bild",
        authors=[author],
        picture=PictureFactory(),
        publish_at=datetime(2012, 6, 15, 10, 0, tzinfo=UTC),
    )
    data = json_ld_of(client.get("/artikel/mit-bild/"))
    assert data["@type"] == "Article"
    assert data["headline"] == "Mit Bild"
    assert data["datePublished"] == "2012-06-15T12:00:00+02:00"  # Berlin, summer
    assert data["dateModified"]
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Anna Berger",
            "url": f"http://localhost:8000/autoren/{author.slug}/",
        }
    ]
    # Google's three aspect ratios, cropped around the focal point.
    assert len(data["image"]) == 3
    assert all(
        url.startswith("http://localhost:8000/media/CACHE/") for url in data["image"]
    )
    assert data["publisher"]["name"] == "Redaktion"


def test_json_ld_cannot_break_out_of_its_script_element(client):
    ArticleFactory(slug="boese", title="</script><script>alert(1)</script>")
    html = client.get("/artikel/boese/").content.decode()
    assert "<script>alert(1)" not in html
    assert json_ld_of(client.get("/artikel/boese/"))["headline"].startswith("</script>")


@pytest.mark.parametrize("status", [Article.Status.DRAFT, Article.Status.REVIEW])
def test_unpublished_articles_answer_404_to_the_public(client, status):
    ArticleFactory(slug="entwurf", status=status)
    response = client.get("/artikel/entwurf/")
    assert response.status_code == 404
    assert "Diese Seite gibt es nicht" in response.content.decode()


def test_scheduled_article_answers_404_until_its_time(client):
    ArticleFactory(slug="geplant", publish_at=timezone.now() + timedelta(hours=2))
    assert client.get("/artikel/geplant/").status_code == 404


def test_staff_can_preview_their_drafts(client, journalist, editor):
    ArticleFactory(slug="entwurf", status=Article.Status.DRAFT, created_by=journalist)
    ArticleFactory(slug="fremd", status=Article.Status.DRAFT)

    client.force_login(journalist)
    response = client.get("/artikel/entwurf/")
    assert response.status_code == 200
    assert "Vorschau" in response.content.decode()
    assert client.get("/artikel/fremd/").status_code == 404

    client.force_login(editor)
    assert client.get("/artikel/fremd/").status_code == 200


def test_unknown_article_is_404(client):
    assert client.get("/artikel/gibt-es-nicht/").status_code == 404


def test_article_page_query_count_is_constant(client, django_assert_max_num_queries):
    articles = make_many_articles(15)
    target = articles[-1]
    with django_assert_max_num_queries(9):  # cold cache
        assert client.get(target.get_absolute_url()).status_code == 200
    for _ in range(3):
        Article.objects.get(pk=target.pk).tags.add(f"zusatz{_}")
        target.bylines.create(author=AuthorFactory(), position=9 + _)
    with django_assert_max_num_queries(9):
        assert client.get(target.get_absolute_url()).status_code == 200
    # Warm: the cached shell; the article (with its counts) and the version.
    with django_assert_max_num_queries(2):
        assert client.get(target.get_absolute_url()).status_code == 200


def test_category_page(client, django_assert_max_num_queries):
    category = CategoryFactory(
        name="Vertrieb", slug="vertrieb", description="Alles zum Verkauf."
    )
    inside = ArticleFactory(category=category, title="Drinnen")
    ArticleFactory(title="Draußen")
    make_many_articles(6)
    with django_assert_max_num_queries(8):
        response = client.get("/rubrik/vertrieb/")
    assert response.status_code == 200
    assert list(response.context["page_obj"]) == [inside]
    assert "Alles zum Verkauf." in response.content.decode()
    assert client.get("/rubrik/unbekannt/").status_code == 404


def test_category_page_query_count_is_constant(client, django_assert_max_num_queries):
    category = CategoryFactory(slug="vertrieb")
    make_many_articles(14, category=category)
    with django_assert_max_num_queries(8):
        response = client.get("/rubrik/vertrieb/")
    assert len(response.context["page_obj"]) == 12
    make_many_articles(14, category=category)
    with django_assert_max_num_queries(8):
        assert client.get("/rubrik/vertrieb/?page=2").status_code == 200


def test_tag_page(client, django_assert_max_num_queries):
    tagged = ArticleFactory(tags=["Künstliche Intelligenz"])
    ArticleFactory(tags=["Anderes"])
    ArticleFactory(status=Article.Status.DRAFT, tags=["Künstliche Intelligenz"])
    slug = tagged.tags.get().slug
    with django_assert_max_num_queries(8):
        response = client.get(f"/schlagwort/{slug}/")
    assert response.status_code == 200
    assert list(response.context["page_obj"]) == [tagged]
    assert client.get("/schlagwort/unbekannt/").status_code == 404


def test_tag_page_query_count_is_constant(client, django_assert_max_num_queries):
    make_many_articles(14, tag="Künstliche Intelligenz")
    with django_assert_max_num_queries(8):
        response = client.get("/schlagwort/kuenstliche-intelligenz/")
    assert len(response.context["page_obj"]) == 12
    make_many_articles(14, tag="Künstliche Intelligenz")
    with django_assert_max_num_queries(8):
        assert client.get("/schlagwort/kuenstliche-intelligenz/").status_code == 200


@pytest.mark.parametrize("highest_id", [0, 10**9], ids=["walk", "join"])
def test_tag_page_lists_the_same_articles_walked_or_joined(
    client, monkeypatch, highest_id
):
    """A common tag's page walks the publication-time index, a rare one's
    joins its tag rows (``TagView.teasers``): the same teasers either way."""
    from articles import views

    monkeypatch.setattr(views, "COMMON_TAG_ARTICLES", 10)
    monkeypatch.setattr(views, "highest_article_id", lambda: highest_id)
    tagged = make_many_articles(14, tag="Künstliche Intelligenz")
    ArticleFactory(tags=["Anderes"])
    ArticleFactory(status=Article.Status.DRAFT, tags=["Künstliche Intelligenz"])
    newest_first = sorted(tagged, key=lambda a: (a.publish_at, a.pk), reverse=True)
    pages = [
        list(
            client.get(f"/schlagwort/kuenstliche-intelligenz/?page={n}").context[
                "page_obj"
            ]
        )
        for n in (1, 2)
    ]
    assert pages == [newest_first[:12], newest_first[12:]]


def test_author_page(client, django_assert_max_num_queries):
    author = AuthorFactory(
        first_name="Anna",
        last_name="Berger",
        bio="Lange Biografie.",
        topics="CRM, Vertrieb",
    )
    own = ArticleFactory(authors=[author])
    ArticleFactory(authors=[author], status=Article.Status.DRAFT, title="Unsichtbar")
    ArticleFactory()
    with django_assert_max_num_queries(8):
        response = client.get(author.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert list(response.context["page_obj"]) == [own]
    assert "Lange Biografie." in html and "CRM" in html and "Unsichtbar" not in html
    assert author.website in html
    assert client.get("/autoren/unbekannt/").status_code == 404


def test_author_page_query_count_is_constant(client, django_assert_max_num_queries):
    author = AuthorFactory()
    make_many_articles(14, author=author)
    with django_assert_max_num_queries(8):
        response = client.get(author.get_absolute_url())
    assert len(response.context["page_obj"]) == 12
    make_many_articles(14, author=author)
    with django_assert_max_num_queries(8):
        assert client.get(author.get_absolute_url()).status_code == 200


def test_author_list_shows_only_authors_with_published_articles(client):
    visible = AuthorFactory(last_name="Sichtbar")
    AuthorFactory(last_name="Ohneartikel")
    ArticleFactory(authors=[visible])
    html = client.get("/autoren/").content.decode()
    assert "Sichtbar" in html and "Ohneartikel" not in html


def test_every_page_has_one_h1_skip_link_and_landmarks(client):
    article = ArticleFactory()
    author = article.byline_authors[0]
    for url in [
        "/",
        article.get_absolute_url(),
        article.category.get_absolute_url(),
        author.get_absolute_url(),
        "/autoren/",
        "/gibt-es-nicht/",
    ]:
        html = client.get(url).content.decode()
        assert html.count("<h1") == 1, url
        assert 'class="skip-link" href="#main"' in html, url
        assert '<main id="main"' in html and "<nav" in html and "<footer" in html, url


def test_media_is_not_served_by_django_unless_configured(client, settings):
    article = ArticleFactory(picture=PictureFactory())
    assert settings.SERVE_MEDIA is False  # production default: web server serves media
    assert client.get(article.picture.file.url).status_code == 404


def test_home_page_count_is_cached_and_follows_every_change(
    client, django_assert_max_num_queries
):
    from articles.views import PAGE_SIZE

    def pages():
        return client.get("/").context["paginator"].num_pages

    ArticleFactory.create_batch(PAGE_SIZE + 1)
    assert pages() == 2
    with django_assert_max_num_queries(1):  # the content version; count cached
        assert pages() == 2
    ArticleFactory.create_batch(PAGE_SIZE)  # each save changes the version
    assert pages() == 3
    Article.objects.first().delete()
    assert pages() == 2
    # A scheduled article whose time comes is counted at once, without a save.
    scheduled = ArticleFactory(publish_at=timezone.now() + timedelta(hours=1))
    assert pages() == 2
    Article.objects.filter(pk=scheduled.pk).update(
        publish_at=timezone.now() - timedelta(seconds=1)
    )
    assert pages() == 3
