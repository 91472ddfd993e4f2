from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from discovery.archive import archive_months
from discovery.related import RELATED_LIMIT, ranked_related, related_articles
from tests.articles.bulk import bulk_articles
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def at(year, month, day, hour=10):
    return datetime(year, month, day, hour, tzinfo=UTC)


def test_archive_months_counts_per_month_in_german_time(django_assert_num_queries):
    ArticleFactory(publish_at=at(2012, 6, 1))
    ArticleFactory(publish_at=at(2012, 6, 30))
    # 31 May, 23:30 UTC is 1 June, 01:30 in Berlin: a June article.
    ArticleFactory(publish_at=datetime(2012, 5, 31, 23, 30, tzinfo=UTC))
    ArticleFactory(publish_at=at(2012, 3, 5))
    ArticleFactory(publish_at=at(2011, 12, 24))
    ArticleFactory(publish_at=at(2012, 7, 1), status=Article.Status.DRAFT)
    # The first and the last publication time, then the counts per month.
    with django_assert_num_queries(3):
        years = archive_months()
    assert [(y["year"], y["count"]) for y in years] == [(2012, 4), (2011, 1)]
    assert [(m["month"].month, m["count"]) for m in years[0]["months"]] == [
        (6, 3),
        (3, 1),
    ]


def test_archive_months_follow_summer_and_winter_time_and_skip_the_future():
    # 30 Sep, 22:30 UTC is 1 October, 00:30 summer time; 31 Oct, 23:30 UTC is
    # 1 November, 00:30 winter time; 1 Nov, 22:30 UTC is still 1 November.
    ArticleFactory(publish_at=datetime(2013, 9, 30, 22, 30, tzinfo=UTC))
    ArticleFactory(publish_at=datetime(2013, 9, 30, 21, 30, tzinfo=UTC))
    ArticleFactory(publish_at=datetime(2013, 10, 31, 23, 30, tzinfo=UTC))
    ArticleFactory(publish_at=datetime(2013, 11, 1, 22, 30, tzinfo=UTC))
    ArticleFactory(publish_at=timezone.now() + timedelta(days=40))  # scheduled
    (year,) = archive_months()
    assert [(m["month"].month, m["count"]) for m in year["months"]] == [
        (11, 2),
        (10, 1),
        (9, 1),
    ]


def test_archive_index_page(client, django_assert_max_num_queries):
    ArticleFactory(publish_at=at(2012, 6, 15))
    ArticleFactory(publish_at=at(2013, 1, 15))
    # Two more than with TruncMonth: the archive's span before its counts.
    with django_assert_max_num_queries(5):
        response = client.get("/archiv/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<a href="/archiv/2012/6/">Juni 2012</a>' in html
    assert '<a href="/archiv/2013/1/">Januar 2013</a>' in html
    assert html.index("Januar 2013") < html.index("Juni 2012")
    assert "2.012" not in html  # a year, not a number with a thousands separator
    english = client.get("/en/archiv/").content.decode()
    assert '<a href="/en/archiv/2012/6/">June 2012</a>' in english


def test_archive_years_are_a_cached_fragment_until_the_next_change(client):
    from django.core.cache import caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    ArticleFactory(publish_at=at(2012, 6, 15))
    client.get("/archiv/")
    caches["pages"].clear()  # the whole page's copy gone, the fragment kept
    with CaptureQueriesContext(connection) as captured:
        html = client.get("/archiv/").content.decode()
    assert '<a href="/archiv/2012/6/">Juni 2012</a>' in html
    assert not [q for q in captured.captured_queries if "bounds" in q["sql"]]
    ArticleFactory(publish_at=at(2013, 1, 15))  # a new content version
    assert "Januar 2013" in client.get("/archiv/").content.decode()


def test_month_archive_page(client):
    june = ArticleFactory(title="Im Juni", publish_at=at(2012, 6, 15))
    ArticleFactory(title="Im Juli", publish_at=at(2012, 7, 1))
    ArticleFactory(
        title="Entwurf im Juni", publish_at=at(2012, 6, 16), status=Article.Status.DRAFT
    )
    response = client.get("/archiv/2012/6/")
    assert response.status_code == 200
    assert list(response.context["page_obj"]) == [june]
    html = response.content.decode()
    assert "<h1>Juni 2012</h1>" in html
    assert "<title>Juni 2012 – Redaktion</title>" in html


@pytest.mark.parametrize(
    "url",
    [
        "/archiv/2012/5/",
        "/archiv/2012/13/",
        "/archiv/2012/0/",
        "/archiv/0/1/",
        "/archiv/99999999999999999999/1/",
        "/archiv/2012/6/?page=3",
    ],
)
def test_month_archive_bad_or_empty_months_are_404(client, url):
    ArticleFactory(publish_at=at(2012, 6, 15))
    assert client.get(url).status_code == 404


def test_month_archive_query_budget_with_1000_articles(
    client, django_assert_max_num_queries
):
    bulk_articles(1000)  # from January 2012, four a day
    with django_assert_max_num_queries(7):
        response = client.get("/archiv/2012/3/")
    assert response.status_code == 200
    assert response.context["paginator"].count == 31 * 4
    with django_assert_max_num_queries(5):  # as test_archive_index_page
        assert client.get("/archiv/").status_code == 200


def test_related_articles_rank_shared_tags_then_category_then_date(
    django_assert_num_queries,
):
    home = CategoryFactory()
    other = CategoryFactory()
    article = ArticleFactory(category=home, tags=["A", "B", "C"])
    two_tags = ArticleFactory(
        category=other, tags=["A", "B"], publish_at=at(2010, 1, 1)
    )
    one_tag_same_cat = ArticleFactory(
        category=home, tags=["C"], publish_at=at(2011, 1, 1)
    )
    one_tag_new = ArticleFactory(category=other, tags=["A"], publish_at=at(2012, 1, 1))
    one_tag_old = ArticleFactory(category=other, tags=["B"], publish_at=at(2009, 1, 1))
    ArticleFactory(category=home, publish_at=at(2008, 1, 1))  # same category only: 5th
    ArticleFactory(category=other, tags=["Z"])  # nothing in common
    ArticleFactory(category=home, tags=["A", "B", "C"], status=Article.Status.DRAFT)
    article = Article.objects.with_related().get(pk=article.pk)
    with django_assert_num_queries(3):  # ranking, cards, bylines
        related = related_articles(article, limit=4)
        names = [a.byline_authors[0].display_name for a in related]  # prefetched
    assert related == [two_tags, one_tag_same_cat, one_tag_new, one_tag_old]
    assert len(names) == 4 and article not in related
    # The ranking is cached; the cards are read fresh, of published articles:
    # one taken offline leaves the list at once.
    Article.objects.filter(pk=one_tag_new.pk).update(status=Article.Status.DRAFT)
    with django_assert_num_queries(2):
        assert related_articles(article, limit=4) == [
            two_tags,
            one_tag_same_cat,
            one_tag_old,
        ]


def test_related_articles_without_tags_fall_back_to_the_category():
    category = CategoryFactory()
    article = ArticleFactory(category=category)
    newer = ArticleFactory(category=category, publish_at=at(2013, 1, 1))
    older = ArticleFactory(category=category, publish_at=at(2011, 1, 1))
    ArticleFactory(publish_at=at(2014, 1, 1))
    assert related_articles(Article.objects.with_related().get(pk=article.pk)) == [
        newer,
        older,
    ]


def test_article_page_shows_related_articles(client, django_assert_max_num_queries):
    author = AuthorFactory()
    category = CategoryFactory()
    article = ArticleFactory(category=category, tags=["Vertrieb"], authors=[author])
    for i in range(6):
        ArticleFactory(
            title=f"Verwandt {i}",
            tags=["Vertrieb"],
            authors=[AuthorFactory(), AuthorFactory()],
            publish_at=timezone.now() - timedelta(days=i + 1),
        )
    with django_assert_max_num_queries(9):  # cold cache
        response = client.get(article.get_absolute_url())
    html = response.content.decode()
    assert "Ähnliche Artikel" in html
    assert html.index("</article>") < html.index("Ähnliche Artikel")
    # Three cards: one full row of the three-column grid (#21, launch audit).
    assert [f"Verwandt {i}" in html for i in range(6)] == [True] * 3 + [False] * 3


def test_no_related_block_when_nothing_is_related(client):
    article = ArticleFactory(tags=["Einzigartig"])
    assert (
        "Ähnliche Artikel"
        not in client.get(article.get_absolute_url()).content.decode()
    )


def test_related_fill_from_the_category_skips_articles_sharing_tags():
    """The newest same-category article shares a tag: it ranks first, and the
    category fill still finds three more (older) articles of the category."""
    category = CategoryFactory()
    article = ArticleFactory(category=category, tags=["A"])
    sharing = ArticleFactory(category=category, tags=["A"], publish_at=at(2015, 1, 1))
    plain = [
        ArticleFactory(category=category, publish_at=at(2010, 1, month))
        for month in range(1, 6)
    ]
    related = related_articles(
        Article.objects.with_related().get(pk=article.pk), limit=4
    )
    assert related == [sharing, plain[4], plain[3], plain[2]]


def test_related_never_lists_unpublished_or_scheduled_articles():
    category = CategoryFactory()
    article = ArticleFactory(category=category, tags=["A"])
    ArticleFactory(category=category, tags=["A"], status=Article.Status.DRAFT)
    ArticleFactory(
        category=category, tags=["A"], publish_at=timezone.now() + timedelta(days=1)
    )
    visible = ArticleFactory(category=category, publish_at=at(2010, 1, 1))
    related = related_articles(Article.objects.with_related().get(pk=article.pk))
    assert related == [visible]


def test_related_articles_match_the_plain_definition_on_random_data():
    """The two-set shortcut ranks exactly like scoring every article: published,
    most shared tags, then the same category, then newest; never the article."""
    import random

    rng = random.Random(9)
    categories = [CategoryFactory() for _ in range(3)]
    names = ["A", "B", "C", "D", "E", "F"]
    articles = [
        ArticleFactory(
            category=rng.choice(categories),
            tags=rng.sample(names, rng.randint(0, 3)),
            publish_at=at(2000 + rng.randint(0, 3), rng.randint(1, 12), 1),
            status=rng.choice([Article.Status.PUBLISHED] * 4 + [Article.Status.DRAFT]),
        )
        for _ in range(40)
    ]
    for article in articles[:15]:
        article = Article.objects.with_related().get(pk=article.pk)
        own = {tag.name for tag in article.tags.all()}
        candidates = []
        for other in Article.objects.published().exclude(pk=article.pk):
            shared = len(own & {tag.name for tag in other.tags.all()})
            same = int(other.category_id == article.category_id)
            if shared or same:
                candidates.append(((shared, same, other.publish_at, other.pk), other))
        expected = [
            other for _key, other in sorted(candidates, reverse=True)[:RELATED_LIMIT]
        ]
        assert related_articles(article) == expected


def test_related_ranks_a_bounded_set_of_candidates_per_tag():
    """Of a crowded tag only the newest articles are candidates; every article
    of a rarer tag is one, so an older article sharing both tags still leads."""
    home = CategoryFactory()
    article = ArticleFactory(category=home, tags=["Häufig", "Selten"])
    both_old = ArticleFactory(
        category=CategoryFactory(), tags=["Häufig", "Selten"], publish_at=at(2005, 1, 1)
    )
    crowded = [
        ArticleFactory(
            category=CategoryFactory(), tags=["Häufig"], publish_at=at(2010, 1, day)
        )
        for day in range(1, 6)
    ]
    article = Article.objects.with_related().get(pk=article.pk)
    # Four candidates, two per tag: the two newest of „Häufig“, all of „Selten“.
    assert ranked_related(article, limit=4, candidates=4) == [
        both_old.pk,
        crowded[4].pk,
        crowded[3].pk,
    ]
    assert ranked_related(article, limit=4) == [
        both_old.pk,
        crowded[4].pk,
        crowded[3].pk,
        crowded[2].pk,
    ]
