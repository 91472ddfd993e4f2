"""The benchmark's data generator (``manage.py bench_data``), at a tiny scale, so
it cannot rot unnoticed between benchmark runs."""

import io
import re
from collections import Counter
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db.models import Count
from django.utils import timezone

from articles.models import Article, Byline, Category, Tag
from authors.models import Author
from demo.bench import (
    FEATURED_COMMENTS,
    FEATURED_SLUG,
    FEATURED_WORDS,
    SCALES,
)
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_tiny_scale_creates_the_promised_rows():
    output = io.StringIO()
    call_command("bench_data", scale="tiny", stdout=output)
    assert "Benchmark data ready" in output.getvalue()
    size = SCALES["tiny"]
    assert Article.objects.count() == size.articles
    assert Author.objects.count() == size.authors
    assert Category.objects.count() == size.categories
    assert Tag.objects.count() == size.tags
    per_article = Article.objects.annotate(
        bylines_count=Count("bylines", distinct=True),
        tags_count=Count("tagged_items", distinct=True),
    )
    for article in per_article:
        assert 1 <= article.bylines_count <= 3, article.slug
        assert 2 <= article.tags_count <= 6, article.slug
    # Bodies are stored exactly as Article.save() would store them.
    sanitize = Article._meta.get_field("body").sanitize
    for body in Article.objects.values_list("body", flat=True).distinct():
        assert body == sanitize(body)


def test_featured_article_is_the_newest_and_long(client):
    call_command("bench_data", scale="tiny", stdout=io.StringIO())
    featured = Article.objects.published().first()
    assert featured.slug == FEATURED_SLUG
    assert featured.bylines.count() == 2
    assert featured.tags.count() == 5
    assert abs(featured.reading_minutes - FEATURED_WORDS / 200) <= 1
    assert featured.category == Category.objects.order_by("position").first()
    response = client.get(featured.get_absolute_url())
    assert response.status_code == 200
    assert featured.title in response.content.decode()
    assert FEATURED_SLUG in client.get("/").content.decode()


def test_mix_of_states_and_dates_like_a_real_site():
    call_command("bench_data", scale="small", articles=300, stdout=io.StringIO())
    assert Article.objects.count() == 300
    published = Article.objects.published().count()
    assert 270 <= published < 300  # some drafts, reviews, scheduled
    assert Article.objects.scheduled().exists()
    assert Article.objects.filter(status=Article.Status.DRAFT).exists()
    # Older articles have lower ids, as on a site that grew over the years.
    dates = list(
        Article.objects.published().order_by("pk").values_list("publish_at", flat=True)
    )
    assert dates == sorted(dates)
    assert Byline.objects.values("author").distinct().count() > 1


def test_refuses_a_database_with_articles(article):
    with pytest.raises(CommandError, match="already holds articles"):
        call_command("bench_data", scale="tiny")
    assert Article.objects.count() == 1


def test_articles_must_be_positive():
    with pytest.raises(CommandError, match="at least 1"):
        call_command("bench_data", scale="tiny", articles=0)


def test_daily_views_for_every_published_article():
    from counters.models import DailyViews, ViewOffset
    from counters.queries import with_view_total

    call_command("bench_data", scale="tiny", stdout=io.StringIO())
    days = SCALES["tiny"].view_days
    published = Article.objects.published()
    rows = DailyViews.objects.values("article").annotate(n=Count("pk"))
    per_article = {row["article"]: row["n"] for row in rows}
    assert set(per_article) == set(published.values_list("pk", flat=True))
    assert all(1 <= n <= days for n in per_article.values())
    assert not DailyViews.objects.filter(count__lt=1).exists()
    for article in published:
        first_row = article.daily_views.order_by("day").first()
        assert first_row.day >= article.publish_at.date() - timedelta(days=1)
    assert ViewOffset.objects.exists()
    totals = with_view_total(published).values_list("view_total", flat=True)
    assert all(total > 0 for total in totals)


def test_articles_are_searchable_after_the_bulk_insert():
    from discovery.search import search_articles

    call_command("bench_data", scale="tiny", stdout=io.StringIO())
    found = [article.slug for article in search_articles("Benchmark viral")]
    assert FEATURED_SLUG in found


def test_votes_and_their_summaries_agree():
    from django.db.models import Sum

    from ratings.models import RatingSummary, Vote

    call_command("bench_data", scale="tiny", stdout=io.StringIO())
    assert Vote.objects.count() == SCALES["tiny"].votes
    assert not Vote.objects.exclude(article__in=Article.objects.published()).exists()
    for summary in RatingSummary.objects.all():
        votes = Vote.objects.filter(article=summary.article_id)
        assert summary.count == votes.count()
        assert summary.total == votes.aggregate(s=Sum("score"))["s"]


# --- comments -------------------------------------------------------------------


class CommentTreeParser(HTMLParser):
    """The comments of a page: id → id of the comment whose ``<li>`` encloses it
    (``None`` for a thread starter), and each comment's level class."""

    def __init__(self):
        super().__init__()
        self.stack: list[int | None] = []
        self.enclosing: dict[int, int | None] = {}
        self.levels: dict[int, int] = {}

    def handle_starttag(self, tag, attrs):
        if tag != "li":
            return
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        pk = None
        if "comment" in classes:
            pk = int(attrs["id"].removeprefix("c"))
            outer = [known for known in self.stack if known is not None]
            self.enclosing[pk] = outer[-1] if outer else None
            level = next(c for c in classes if c.startswith("comment--level-"))
            self.levels[pk] = int(level.removeprefix("comment--level-"))
        self.stack.append(pk)

    def handle_endtag(self, tag):
        if tag == "li":
            self.stack.pop()


def comment_tree(html: str) -> CommentTreeParser:
    parser = CommentTreeParser()
    parser.feed(html)
    return parser


def descendants(comments) -> dict[int, int]:
    """Replies below each comment, counted from ``parent_id`` alone."""
    parent = {c.pk: c.parent_id for c in comments}
    below = dict.fromkeys(parent, 0)
    for pk in parent:
        up = pk
        while parent[up] != up:
            up = parent[up]
            below[up] += 1
    return below


def test_comments_per_scale_approved_and_after_publication():
    from comments.models import ArticleComment

    call_command("bench_data", scale="tiny", stdout=io.StringIO())
    comments = ArticleComment.objects.all()
    assert comments.count() == SCALES["tiny"].comments + FEATURED_COMMENTS
    assert comments.approved().for_articles().count() == comments.count()
    assert not comments.filter(is_spam=True).exists()
    assert not comments.filter(ip_address__isnull=False).exists()
    published = {str(a.pk): a for a in Article.objects.published()}
    featured = Article.objects.get(slug=FEATURED_SLUG)
    assert comments.of_article(featured).count() == FEATURED_COMMENTS
    # Popular articles get more, some none.
    per_article = Counter(comments.values_list("object_pk", flat=True))
    assert set(per_article) <= set(published)
    assert max(per_article.values()) > 3 * (SCALES["tiny"].comments / len(published))
    now = timezone.now()
    for comment in comments:
        article = published[comment.object_pk]
        assert article.publish_at <= comment.submit_date <= now
        assert comment.site_id == settings.SITE_ID
        assert comment.user_name and "@" in comment.user_email


def test_the_small_scale_has_its_comments():
    from comments.models import ArticleComment

    call_command("bench_data", scale="small", articles=300, stdout=io.StringIO())
    expected = SCALES["small"].comments + FEATURED_COMMENTS
    assert ArticleComment.objects.count() == expected
    assert SCALES["large"].comments == 1_000_000


def test_thread_fields_are_consistent():
    from comments.models import ArticleComment

    call_command("bench_data", scale="tiny", stdout=io.StringIO())
    comments = list(ArticleComment.objects.all())
    by_pk = {c.pk: c for c in comments}
    below = descendants(comments)
    max_level = settings.COMMENTS_XTD_MAX_THREAD_LEVEL
    assert {c.level for c in comments} == set(range(max_level + 1))
    threads: dict[int, list] = {}
    for comment in comments:
        assert comment.nested_count == below[comment.pk]
        if comment.parent_id == comment.pk:
            assert comment.level == 0 and comment.thread_id == comment.pk
            assert comment.order == 1
        else:
            parent = by_pk[comment.parent_id]
            assert parent.pk < comment.pk
            assert parent.submit_date <= comment.submit_date
            assert parent.object_pk == comment.object_pk
            assert comment.level == parent.level + 1
            assert comment.thread_id == parent.thread_id
        threads.setdefault(comment.thread_id, []).append(comment)
    for thread in threads.values():
        # ``order`` numbers the thread depth-first, 1, 2, 3, …
        thread.sort(key=lambda c: c.order)
        assert [c.order for c in thread] == list(range(1, len(thread) + 1))
        for position, comment in enumerate(thread):
            if position:
                assert thread[position - 1].pk in (
                    comment.parent_id,
                    *(c.pk for c in thread[:position] if c.level >= comment.level),
                )
            # A comment's replies follow it directly.
            subtree = thread[position + 1 : position + 1 + comment.nested_count]
            assert all(c.level > comment.level for c in subtree)


def test_thread_fields_are_what_xtd_itself_stores():
    """Post the featured article's comments again, one by one through xtd's
    ``save()``, on another article: same levels, order, reply counts; and new
    comments get fresh ids (the PostgreSQL sequence was moved on)."""
    from django.contrib.contenttypes.models import ContentType

    from comments.models import ArticleComment

    call_command("bench_data", scale="tiny", stdout=io.StringIO())
    featured = Article.objects.get(slug=FEATURED_SLUG)
    other = ArticleFactory(
        authors=[Author.objects.first()], category=Category.objects.first()
    )
    generated = list(ArticleComment.objects.of_article(featured).order_by("pk"))
    last_id = ArticleComment.objects.order_by("-pk").values_list("pk", flat=True)[0]
    copies: dict[int, int] = {}
    for comment in generated:
        starter = comment.parent_id == comment.pk
        copy = ArticleComment(
            content_type=ContentType.objects.get_for_model(Article),
            object_pk=str(other.pk),
            site_id=settings.SITE_ID,
            user_name=comment.user_name,
            user_email=comment.user_email,
            comment=comment.comment,
            submit_date=comment.submit_date,
            is_public=True,
            parent_id=0 if starter else copies[comment.parent_id],
        )
        copy.save()
        assert copy.pk > last_id
        copies[comment.pk] = copy.pk
    reposted = {c.pk: c for c in ArticleComment.objects.of_article(other)}

    def shape(comment, mapping):
        return (
            comment.level,
            comment.order,
            comment.nested_count,
            mapping(comment.parent_id),
            mapping(comment.thread_id),
        )

    index = {pk: number for number, pk in enumerate(copies)}
    back = {copy: index[original] for original, copy in copies.items()}
    assert [shape(c, index.get) for c in generated] == [
        shape(reposted[copies[c.pk]], back.get) for c in generated
    ]


def test_featured_article_page_shows_twenty_threaded_comments(client):
    from django.contrib.auth.models import AnonymousUser
    from django_comments_xtd.models import XtdComment

    from comments.models import ArticleComment

    call_command("bench_data", scale="tiny", stdout=io.StringIO())
    featured = Article.objects.get(slug=FEATURED_SLUG)
    response = client.get(featured.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert f"{FEATURED_COMMENTS} Kommentare" in html
    tree = comment_tree(html)
    stored = {c.pk: c for c in ArticleComment.objects.of_article(featured).approved()}
    assert len(tree.enclosing) == FEATURED_COMMENTS
    assert set(tree.enclosing) == set(stored)
    max_level = settings.COMMENTS_XTD_MAX_THREAD_LEVEL
    assert set(tree.levels.values()) == set(range(max_level + 1))
    for pk, enclosing in tree.enclosing.items():
        comment = stored[pk]
        # Replies are nested in their parent's list item, starters are not.
        assert enclosing == (None if comment.parent_id == pk else comment.parent_id)
        assert tree.levels[pk] == comment.level
    # xtd's own tree of the same comments agrees.
    queryset = XtdComment.objects.filter(pk__in=stored)
    nodes = XtdComment.tree_from_queryset(queryset, user=AnonymousUser())

    def walk(nodes, parent=None):
        for node in nodes:
            comment = node["comment"]
            yield comment.pk, parent
            yield from walk(node["children"], comment.pk)

    assert dict(walk(nodes)) == tree.enclosing
    assert XtdComment.objects.for_app_models("articles.article").count() == (
        SCALES["tiny"].comments + FEATURED_COMMENTS
    )


def test_comment_counts_in_the_lists_match(client):
    from comments.models import ArticleComment

    call_command("bench_data", scale="tiny", stdout=io.StringIO())
    stored = Counter(
        ArticleComment.objects.approved().values_list("object_pk", flat=True)
    )
    links = {a.get_absolute_url(): str(a.pk) for a in Article.objects.published()}
    shown: dict[str, int] = {}
    for path in ["/", *{a.category.get_absolute_url() for a in Article.objects.all()}]:
        html = client.get(path).content.decode()
        for url, count in re.findall(
            r'<a href="([^"#]+)#kommentare">(\d+) Kommentare?</a>', html
        ):
            shown[url] = int(count)
    assert len(shown) >= 10
    featured = Article.objects.get(slug=FEATURED_SLUG)
    assert shown[featured.get_absolute_url()] == FEATURED_COMMENTS
    for url, count in shown.items():
        assert count == stored[links[url]], url
    annotated = Article.objects.published().with_related()
    for article in annotated:
        assert article.comment_count == stored[str(article.pk)]
