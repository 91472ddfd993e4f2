"""WP-PostViews → the counters app's view total (its starting value)."""

from datetime import date

import pytest

from articles.models import Article
from counters.models import ViewOffset
from counters.services import view_record
from tests.wordpress_import.helpers import run

pytestmark = pytest.mark.django_db


def view_total(slug: str) -> int:
    return Article.objects.with_related().get(slug=slug).view_total


def test_imported_views_are_the_article_total(fixtures):
    report = run(fixtures / "magazin.xml")
    assert view_total("messe-hannover") == 2574
    assert view_total("ki-im-vertrieb") == 0  # no views meta
    assert "views          created 1, updated 0, unchanged 0, skipped 0" in report
    assert "counters app" not in report


def test_new_views_add_to_the_imported_ones(fixtures):
    run(fixtures / "magazin.xml")
    article = Article.objects.get(slug="messe-hannover")
    view_record(article_id=article.pk, day=date(2024, 1, 2))
    view_record(article_id=article.pk, day=date(2024, 1, 3), views=2)
    assert view_total("messe-hannover") == 2577


def test_newer_export_sets_the_total_again_without_duplicating(fixtures, tmp_path):
    run(fixtures / "magazin.xml")
    run(fixtures / "magazin.xml")  # unchanged: skipped
    assert view_total("messe-hannover") == 2574
    source = (fixtures / "magazin.xml").read_text()
    path = tmp_path / "newer.xml"
    path.write_text(source.replace("[CDATA[2574]]", "[CDATA[2600]]"))
    report = run(path)
    assert view_total("messe-hannover") == 2600
    assert ViewOffset.objects.count() == 1
    assert "views          created 0, updated 1" in report


def test_impossible_view_count_is_reported_and_the_post_kept(fixtures, tmp_path):
    source = (fixtures / "magazin.xml").read_text()
    path = tmp_path / "bad.xml"
    path.write_text(source.replace("[CDATA[2574]]", "[CDATA[viele]]"))
    report = run(path)
    assert Article.objects.filter(slug="messe-hannover").exists()
    assert view_total("messe-hannover") == 0
    assert "skipped 1: views „viele“ is not a number (e.g. 101)" in report


def test_dry_run_writes_no_views(fixtures):
    report = run(fixtures / "magazin.xml", dry_run=True)
    assert "views          created 1" in report
    assert not ViewOffset.objects.exists()
