"""The article page for readers, cached as a shell with live parts
(articles.page_shells): the same page as rendered the ordinary way, with this
request's counts, rating and tokens, and never stale."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from articles import page_shells
from articles.models import Article
from ratings.models import RatingSummary
from tests.counters.helpers import total, visit
from tests.factories import ArticleFactory, AuthorFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

# Per request by design: CSRF tokens and the comment form's signed timestamp
# and nonce.
_PER_REQUEST = re.compile(
    r'(name="(?:csrfmiddlewaretoken|timestamp|security_hash|nonce)" value=")[^"]*"'
)


@pytest.fixture
def article():
    return ArticleFactory(
        title="Vertrieb 3.0",
        tags=["Handel"],
        authors=[AuthorFactory(short_bio="Schreibt über Handel.")],
        publish_at=timezone.now() - timedelta(days=1),
    )


def normalised(html: str) -> str:
    return _PER_REQUEST.sub(r'\1…"', html)


def test_shell_page_is_the_ordinary_page(client, article, monkeypatch):
    shell_first = visit(client, article, ua="Googlebot").content.decode()
    shell_again = visit(client, article, ua="Googlebot").content.decode()
    monkeypatch.setattr(page_shells, "applies", lambda request, article: False)
    ordinary = visit(client, article, ua="Googlebot").content.decode()
    assert "<!--live:" not in shell_first
    assert normalised(shell_first) == normalised(shell_again) == normalised(ordinary)


def test_a_cached_shell_carries_no_tokens_for_readers(client, article):
    # The page every reader gets (core.http_cache): the tokens and the signed
    # fields are empty, the page's live request fills them in.
    for _ in range(2):
        html = visit(client, article, ua="Googlebot").content.decode()
        tokens = re.findall(r'name="csrfmiddlewaretoken" value="([^"]*)"', html)
        assert tokens == ["", ""]  # the rating widget and the comment form
        assert 'name="timestamp" value="" id="id_timestamp" data-live-field' in html


def test_logged_in_readers_get_their_tokens_in_the_page(client, article):
    client.force_login(UserFactory())
    pages = [visit(client, article).content.decode() for _ in range(2)]
    tokens = [
        re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        for html in pages
    ]
    assert len(tokens[0]) == 2
    assert tokens[0] != tokens[1]  # masked anew for each request
    for html in pages:
        assert re.search(r'name="timestamp" value="\d+"', html)


def test_warm_shell_costs_two_queries(client, article, django_assert_max_num_queries):
    visit(client, article, ua="Googlebot")
    with django_assert_max_num_queries(2):  # the article and the content version
        assert visit(client, article, ua="Googlebot").status_code == 200


def test_counts_and_rating_are_live_on_a_cached_shell(client, article):
    assert (
        "0 Artikelaufrufe" in visit(client, article, ip="198.51.100.1").content.decode()
    )
    html = visit(client, article, ip="198.51.100.2").content.decode()
    assert "· 1 Artikelaufruf<" in html  # the first reader's view, counted
    assert total(article) == 2  # shell answers are counted like any page
    RatingSummary.objects.update_or_create(
        article=article, defaults={"count": 2, "total": 9}
    )
    html = visit(client, article, ua="Googlebot").content.decode()
    assert "4,5" in html and '"ratingCount": 2' in html


def test_comments_closing_with_time_show_at_once(client, article, settings):
    assert (
        'class="comment-form"'
        in visit(client, article, ua="Googlebot").content.decode()
    )
    settings.COMMENTS_CLOSE_AFTER_DAYS = 0  # the article is now too old
    html = visit(client, article, ua="Googlebot").content.decode()
    assert 'class="comment-form"' not in html
    assert "Die Kommentare zu diesem Artikel sind geschlossen." in html


def test_logged_in_readers_and_staff_get_their_own_page(client, article):
    visit(client, article, ua="Googlebot")  # a shell exists
    reader = UserFactory(first_name="Lena", last_name="Ostermann")
    client.force_login(reader)
    assert "Lena Ostermann" in visit(client, article).content.decode()
    client.force_login(StaffFactory(is_superuser=True))
    draft = ArticleFactory(status=Article.Status.DRAFT, title="Noch geheim")
    assert "Vorschau" in visit(client, draft).content.decode()


def test_addresses_with_a_query_string_are_rendered_the_ordinary_way(client, article):
    html = client.get(article.get_absolute_url() + "?utm_source=feed").content
    # Links are built from the path, never from the query string (#21, 13).
    assert b"utm_source=feed" not in html
    assert b"utm_source=feed" not in visit(client, article).content
