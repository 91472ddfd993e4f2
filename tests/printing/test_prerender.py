"""PDFs rendered by a job after publication, before the first reader."""

import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from articles.models import Article
from printing.jobs import pdf_prerender
from printing.models import PdfRender
from tests.factories import ArticleFactory
from tests.printing import pdf_folder

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _pdf_cache_dir(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def with_worker(settings, monkeypatch):
    """Jobs go to the queue (DJANGO_JOBS_WORKER=1); the test runs them."""
    from django_q.conf import Conf

    settings.JOBS_WORKER = True
    monkeypatch.setattr(Conf, "SYNC", False)


def cached_files(article) -> list[Path]:
    return list((pdf_folder() / str(article.pk)).glob("*.pdf"))


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
    assert not (pdf_folder() / str(other.pk)).exists()


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_renders_the_pdf_job_into_the_bucket(tmp_path, monkeypatch):
    """django-q2's worker processes are daemonic: a ``multiprocessing`` child
    cannot be started there (the render child is forked with ``os.fork``).
    A real ``qcluster`` takes the job and writes the PDF to the object store."""
    from django_q.conf import Conf
    from django_q.models import Success
    from django_q.tasks import async_task

    from tests.core.test_jobs import _stop, _wait_for
    from tests.servers import ROOT, object_store, site_environment

    pytest.importorskip("weasyprint")
    monkeypatch.setattr(Conf, "SYNC", False)
    article = ArticleFactory(title="Im Hintergrund", status=Article.Status.PUBLISHED)
    async_task("printing.jobs.pdf_prerender", article.pk)
    log = tmp_path / "worker.log"
    with object_store() as store:
        env = site_environment(
            DJANGO_JOBS_WORKER="1",
            DJANGO_JOBS_WORKERS="1",
            DJANGO_JOBS_TIMEOUT="120",
            DJANGO_PDF_WAIT_SECONDS="100",
            **store.environment(),
        )
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "qcluster"],
            cwd=ROOT,
            env=env,
            stdout=log.open("a"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            assert _wait_for(lambda: Success.objects.exists(), 180), log.read_text()
        finally:
            _stop(worker)
        assert Success.objects.get().result is True, log.read_text()
        stored = store.keys()
        keys = [key for key in stored if key.startswith(f"pdf/{article.pk}/")]
        assert len(keys) == 1 and keys[0].endswith(".pdf"), stored
        content = store.client().get_object(Bucket=store.bucket, Key=keys[0])
        assert content["Body"].read().startswith(b"%PDF")
    assert not PdfRender.objects.exists()  # the lock was released
