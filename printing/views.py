"""Print view and PDF download of an article (the „Drucken · PDF“ links)."""

import logging

from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import quote_etag
from django.views.decorators.http import require_safe
from django.views.generic import DetailView

from articles.models import Article
from printing import pdf

logger = logging.getLogger(__name__)


def _article_queryset(request):
    # Like the article page: the public sees published articles, staff may
    # preview what they may edit; everything else is a 404. Paper shows no
    # counts or ratings: the feature apps' joins are left out.
    return Article.objects.visible_to(request.user).with_related(features=False)


class ArticlePrintView(DetailView):
    """The article alone on paper: no navigation, widgets or comment form.

    The „Drucken“ link adds ``?print=1``; static/js/print.js opens the browser's
    print dialog only then, so a print view reached directly (a bookmark, a
    search engine) does not pop up a dialog.
    """

    template_name = pdf.PRINT_TEMPLATE
    context_object_name = "article"

    def get_queryset(self):
        return _article_queryset(self.request)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(pdf.print_context(self.object, self.request, pdf=False))
        return context


@require_safe
def article_pdf(request, slug: str) -> HttpResponse:
    """Download the article as A4 PDF, rendered once per version of the article.

    Readers (not staff, who may see previews) get a published article's cached
    PDF without the article being read, while nothing changed on the site."""
    user = request.user
    document = None if user.is_staff else pdf.cached_published_pdf(request, slug)
    if document is not None:
        return pdf_response(request, document, slug=slug, published=True)
    article = get_object_or_404(_article_queryset(request), slug=slug)
    try:
        document = pdf.article_pdf(article, request)
    except pdf.PdfUnavailable as error:
        logger.error("PDF export unavailable: %s", error)
        return render(
            request,
            "printing/pdf_unavailable.html",
            {"article": article, "system_packages": pdf.SYSTEM_PACKAGES},
            status=503,
        )
    except pdf.PdfPending:
        return _not_yet(request, article, pending=True)
    except pdf.PdfFailed as error:
        logger.error("PDF of %s cannot be typeset: %s", article.slug, error)
        return _not_yet(request, article, pending=False)
    return pdf_response(
        request, document, slug=article.slug, published=article.is_published
    )


def _not_yet(request, article: Article, *, pending: bool) -> HttpResponse:
    """503: „PDF wird erstellt“ (come back shortly), or this version cannot be
    typeset (the print view can still print it)."""
    response = render(
        request,
        "printing/pdf_pending.html",
        {"article": article, "pending": pending},
        status=503,
    )
    response["Retry-After"] = str(pdf.PDF_RETRY_AFTER_SECONDS)
    patch_cache_control(response, no_store=True)
    return response


def pdf_response(
    request, document: pdf.ArticlePdf, *, slug: str, published: bool
) -> HttpResponse:
    # The ETag is the cache key, which covers the bylines and tags too; a
    # Last-Modified from ``updated_at`` would miss a changed author bio.
    etag = quote_etag(document.etag)
    not_modified = get_conditional_response(request, etag=etag)
    if not_modified is not None:
        if document.file is not None:
            document.file.close()
        return not_modified
    filename = f"{slug}.pdf"
    if document.file is not None:
        response = FileResponse(
            document.file,
            as_attachment=True,
            filename=filename,
            content_type="application/pdf",
        )
    else:
        response = HttpResponse(document.content, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["ETag"] = etag
    response["X-PDF-Cache"] = "miss" if document.rendered else "hit"
    if published:
        patch_cache_control(response, public=True, max_age=300)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response
