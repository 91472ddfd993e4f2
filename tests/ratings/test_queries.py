from datetime import UTC, datetime

import pytest

from articles.models import Article
from ratings.models import RatingSummary, Vote
from ratings.queries import best_rated, best_rated_first, with_bayesian_score
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def rated(title: str, scores: list[int], **article_fields) -> Article:
    article = ArticleFactory(title=title, **article_fields)
    Vote.objects.bulk_create(
        Vote(article=article, voter=f"{title}-{n}", score=score)
        for n, score in enumerate(scores)
    )
    RatingSummary.objects.create(article=article, count=len(scores), total=sum(scores))
    return article


def test_one_five_star_vote_does_not_outrank_two_hundred_votes_of_4_8():
    many = rated("Viele Stimmen", [5] * 160 + [4] * 40)  # 200 votes, 4.8
    single = rated("Eine Stimme", [5])
    middling = rated("Mittelmaß", [3] * 50)

    ranking = list(best_rated(Article.objects.published()))

    assert ranking == [many, single, middling]
    assert ranking[0].rating_summary.average == 4.8


def test_bayesian_score_adds_prior_votes_at_three_stars():
    lonely = rated("Eine Stimme", [5])
    many = rated("Viele", [5] * 160 + [4] * 40)
    unrated = RatingSummary.objects.create(article=ArticleFactory()).article

    scores = dict(
        with_bayesian_score(
            Article.objects.filter(pk__in=[lonely.pk, many.pk, unrated.pk]),
            prior_votes=10,
        ).values_list("pk", "rating_score")
    )

    assert scores[lonely.pk] == pytest.approx((10 * 3 + 5) / 11)  # 3.18
    assert scores[many.pk] == pytest.approx((10 * 3 + 960) / 210)  # 4.71
    assert scores[unrated.pk] == pytest.approx(3.0)


def test_without_prior_an_empty_summary_scores_null_not_an_error():
    unrated = RatingSummary.objects.create(article=ArticleFactory()).article

    article = with_bayesian_score(
        Article.objects.filter(pk=unrated.pk), prior_votes=0
    ).get()

    assert article.rating_score is None


def test_without_prior_votes_it_is_the_plain_average():
    single = rated("Eine Stimme", [5])
    many = rated("Viele Stimmen", [5] * 160 + [4] * 40)

    assert list(best_rated(Article.objects.published(), prior_votes=0)) == [
        single,
        many,
    ]


def test_best_rated_leaves_out_unrated_switched_off_and_unpublished_articles():
    good = rated("Gut", [5, 4])
    switched_off = rated("Abgeschaltet", [5, 5, 5])
    RatingSummary.objects.filter(article=switched_off).update(enabled=False)
    rated("Entwurf", [5, 5, 5], status=Article.Status.DRAFT)
    ArticleFactory(title="Unbewertet")
    RatingSummary.objects.create(article=ArticleFactory(title="Zurückgesetzt"))

    assert list(best_rated(Article.objects.published())) == [good]


def test_min_votes_and_limit():
    rated("Eine", [5])
    three = rated("Drei", [4, 4, 4])
    five = rated("Fünf", [4, 4, 4, 4, 5])

    assert list(best_rated(Article.objects.published(), min_votes=3)) == [five, three]
    assert list(best_rated(Article.objects.published(), min_votes=3, limit=1)) == [five]


def test_best_rated_is_one_query(django_assert_num_queries):
    for number in range(6):
        rated(f"Artikel {number}", [1 + number % 5] * (number + 1))

    with django_assert_num_queries(1):
        ranking = list(best_rated(Article.objects.published(), limit=5))
        labels = [article.rating_summary.label() for article in ranking]

    assert len(labels) == 5


def test_best_rated_first_reads_only_the_best_candidates_and_keeps_the_order(
    django_assert_max_num_queries,
):
    best = rated("Beste", [5] * 10)
    # Four tied articles (same votes): the newer comes first, also where the
    # tie runs past the last candidate.
    tied = [
        rated(
            f"Gleichstand {day}", [5, 5], publish_at=datetime(2026, 1, day, tzinfo=UTC)
        )
        for day in (3, 1, 4, 2)
    ]
    rated("Schwächer", [4])
    expected = list(best_rated(Article.objects.published(), limit=4))
    assert expected[0] == best
    assert expected[1:] == sorted(tied, key=lambda a: a.publish_at, reverse=True)[:3]

    with django_assert_max_num_queries(3):  # candidates, their ties, articles
        first = best_rated_first(Article.objects.published(), limit=4, candidates=2)
    assert first == expected
    assert [a.rating_score for a in first] == [a.rating_score for a in expected]


def test_best_rated_first_reads_the_whole_ranking_when_the_candidates_are_not_enough():
    for number in range(3):  # the best are drafts, not on the home page
        rated(f"Entwurf {number}", [5] * 20, status=Article.Status.DRAFT)
    published = [rated("Gut", [4] * 5), rated("Mittel", [3] * 5)]

    first = best_rated_first(Article.objects.published(), limit=2, candidates=3)

    assert first == published == list(best_rated(Article.objects.published(), limit=2))
