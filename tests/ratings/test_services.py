import random
from datetime import UTC, datetime

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction

from articles.models import Article
from ratings import services
from ratings.models import RatingSummary, Vote
from tests.factories import ArticleFactory
from tests.ratings.helpers import assert_summary_matches_votes

pytestmark = pytest.mark.django_db


def test_first_vote_creates_vote_and_summary(article):
    result = services.rating_set(article=article, voter="a" * 64, score=4)

    assert result.created
    assert result.vote.score == 4
    assert (result.summary.count, result.summary.total) == (1, 4)
    assert result.summary.average == 4
    assert_summary_matches_votes(article)


def test_voting_again_changes_the_vote_instead_of_adding_one(article):
    services.rating_set(article=article, voter="v1", score=2)
    services.rating_set(article=article, voter="v2", score=5)

    result = services.rating_set(article=article, voter="v1", score=4)

    assert not result.created
    assert Vote.objects.filter(article=article).count() == 2
    assert (result.summary.count, result.summary.total) == (2, 9)
    assert result.summary.average == 4.5
    assert_summary_matches_votes(article)


def test_same_machine_with_cleared_cookie_changes_its_vote(article):
    """A new cookie id but today's machine key of an earlier vote: the earlier
    vote is changed and re-keyed to the new cookie."""
    services.rating_set(article=article, voter="cookie-1", machine_key="m1", score=1)

    result = services.rating_set(
        article=article, voter="cookie-2", machine_key="m1", score=5
    )

    assert not result.created
    vote = Vote.objects.get(article=article)
    assert (vote.voter, vote.score) == ("cookie-2", 5)
    # The next day the machine key differs; the re-keyed cookie still matches.
    again = services.rating_set(
        article=article, voter="cookie-2", machine_key="m2", score=3
    )
    assert not again.created
    assert Vote.objects.filter(article=article).count() == 1
    assert_summary_matches_votes(article)


def test_another_machine_adds_a_vote(article):
    services.rating_set(article=article, voter="c1", machine_key="m1", score=1)
    services.rating_set(article=article, voter="c2", machine_key="m2", score=5)

    assert assert_summary_matches_votes(article).count == 2


def test_logged_in_voters_are_not_matched_by_machine(article):
    services.rating_set(article=article, voter="user-1", score=2)
    services.rating_set(article=article, voter="user-2", score=4)

    assert assert_summary_matches_votes(article).count == 2


@pytest.mark.parametrize("score", [0, 6, -1])
def test_scores_outside_one_to_five_are_refused(article, score):
    with pytest.raises(ValueError):
        services.rating_set(article=article, voter="v", score=score)
    assert not Vote.objects.exists()


@pytest.mark.parametrize("status", [Article.Status.DRAFT, Article.Status.REVIEW])
def test_unpublished_articles_take_no_votes(status):
    article = ArticleFactory(status=status)
    with pytest.raises(services.RatingClosed):
        services.rating_set(article=article, voter="v", score=3)
    assert not Vote.objects.exists()


def test_switched_off_articles_take_no_votes(article):
    RatingSummary.objects.create(article=article, enabled=False)
    with pytest.raises(services.RatingClosed):
        services.rating_set(article=article, voter="v", score=3)
    assert not Vote.objects.exists()


def test_database_refuses_a_second_vote_and_bad_scores(article):
    Vote.objects.create(article=article, voter="v", score=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(article=article, voter="v", score=4)
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(article=article, voter="w", score=6)


def test_database_refuses_an_impossible_summary(article):
    with pytest.raises(IntegrityError), transaction.atomic():
        RatingSummary.objects.create(article=article, count=2, total=11)


def test_reset_deletes_votes_and_zeroes_the_summary_but_keeps_the_switch(article):
    for number in range(3):
        services.rating_set(article=article, voter=f"v{number}", score=5)
    RatingSummary.objects.filter(article=article).update(enabled=False)

    assert services.ratings_reset(article=article) == 3

    summary = assert_summary_matches_votes(article)
    assert (summary.count, summary.total, summary.enabled) == (0, 0, False)


def test_recount_repairs_a_summary(article):
    services.rating_set(article=article, voter="v1", score=2)
    Vote.objects.create(article=article, voter="imported", score=5)

    summary = services.ratings_recount(article=article)

    assert (summary.count, summary.total) == (2, 7)


def test_imported_ratings_show_at_once_and_new_votes_add_to_them(article):
    summary = services.ratings_import(article=article, count=12, total=50)
    assert (summary.count, summary.total, summary.average_display) == (12, 50, "4,2")

    services.rating_set(article=article, voter="v1", score=1)
    services.rating_set(article=article, voter="v1", score=5)  # changed, not added

    summary = assert_summary_matches_votes(article)
    assert (summary.count, summary.total) == (13, 55)


def test_recount_keeps_imported_ratings(article):
    services.ratings_import(article=article, count=12, total=50)
    services.rating_set(article=article, voter="v1", score=4)
    Vote.objects.create(article=article, voter="bulk", score=2)  # summary not told

    summary = services.ratings_recount(article=article)

    assert (summary.count, summary.total) == (14, 56)
    assert (summary.imported_count, summary.imported_total) == (12, 50)


def test_a_second_import_replaces_the_imported_part_and_keeps_votes(article):
    services.ratings_import(article=article, count=12, total=50)
    services.rating_set(article=article, voter="v1", score=4)

    summary = services.ratings_import(article=article, count=20, total=90)

    assert (summary.count, summary.total) == (21, 94)
    assert_summary_matches_votes(article)


def test_reset_clears_imported_ratings_too(article):
    services.ratings_import(article=article, count=12, total=50)
    services.rating_set(article=article, voter="v1", score=4)

    assert services.ratings_reset(article=article) == 1

    summary = RatingSummary.objects.get(article=article)
    assert (summary.count, summary.total, summary.imported_count) == (0, 0, 0)


@pytest.mark.parametrize(("count", "total"), [(2, 11), (3, 2), (-1, 0)])
def test_impossible_imported_ratings_are_refused(article, count, total):
    with pytest.raises(ValueError):
        services.ratings_import(article=article, count=count, total=total)
    assert not RatingSummary.objects.filter(article=article, count__gt=0).exists()


def test_database_refuses_an_imported_part_beyond_the_summary(article):
    with pytest.raises(IntegrityError), transaction.atomic():
        RatingSummary.objects.create(
            article=article, count=1, total=5, imported_count=2, imported_total=8
        )


def test_summary_and_votes_never_disagree(article):
    """A long random sequence of new votes, changed votes, cleared cookies and
    resets: after every step the summary equals the votes' own totals."""
    other = ArticleFactory()
    chooser = random.Random(20261127)
    for step in range(300):
        target = chooser.choice([article, other])
        if step % 97 == 96:
            services.ratings_reset(article=target)
        else:
            services.rating_set(
                article=target,
                voter=f"cookie-{chooser.randrange(40)}",
                machine_key=chooser.choice(["", f"machine-{chooser.randrange(25)}"]),
                score=chooser.randint(1, 5),
            )
        assert_summary_matches_votes(target)
    assert_summary_matches_votes(article)
    assert_summary_matches_votes(other)


def test_old_machine_keys_are_forgotten(article):
    services.rating_set(article=article, voter="old", machine_key="m-old", score=4)
    services.rating_set(article=article, voter="new", machine_key="m-new", score=2)
    Vote.objects.filter(voter="old").update(updated_at=datetime(2020, 1, 1, tzinfo=UTC))

    call_command("ratings_forget_machine_keys", stdout=open("/dev/null", "w"))  # noqa: SIM115

    keys = dict(Vote.objects.values_list("voter", "machine_key"))
    assert keys == {"old": "", "new": "m-new"}
    assert_summary_matches_votes(article)  # scores untouched
