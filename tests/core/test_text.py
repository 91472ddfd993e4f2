"""No control characters in stored text, whatever path saves it (issue #21, 5)."""

import io

import feedparser
import pytest
from django.core.management import call_command
from django.test import Client

from articles.models import Article, Tag
from core.text import multi_line, single_line
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory
from tests.wordpress_import.helpers import run
from tests.wordpress_import.wxr import post, write_wxr

FEEDS = ["/feed/", "/feed/atom/", "/en/feed/", "/rubrik/technik/feed/"]


def test_single_line_text_loses_line_breaks_and_controls():
    assert single_line("Newline\r\nBcc: evil@example.org") == (
        "Newline Bcc: evil@example.org"
    )
    assert single_line("ctrl\x0bchar\x1b[31m\x00\x7f\x85\u2028x\ty") == (
        "ctrl char[31m x y"
    )


def test_multi_line_text_keeps_tab_and_newline_only():
    assert multi_line("a\r\nb\rc\td\x0be\x1bf\x9f") == "a\nb\nc\tdef"


@pytest.mark.django_db
def test_article_tag_author_and_category_are_cleaned_on_save():
    category = CategoryFactory(name="Tech\x1bnik", slug="technik")
    author = AuthorFactory(last_name="Ber\x0bger", short_bio="Zeile 1\r\nZeile\x07 2")
    article = ArticleFactory(
        title="Newline\r\nBcc: evil@example.org",
        lead="ctrl\x0bchar",
        body="<p>ctrl\x0bchar</p>",
        category=category,
        authors=[author],
        tags=["Ta\x1bg"],
    )
    article.refresh_from_db()
    author.refresh_from_db()
    category.refresh_from_db()
    assert article.title == "Newline Bcc: evil@example.org"
    assert article.lead == "ctrlchar"
    assert article.body == "<p>ctrlchar</p>"
    assert [tag.name for tag in article.tags.all()] == ["Tag"]
    assert Tag.objects.get().name == "Tag"
    assert author.last_name == "Ber ger"  # a vertical tab is a line break
    assert author.short_bio == "Zeile 1\nZeile 2"
    assert category.name == "Technik"


@pytest.mark.django_db
def test_feeds_stay_well_formed_with_control_characters_typed_anywhere():
    category = CategoryFactory(name="Technik", slug="technik")
    ArticleFactory(
        title="Titel\x0bmit Steuerzeichen",
        lead="Lead\x1b",
        body="<p>ctrl\x0bchar</p><p>&#11;Entität</p>",
        category=category,
        tags=["Ta\x1bg"],
    )
    client = Client()
    for url in FEEDS:
        response = client.get(url)
        assert response.status_code == 200, url
        feed = feedparser.parse(response.content)
        assert not feed.bozo, (url, feed.bozo_exception)
        assert feed.entries[0].title == "Titel mit Steuerzeichen"


@pytest.mark.django_db
def test_imported_character_references_lose_their_control_characters(
    tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    export = write_wxr(
        tmp_path / "export.xml",
        post(wp_id=1, title="Titel&#11;Zwei&#10;Zeilen", content="<p>a&#11;b</p>"),
    )
    run(export)
    article = Article.objects.get()
    assert article.title == "TitelZwei Zeilen"
    assert "\x0b" not in article.body
    response = Client().get("/feed/")
    assert not feedparser.parse(response.content).bozo


@pytest.mark.django_db
def test_text_stored_before_the_rule_is_cleaned_by_one_command():
    """Rows written before control characters were refused (an UPDATE skips
    ``pre_save``, as the older code's saves did) are cleaned by
    ``clean_stored_text``; afterwards the feeds are well-formed again."""
    category = CategoryFactory(name="Technik", slug="technik")
    article = ArticleFactory(category=category, tags=["Logistik"])
    Article.objects.filter(pk=article.pk).update(
        title="Alt\x0bTitel", body="<p>a\x1bb</p>\r\n<p>c</p>"
    )
    Tag.objects.update(name="Logi\x1bstik")
    before = Client(raise_request_exception=False).get("/feed/")
    assert before.status_code == 500  # what such a row did to every feed

    out = io.StringIO()
    call_command("clean_stored_text", stdout=out)
    article.refresh_from_db()
    assert article.title == "Alt Titel"
    assert article.body == "<p>ab</p>\n<p>c</p>"
    assert Tag.objects.get().name == "Logistik"
    assert "articles.Article: 1 rows cleaned" in out.getvalue()
    assert not feedparser.parse(Client().get("/feed/").content).bozo

    out = io.StringIO()
    call_command("clean_stored_text", stdout=out)
    assert out.getvalue().strip() == "0 rows cleaned"  # safe to run again
