import pytest
from django.core.management import call_command
from django.db.models import Sum

from articles.models import Article
from counters.models import DailyViews, ViewOffset
from counters.queries import most_read

pytestmark = pytest.mark.django_db


def test_seed_demo_adds_plausible_view_counts_idempotently(capsys):
    call_command("seed_demo", allow_production=True)
    first = list(DailyViews.objects.values_list("article", "day", "count"))
    offsets = list(ViewOffset.objects.values_list("article", "views"))
    call_command("seed_demo", allow_production=True)
    assert list(DailyViews.objects.values_list("article", "day", "count")) == first
    assert list(ViewOffset.objects.values_list("article", "views")) == offsets
    assert "View counts:" in capsys.readouterr().out

    published = Article.objects.published()
    assert DailyViews.objects.exclude(article__in=published).count() == 0
    assert DailyViews.objects.aggregate(s=Sum("count"))["s"] > 100
    assert len(most_read(published, days=7, limit=5)) == 5
    assert len(most_read(published, limit=5)) == 5
