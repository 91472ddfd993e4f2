"""PDFs ready before the first reader: rendered by a job after publication or
change (``core.jobs``); files of unpublished or deleted articles dropped.

A reader's request that finds no file still renders it (``pdf.article_pdf``),
so a job that failed or has not run yet costs only that one wait.
"""

import logging

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.base import SessionBase
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article
from core.jobs import job_enqueue
from printing import pdf

logger = logging.getLogger(__name__)


def _reader_request(article: Article):
    """A request as an anonymous reader's for the PDF address (the templates
    and context processors read it); the host is the site's own."""
    host = settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else "localhost"
    if host.startswith(".") or host == "*":
        host = "localhost"
    request = RequestFactory().get(
        reverse("printing:pdf", kwargs={"slug": article.slug}), HTTP_HOST=host
    )
    request.user = AnonymousUser()
    request.session = SessionBase()
    request._messages = FallbackStorage(request)
    return request


def pdf_prerender(article_id: int) -> bool:
    """Render the published article's PDF into the cache unless it is there.
    Safe to run twice: the file is keyed on the article's version. True when
    a file is (now) in the cache."""
    article = (
        Article.objects.published()
        .with_related(features=False)
        .filter(pk=article_id)
        .first()
    )
    if article is None:  # unpublished or deleted in the meantime
        return False
    with translation.override(settings.LANGUAGE_CODE):
        try:
            pdf.article_pdf(article, _reader_request(article))
        except pdf.PdfPending:
            return True  # the render goes on in its child and writes the file
        except (pdf.PdfFailed, pdf.PdfUnavailable) as error:
            logger.error("PDF of %s not rendered ahead: %s", article.slug, error)
            return False
    return True


def pdf_drop(article_id: int) -> None:
    """Remove every cached PDF of the article (no longer public)."""
    pdf.pdf_files_drop(int(article_id))


def _article_saved(sender, instance: Article, raw=False, **kwargs):
    if raw:
        return
    if instance.status != Article.Status.PUBLISHED:
        job_enqueue("printing.jobs.pdf_drop", instance.pk)
        return
    at = instance.publish_at if instance.publish_at > timezone.now() else None
    # Seconds of typesetting: never in the editor's request (inline=False).
    job_enqueue("printing.jobs.pdf_prerender", instance.pk, at=at, inline=False)


def _article_deleted(sender, instance: Article, **kwargs):
    job_enqueue("printing.jobs.pdf_drop", instance.pk)


def connect_signals() -> None:
    from django.db.models.signals import post_delete, post_save

    post_save.connect(_article_saved, sender=Article, dispatch_uid="printing.pdf")
    post_delete.connect(
        _article_deleted, sender=Article, dispatch_uid="printing.pdf-delete"
    )
