import csv
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from counters.models import DailyViews, ViewOffset
from counters.services import view_record, view_total_set
from tests.counters.helpers import total
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_view_record_inserts_then_increments(article):
    day = date(2026, 3, 10)
    view_record(article_id=article.pk, day=day)
    view_record(article_id=article.pk, day=day)
    view_record(article_id=article.pk, day=day, views=3)
    assert DailyViews.objects.get(article=article, day=day).count == 5


def test_view_total_set_keeps_daily_rows(article):
    view_record(article_id=article.pk, views=40)
    assert view_total_set(article_id=article.pk, total=2574) == 2534
    assert total(article) == 2574
    assert DailyViews.objects.get(article=article).count == 40
    view_total_set(article_id=article.pk, total=10)  # a correction downwards
    assert total(article) == 10
    assert ViewOffset.objects.get(article=article).views == -30


def test_view_total_set_refuses_negative(article):
    with pytest.raises(ValueError):
        view_total_set(article_id=article.pk, total=-1)


def test_views_set_command_for_one_article(article, capsys):
    call_command("views_set", article=article.slug, total=2574)
    assert total(article) == 2574
    assert "1 totals set" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({}, "Give --article"),
        ({"article": "gibt-es-nicht", "total": 5}, "No article with the slug"),
        ({"article": "x", "total": -5}, "cannot be negative"),
    ],
)
def test_views_set_command_errors(options, message):
    with pytest.raises(CommandError, match=message):
        call_command("views_set", **options)


def test_views_set_command_imports_a_csv(tmp_path):
    a, b = ArticleFactory(), ArticleFactory()
    path = tmp_path / "postviews.csv"
    with path.open("w", newline="") as handle:
        csv.writer(handle).writerows([[a.slug, 120], [b.slug, 7]])
    call_command("views_set", csv_file=path)
    assert (total(a), total(b)) == (120, 7)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("slug-ohne-zahl\n", "Line 1"),
        ("x,abc\n", "Line 1"),
        ("x,-3\n", "cannot be negative"),
    ],
)
def test_views_set_csv_errors_change_nothing(tmp_path, content, message):
    article = ArticleFactory(slug="x")
    path = tmp_path / "bad.csv"
    path.write_text(f"{article.slug},5\n" + content)
    with pytest.raises(CommandError, match=message.replace("1", "2")):
        call_command("views_set", csv_file=path)
    assert total(article) == 0


def test_views_set_csv_unknown_slug_changes_nothing(tmp_path):
    article = ArticleFactory()
    path = tmp_path / "import.csv"
    path.write_text(f"{article.slug},5\nunbekannt,3\n")
    with pytest.raises(CommandError, match="unbekannt"):
        call_command("views_set", csv_file=path)
    assert total(article) == 0
