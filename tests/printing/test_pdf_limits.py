"""Bounds on what PDF rendering may cost (issue #21, 3): the editor and the
importer refuse bodies too long or too deeply nested, and WeasyPrint runs in a
child process with a time limit; a reader gets a styled 503 „PDF wird erstellt“,
never a 500 or a worker time-out."""

import time
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from articles.models import Article
from printing.models import PdfRender
from tests.articles.test_admin import ADD_URL, article_form, error_codes
from tests.factories import ArticleFactory, CategoryFactory
from tests.printing import pdf_folder
from tests.wordpress_import.helpers import run
from tests.wordpress_import.wxr import post, write_wxr

pytestmark = pytest.mark.django_db

PARAGRAPH = "<p>" + "Ein Satz über Vertrieb und Technik, etwas länger. " * 2 + "</p>"
HUGE_BODY = PARAGRAPH * 10_000  # 1.1 MB, as the review sent it
DEEP_BODY = "<ul><li>" * 300 + "tief" + "</li></ul>" * 300


@pytest.fixture(autouse=True)
def _pdf_cache_dir(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    pytest.importorskip("weasyprint")


def cache_files(suffix: str) -> list[Path]:
    return list(pdf_folder().rglob(f"*{suffix}"))


def wait_for(condition, seconds: float = 60) -> None:
    """Until the child process has done its part (not a timing assertion)."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the render never finished"
        time.sleep(0.1)


@pytest.mark.parametrize(
    ("body", "code"), [(HUGE_BODY, "body_too_long"), (DEEP_BODY, "body_too_deep")]
)
def test_the_admin_refuses_bodies_too_long_or_too_deep(client, editor, body, code):
    client.force_login(editor)
    response = client.post(ADD_URL, article_form(CategoryFactory(), body=body))
    assert error_codes(response, "body") == [code]
    assert not Article.objects.exists()


@pytest.mark.parametrize("body", [HUGE_BODY, DEEP_BODY])
def test_every_save_refuses_them(body):
    article = ArticleFactory()
    article.body = body
    with pytest.raises(ValidationError):
        article.save()
    article.refresh_from_db()
    assert article.body != body


def test_the_importer_skips_such_posts_with_the_reason(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    export = write_wxr(
        tmp_path / "export.xml",
        post(wp_id=1, content=HUGE_BODY, slug="lang"),
        post(wp_id=2, content=DEEP_BODY, slug="tief"),
        post(wp_id=3, content="<p>Normal.</p>", slug="normal"),
    )
    report = run(export)
    assert list(Article.objects.values_list("slug", flat=True)) == ["normal"]
    assert "posts          created 1, updated 0, unchanged 0, skipped 2" in report
    assert "Zeichen lang" in report or "characters long" in report


def long_article(paragraphs: int) -> Article:
    """An article stored before the limits (or beyond them by an update)."""
    article = ArticleFactory(slug="lang")
    Article.objects.filter(pk=article.pk).update(body=PARAGRAPH * paragraphs)
    return Article.objects.get(pk=article.pk)


def test_a_pdf_over_the_time_limit_is_a_503_not_a_500_and_is_not_retried(
    client, settings
):
    settings.PDF_RENDER_SECONDS = 1
    settings.PDF_WAIT_SECONDS = 0
    article = long_article(1_500)  # several seconds of typesetting
    url = f"/artikel/{article.slug}/pdf/"

    response = client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "15"
    assert "PDF wird erstellt" in response.content.decode()

    wait_for(lambda: cache_files(".failed"))  # the child gave up after 1 s
    assert not cache_files(".pdf")
    claimed = PdfRender.objects.get().started_at
    again = client.get(url)
    assert again.status_code == 503
    assert "Kein PDF dieses Artikels" in again.content.decode()
    # No second render of this version: the lock row is the first one's.
    assert PdfRender.objects.get().started_at == claimed
    # The article and its print view are unaffected.
    assert client.get(article.get_absolute_url()).status_code == 200
    assert client.get(f"/artikel/{article.slug}/drucken/").status_code == 200


def test_lists_nested_300_deep_are_a_503_not_a_recursion_error(client, settings):
    article = ArticleFactory(slug="tief")
    Article.objects.filter(pk=article.pk).update(body=DEEP_BODY)
    response = client.get("/artikel/tief/pdf/")
    assert response.status_code == 503
    assert "Kein PDF dieses Artikels" in response.content.decode()


def test_a_pdf_still_being_typeset_is_served_once_it_is_ready(client, settings):
    settings.PDF_WAIT_SECONDS = 0  # the reader does not wait at all
    article = ArticleFactory(slug="bald")
    url = f"/artikel/{article.slug}/pdf/"
    assert client.get(url).status_code == 503  # „PDF wird erstellt“
    wait_for(lambda: cache_files(".pdf"))
    ready = client.get(url)
    assert ready.status_code == 200 and ready["Content-Type"] == "application/pdf"
    assert ready["X-PDF-Cache"] == "hit"


def test_a_staff_preview_over_the_waiting_time_is_a_503_and_stops_its_render(
    client, editor, settings
):
    settings.PDF_WAIT_SECONDS = 0
    draft = ArticleFactory(slug="entwurf", status=Article.Status.DRAFT)
    client.force_login(editor)
    response = client.get(f"/artikel/{draft.slug}/pdf/")
    assert response.status_code == 503
    assert "Kein PDF dieses Artikels" in response.content.decode()
    assert not cache_files(".pdf") and not pdf_folder().exists()
    assert not PdfRender.objects.exists()
