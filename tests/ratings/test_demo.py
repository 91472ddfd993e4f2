import pytest
from django.core.management import call_command

from articles.models import Article
from ratings.models import RatingSummary, Vote
from ratings.queries import best_rated
from tests.ratings.helpers import assert_summary_matches_votes


@pytest.mark.django_db
def test_seed_demo_adds_votes_once(settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    votes = Vote.objects.count()
    summaries = list(RatingSummary.objects.values_list("pk", "count", "total"))

    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert votes > 300
    assert Vote.objects.count() == votes
    assert list(RatingSummary.objects.values_list("pk", "count", "total")) == summaries
    for article in Article.objects.filter(rating_summary__isnull=False):
        assert_summary_matches_votes(article)
    assert not Vote.objects.exclude(article__in=Article.objects.published()).exists()
    # The lone 5-star vote of the demo does not top the list.
    top = best_rated(Article.objects.published(), limit=3)
    assert all(article.rating_summary.count > 1 for article in top)
