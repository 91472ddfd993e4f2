"""PDFs rendered by a job after publication, before the first reader."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from articles.models import Article
from printing import pdf
from printing.jobs import pdf_prerender
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _pdf_cache_dir(settings, tmp_path):
    settings.PDF_CACHE_DIR = str(tmp_path / "pdf")


@pytest.fixture
def with_worker(settings, monkeypatch):
    """Jobs go to the queue (DJANGO_JOBS_WORKER=1); the test runs them."""
    from django_q.conf import Conf

    settings.JOBS_WORKER = True
    monkeypatch.setattr(Conf, "SYNC", False)


def cached_files(article) -> list[Path]:
    return list((Path(pdf.pdf_cache_dir()) / str(article.pk)).glob("*.pdf"))


def test_publishing_queues_the_pdf_and_the_first_reader_gets_the_file(
    client, with_worker, django_capture_on_commit_callbacks
):
    from django_q.models import OrmQ

    with django_capture_on_commit_callbacks(execute=True):
        article = ArticleFactory(title="Druckfertig", status=Article.Status.PUBLISHED)
    queued = [
        task
        for task in OrmQ.objects.all()
        if task.func() == "printing.jobs.pdf_prerender"
    ]
    assert [task.args() for task in queued] == [(article.pk,)]
    assert pdf_prerender(article.pk)  # what the worker runs
    assert len(cached_files(article)) == 1
    assert pdf_prerender(article.pk)  # twice: the same file, not a second one
    assert len(cached_files(article)) == 1
    response = client.get(f"/artikel/{article.slug}/pdf/")
    assert response["X-PDF-Cache"] == "hit"


def test_a_scheduled_article_is_rendered_at_its_publication(
    with_worker, django_capture_on_commit_callbacks
):
    from django_q.models import Schedule

    later = timezone.now() + timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        article = ArticleFactory(status=Article.Status.PUBLISHED, publish_at=later)
    schedule = Schedule.objects.get(func="printing.jobs.pdf_prerender")
    assert schedule.next_run == later
    assert schedule.args == f"({article.pk},)"
    assert not pdf_prerender(article.pk)  # not yet public: nothing rendered


def test_without_a_worker_saving_renders_nothing(django_capture_on_commit_callbacks):
    """No typesetting in the editor's request: the first reader renders it."""
    with django_capture_on_commit_callbacks(execute=True):
        article = ArticleFactory(status=Article.Status.PUBLISHED)
    assert cached_files(article) == []


def test_unpublished_or_deleted_articles_lose_their_pdfs(
    django_capture_on_commit_callbacks,
):
    article = ArticleFactory(status=Article.Status.PUBLISHED)
    other = ArticleFactory(status=Article.Status.PUBLISHED)
    assert pdf_prerender(article.pk) and pdf_prerender(other.pk)
    with django_capture_on_commit_callbacks(execute=True):
        article.status = Article.Status.DRAFT
        article.save()
        other.delete()
    assert cached_files(article) == []
    assert not (Path(pdf.pdf_cache_dir()) / str(other.pk)).exists()
