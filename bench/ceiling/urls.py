import json

from django.http import HttpRequest, HttpResponse
from django.urls import path

PARAGRAPH = (
    "Der Vertrieb im Mittelstand verändert sich schneller als je zuvor: Kunden "
    "informieren sich selbst, vergleichen Angebote auf Plattformen und erwarten "
    "vom Außendienst Beratung statt Prospekte. Wer seine Preise, seine Daten und "
    "sein Team darauf einstellt, gewinnt Marktanteile; wer wartet, verliert sie. "
)


def _article_page(size: int = 30_000) -> bytes:
    """A page of about ``size`` bytes shaped like an article page."""
    head = (
        '<!doctype html><html lang="de"><head><meta charset="utf-8">'
        "<title>Ein Artikel – Redaktion</title>"
        '<link rel="stylesheet" href="/static/css/site.css"></head><body>'
        '<a class="skip-link" href="#main">Zum Inhalt</a><header><nav>'
        + "".join(f'<a href="/rubrik/{n}/">Rubrik {n}</a>' for n in range(8))
        + '</nav></header><main id="main"><article><h1>Ein Artikel</h1>'
    )
    tail = "</article></main><footer>Redaktion</footer></body></html>"
    blocks, length = [], len(head) + len(tail)
    while length < size:
        block = f"<p>{PARAGRAPH * 3}</p>"
        blocks.append(block)
        length += len(block.encode())
    return (head + "".join(blocks) + tail).encode()


BODY = _article_page()


def article(request: HttpRequest) -> HttpResponse:
    return HttpResponse(BODY, content_type="text/html; charset=utf-8")


# About the size of the site's live answer (articles.views.live).
LIVE_BODY = json.dumps(
    {
        "article": 1000,
        "csrf_token": "x" * 64,
        "rating": {"count": 2, "average": 3.0, "label": "Bewertung: 3,0 – 2 Stimmen"},
        "views": 2574,
        "views_label": "2.574 Artikelaufrufe",
        "comments_open": True,
        "comment_form": {"timestamp": "1796287767", "security_hash": "y" * 40},
    },
    ensure_ascii=False,
).encode()


def live(request: HttpRequest) -> HttpResponse:
    """The ceiling of the live request: a small JSON answer to a POST, which
    the HTTP cache passes to the backend (bench/run.py measures it through
    Varnish, as the site's live request)."""
    return HttpResponse(LIVE_BODY, content_type="application/json")


def healthz(request: HttpRequest) -> HttpResponse:
    """For Varnish's probe (ops/varnish/redaktion.vcl)."""
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("", article), path("live/", live), path("healthz", healthz)]
