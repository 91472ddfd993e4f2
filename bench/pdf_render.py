"""Benchmark: PDF export of the 1,500-word demo article „Vertrieb 3.0“.

Needs the demo database (``make run`` or ``manage.py migrate && manage.py
seed_demo`` with DJANGO_DEBUG=1). Run from the project root::

    DJANGO_DEBUG=1 .venv/bin/python bench/pdf_render.py [slug]

Prints the time to import WeasyPrint, the first (cold) rendering, a second
rendering in the same process, and serving the cached file through the view.
Uses a temporary PDF cache directory, so the site's cache is left alone.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.test import Client  # noqa: E402
from django.utils.html import strip_tags  # noqa: E402

from articles.models import Article  # noqa: E402
from printing import pdf  # noqa: E402


def main(slug: str = "vertrieb-3-0") -> None:
    article = Article.objects.published().with_related().get(slug=slug)
    pdf.pdf_files_drop(article.pk)  # the first request renders afresh
    words = len(strip_tags(article.body).split()) + len(article.lead.split())
    print(f"{slug}: {words} words, featured image: {bool(article.image)}")

    started = time.perf_counter()
    pdf.load_weasyprint()
    print(f"import WeasyPrint      {time.perf_counter() - started:6.2f} s")

    client = Client(HTTP_HOST="127.0.0.1")
    url = f"/artikel/{slug}/pdf/"
    for label in ("first rendering", "served from cache"):
        started = time.perf_counter()
        response = client.get(url)
        content = (
            b"".join(response.streaming_content)
            if response.streaming
            else response.content
        )
        elapsed = time.perf_counter() - started
        print(
            f"{label:<22} {elapsed:6.2f} s  ({response['X-PDF-Cache']}, "
            f"{len(content) // 1024} KB)"
        )

    started = time.perf_counter()
    html = pdf.pdf_html(article, response.wsgi_request)
    pdf.typeset(html, identifier=article.slug)
    print(f"second rendering       {time.perf_counter() - started:6.2f} s")


if __name__ == "__main__":
    main(*sys.argv[1:])
