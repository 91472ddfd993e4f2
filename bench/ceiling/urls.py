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


urlpatterns = [path("", article)]
