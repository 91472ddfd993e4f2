"""WP-PostRatings → the ratings app's summary: same count and average at once,
new votes combine with the imported ones."""

import pytest

from articles.models import Article
from ratings.models import RatingSummary
from ratings.services import rating_set
from tests.wordpress_import.helpers import run

pytestmark = pytest.mark.django_db


def summary(slug: str) -> RatingSummary:
    return RatingSummary.objects.get(article__slug=slug)


def test_imported_ratings_show_the_same_count_and_average(client, fixtures):
    report = run(fixtures / "magazin.xml")
    imported = summary("messe-hannover")
    assert (imported.count, imported.total) == (12, 50)
    assert imported.average_display == "4,2"  # 4.17 on the old site
    assert "ratings        created 1, updated 0, unchanged 0, skipped 0" in report
    assert not RatingSummary.objects.filter(article__slug="ki-im-vertrieb").exists()
    html = client.get("/artikel/messe-hannover/").content.decode()
    assert "4,2" in html


def test_new_votes_combine_with_imported_ones(fixtures):
    run(fixtures / "magazin.xml")
    article = Article.objects.get(slug="messe-hannover")
    rating_set(article=article, voter="leserin-1", score=1)
    rating_set(article=article, voter="leserin-1", score=5)  # changed, not added
    after = summary("messe-hannover")
    assert (after.count, after.total) == (13, 55)


def test_newer_export_replaces_the_imported_part_and_keeps_votes(fixtures, tmp_path):
    run(fixtures / "magazin.xml")
    article = Article.objects.get(slug="messe-hannover")
    rating_set(article=article, voter="leserin-1", score=4)
    source = (fixtures / "magazin.xml").read_text()
    source = source.replace("[CDATA[12]]", "[CDATA[20]]").replace(
        "[CDATA[50]]", "[CDATA[90]]"
    )
    path = tmp_path / "newer.xml"
    path.write_text(source)
    report = run(path)
    after = summary("messe-hannover")
    assert (after.count, after.total) == (21, 94)  # 20 imported + 1 vote cast here
    assert "ratings        created 0, updated 1" in report


def test_impossible_ratings_are_reported_and_the_post_kept(fixtures, tmp_path):
    source = (
        (fixtures / "magazin.xml").read_text().replace("[CDATA[50]]", "[CDATA[99]]")
    )
    path = tmp_path / "bad.xml"
    path.write_text(source)
    report = run(path)
    assert Article.objects.filter(slug="messe-hannover").exists()
    assert not RatingSummary.objects.filter(article__slug="messe-hannover").exists()
    assert "ratings_score 99 does not fit 12 votes of 1–5 stars (e.g. 101)" in report


def test_recount_after_the_import_keeps_the_imported_ratings(fixtures):
    """``ratings_recount`` counts the vote rows; the imported ratings have none
    and must survive it."""
    from ratings.services import ratings_recount

    run(fixtures / "magazin.xml")
    article = Article.objects.get(slug="messe-hannover")
    rating_set(article=article, voter="leserin-1", score=3)

    recounted = ratings_recount(article=article)

    assert (recounted.count, recounted.total) == (13, 53)
    assert recounted.average_display == "4,1"
