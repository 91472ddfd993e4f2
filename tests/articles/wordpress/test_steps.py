"""Feature apps plug their mapping in with ``register_post_step``."""

import io

import pytest
from django.core.management import call_command

from articles.models import Article
from articles.wordpress import importer

pytestmark = pytest.mark.django_db


def run(path) -> str:
    out = io.StringIO()
    call_command("import_wordpress", str(path), stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_without_steps_feature_data_is_reported_as_skipped(fixtures, monkeypatch):
    monkeypatch.setattr(
        "articles.wordpress.steps.register_installed_steps", lambda register: None
    )
    monkeypatch.delitem(importer._post_steps, "views", raising=False)
    monkeypatch.delitem(importer._post_steps, "comments", raising=False)
    monkeypatch.delitem(importer._post_steps, "ratings", raising=False)
    report = run(fixtures / "magazin.xml")
    assert "skipped 1: not imported yet: no import step of the counters app" in report
    assert "skipped 1: not imported yet: no import step of the ratings app" in report
    assert "skipped 3: not imported yet: no import step of the comments app" in report


def test_a_registered_step_sees_each_post_and_its_article(fixtures, monkeypatch):
    seen = []

    def views_step(context: importer.PostContext) -> None:
        total = int(context.item.meta_value("views") or 0)
        seen.append((context.item.wp_id, context.article.pk, context.created))
        if total:
            # A real write inside the post's transaction.
            Article.objects.filter(pk=context.article.pk).update(
                meta_description=f"{total} Aufrufe"
            )
            context.report.created("views")

    monkeypatch.setitem(importer._post_steps, "views", views_step)
    report = run(fixtures / "magazin.xml")
    assert len(seen) == 7 and all(created for _, _, created in seen)
    article = Article.objects.get(slug="messe-hannover")
    assert article.meta_description == "2574 Aufrufe"
    assert "views          created 1" in report
    assert "no import step of the counters app" not in report


def test_a_failing_step_rolls_back_its_post_only(fixtures, monkeypatch):
    def ratings_step(context: importer.PostContext) -> None:
        if context.item.meta_value("ratings_users"):
            raise ValueError("ratings_score is not a number")

    monkeypatch.setitem(importer._post_steps, "ratings", ratings_step)
    report = run(fixtures / "magazin.xml")
    assert not Article.objects.filter(slug="messe-hannover").exists()
    assert Article.objects.count() == 6
    assert "post 101 „Messe in Hannover: Roboter & Menschen“: ratings_score" in report
