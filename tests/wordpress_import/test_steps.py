"""Feature apps plug their mapping in with ``steps.post_step`` in their
``wordpress.py``."""

import pytest

from articles.models import Article
from comments.wordpress import import_comments
from counters.wordpress import import_views
from ratings.wordpress import import_ratings
from tests.wordpress_import.helpers import run
from wordpress_import import steps

pytestmark = pytest.mark.django_db


def test_each_feature_app_registers_its_step():
    assert steps.installed_steps() == {
        "views": import_views,
        "ratings": import_ratings,
        "comments": import_comments,
    }


def test_without_steps_feature_data_is_reported_as_skipped(fixtures):
    with (
        steps.registered("views", None),
        steps.registered("ratings", None),
        steps.registered("comments", None),
    ):
        report = run(fixtures / "magazin.xml")
    assert "skipped 1: not imported yet: no import step of the counters app" in report
    assert "skipped 1: not imported yet: no import step of the ratings app" in report
    assert "skipped 3: not imported yet: no import step of the comments app" in report


def test_a_registered_step_sees_each_post_and_its_article(fixtures):
    seen = []

    def views_step(context: steps.PostContext) -> None:
        total = int(context.item.meta_value("views") or 0)
        seen.append((context.item.wp_id, context.article.pk, context.created))
        if total:
            # A real write inside the post's transaction.
            Article.objects.filter(pk=context.article.pk).update(
                meta_description=f"{total} Aufrufe"
            )
            context.report.created("views")

    with steps.registered("views", views_step):
        report = run(fixtures / "magazin.xml")
    assert len(seen) == 7 and all(created for _, _, created in seen)
    article = Article.objects.get(slug="messe-hannover")
    assert article.meta_description == "2574 Aufrufe"
    assert "views          created 1" in report
    assert "no import step of the counters app" not in report


def test_a_failing_step_rolls_back_its_post_only(fixtures):
    def ratings_step(context: steps.PostContext) -> None:
        if context.item.meta_value("ratings_users"):
            raise ValueError("ratings_score is not a number")

    with steps.registered("ratings", ratings_step):
        report = run(fixtures / "magazin.xml")
    assert not Article.objects.filter(slug="messe-hannover").exists()
    assert Article.objects.count() == 6
    assert "post 101 „Messe in Hannover: Roboter & Menschen“: ratings_score" in report
