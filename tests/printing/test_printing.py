"""Print view, PDF export (real WeasyPrint, read back with pypdf), mailto and
share links."""

import html
import io
import re
import sys
import threading
from urllib.parse import parse_qs, quote, unquote, urlsplit

import pytest
from pypdf import PdfReader

from articles.models import Article
from printing import pdf
from printing.templatetags.print_tags import mailto_url
from tests.factories import ArticleFactory, AuthorFactory, PictureFactory, image_file
from tests.printing import pdf_folder

pytestmark = pytest.mark.django_db

HOST = "localhost:8000"  # settings.SITE_DOMAIN of the tests


@pytest.fixture(autouse=True)
def _pdf_cache_dir(settings, tmp_path):
    """A fresh PDF cache per test."""
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def printed_article(db):
    author = AuthorFactory(
        honorific="Dr.",
        first_name="Anna",
        last_name="Bürger",
        short_bio="Schreibt über Außendienst und Datenschutz.",
        website="https://example.org/anna",
    )
    return ArticleFactory(
        title="Vertrieb & Vertrauen: Übersicht für Käufer",
        slug="vertrieb-und-vertrauen",
        lead="Wie Mittelständler Kunden binden – ohne Maß zu verlieren.",
        body=(
            "<h2>Der erste Schritt</h2><p>Ein Absatz über Größe und Maß.</p>"
            '<p>Mehr bei <a href="https://example.org/studie">der Studie</a>.</p>'
        ),
        picture=PictureFactory(
            file=image_file("vertrieb.jpg", size=(320, 180)),
            alt_text="Balkendiagramm",
            caption="Umsatz im Vergleich",
            photographer="Lene Haverkamp",
            source="Redaktion",
        ),
        authors=[author],
        tags=["Vertrieb", "Mittelstand"],
    )


def body_of(response) -> bytes:
    """The bytes of a FileResponse (cache hit) or an HttpResponse (just rendered)."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def pdf_of(response) -> PdfReader:
    return PdfReader(io.BytesIO(body_of(response)))


def pdf_text(reader: PdfReader) -> str:
    """The text of all pages, with line breaks and runs of spaces as one space."""
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def count_renderings(monkeypatch) -> list:
    """Record each call of the real ``render_pdf`` (which still runs)."""
    calls = []
    real = pdf.render_pdf

    def recording(article, request, **kwargs):
        calls.append(article.slug)
        return real(article, request, **kwargs)

    monkeypatch.setattr(pdf, "render_pdf", recording)
    return calls


# --- Print view ----------------------------------------------------------------


def test_print_view_shows_the_article_and_nothing_else(
    client, printed_article, django_assert_max_num_queries
):
    # Article with category, bylines and tags: the same three queries as always.
    with django_assert_max_num_queries(3):
        response = client.get(f"/artikel/{printed_article.slug}/drucken/")

    assert response.status_code == 200
    assert "printing/article_print.html" in [t.name for t in response.templates]
    page = response.content.decode()
    for expected in [
        "Redaktion",  # magazine name
        printed_article.category.name,
        "Vertrieb &amp; Vertrauen: Übersicht für Käufer",
        "Wie Mittelständler Kunden binden",
        "15. Juni 2012",
        "Dr. Anna Bürger",
        "Umsatz im Vergleich",
        "© Lene Haverkamp, Redaktion",
        "Ein Absatz über Größe und Maß.",
        "Mittelstand · Vertrieb",
        "Schreibt über Außendienst und Datenschutz.",
        f"http://{HOST}/artikel/vertrieb-und-vertrauen/",
        "Gedruckt am",
    ]:
        assert expected in page, expected
    assert 'alt="Balkendiagramm"' in page and "/media/CACHE/images/" in page
    # No navigation, sidebar, widgets or forms.
    assert "site-nav" not in page and "site-footer" not in page
    assert "<form" not in page and "article-actions" not in page
    # The print dialog is opened by print.js (only with ?print=1), no inline script.
    assert re.findall(r"<script[^>]*>", page) == [
        '<script src="/static/js/print.js" defer>'
    ]
    assert '<meta name="robots" content="noindex, follow">' in page


def test_print_view_of_unpublished_or_unknown_article_is_404(client):
    draft = ArticleFactory(status=Article.Status.DRAFT)
    assert client.get(f"/artikel/{draft.slug}/drucken/").status_code == 404
    assert client.get("/artikel/gibt-es-nicht/drucken/").status_code == 404


def test_print_view_in_english(client, printed_article):
    page = client.get(f"/en/artikel/{printed_article.slug}/drucken/").content.decode()
    assert "Printed on" in page
    assert f"http://{HOST}/en/artikel/vertrieb-und-vertrauen/" in page


# --- PDF ------------------------------------------------------------------------


def test_pdf_is_a_typeset_download_with_metadata(client, printed_article):
    response = client.get(f"/artikel/{printed_article.slug}/pdf/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="vertrieb-und-vertrauen.pdf"'
    )
    reader = pdf_of(response)
    text = pdf_text(reader)
    assert "Vertrieb & Vertrauen: Übersicht für Käufer" in text
    assert "Dr. Anna Bürger" in text
    assert "© Lene Haverkamp, Redaktion" in text
    pages = len(reader.pages)
    assert "Seite 1 von" in reader.pages[0].extract_text()
    assert f"Seite {pages} von {pages}" in reader.pages[-1].extract_text()
    assert "http://localhost:8000/artikel/vertrieb-und-vertrauen/" in text
    assert "(https://example.org/studie)" in text  # link target written out
    metadata = reader.metadata
    assert metadata.title == "Vertrieb & Vertrauen: Übersicht für Käufer"
    assert metadata.author == "Dr. Anna Bürger"
    assert metadata.subject == printed_article.lead
    assert metadata["/Keywords"] == "Mittelstand, Vertrieb"
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "de"
    assert "/StructTreeRoot" in catalog  # tagged for screen readers
    # A4, the featured image embedded, fonts embedded and freely licensed.
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width * 25.4 / 72), round(height * 25.4 / 72)) == (210, 297)
    assert len(reader.pages[0].images) >= 1
    fonts = {
        str(font["/BaseFont"])
        for font in reader.pages[0]["/Resources"]["/Font"].values()
    }
    assert fonts and all("DejaVu" in name for name in fonts), fonts


def test_pdf_in_english_numbers_pages_in_english(client, printed_article):
    text = pdf_text(pdf_of(client.get(f"/en/artikel/{printed_article.slug}/pdf/")))
    assert re.search(r"Page 1 of \d", text)
    assert "http://localhost:8000/en/artikel/vertrieb-und-vertrauen/" in text


def test_pdf_page_count_grows_for_a_long_article(client):
    paragraph = (
        "<p>" + "Der Außendienst fährt weniger und verkauft mehr. " * 12 + "</p>"
    )
    short = ArticleFactory(body=paragraph)
    long = ArticleFactory(body="<h2>Teil</h2>" + paragraph * 40)

    short_pages = len(pdf_of(client.get(f"/artikel/{short.slug}/pdf/")).pages)
    long_reader = pdf_of(client.get(f"/artikel/{long.slug}/pdf/"))

    assert short_pages == 1
    assert len(long_reader.pages) > short_pages + 1
    last = len(long_reader.pages)
    assert f"Seite {last} von {last}" in long_reader.pages[-1].extract_text()
    # The running header names the magazine on the following pages.
    assert "Redaktion" in long_reader.pages[1].extract_text()


def test_cached_pdf_is_served_without_rendering(
    client, printed_article, monkeypatch, django_assert_max_num_queries
):
    renderings = count_renderings(monkeypatch)
    url = f"/artikel/{printed_article.slug}/pdf/"

    first = client.get(url)
    first_bytes = body_of(first)
    # The cached PDF's place is known: only the content version is read.
    with django_assert_max_num_queries(1):
        second = client.get(url)
    second_bytes = body_of(second)

    assert renderings == ["vertrieb-und-vertrauen"]
    assert (first["X-PDF-Cache"], second["X-PDF-Cache"]) == ("miss", "hit")
    assert second.streaming  # a FileResponse straight from the cached file
    assert first_bytes == second_bytes
    assert first["ETag"] == second["ETag"]
    cached = list(pdf_folder().rglob("*.pdf"))
    assert len(cached) == 1
    # A browser that has this version gets 304 without a body.
    assert client.get(url, HTTP_IF_NONE_MATCH=second["ETag"]).status_code == 304


def test_changed_article_or_author_renders_afresh(client, printed_article, monkeypatch):
    renderings = count_renderings(monkeypatch)
    url = f"/artikel/{printed_article.slug}/pdf/"
    client.get(url)

    printed_article.title = "Vertrieb neu gedacht"
    printed_article.save()
    changed = client.get(url)
    assert changed["X-PDF-Cache"] == "miss"
    assert "Vertrieb neu gedacht" in pdf_text(pdf_of(changed))

    author = printed_article.authors.get()
    author.short_bio = "Leitet jetzt das Ressort Technik."
    author.save()
    rebio = client.get(url)
    assert rebio["X-PDF-Cache"] == "miss"
    assert "Leitet jetzt das Ressort Technik." in pdf_text(pdf_of(rebio))

    assert len(renderings) == 3
    # Only the newest version stays on disk.
    assert len(list(pdf_folder().rglob("*.pdf"))) == 1


def test_cached_pdf_of_an_unpublished_article_is_gone_at_once(client, printed_article):
    url = f"/artikel/{printed_article.slug}/pdf/"
    assert client.get(url).status_code == 200
    assert client.get(url)["X-PDF-Cache"] == "hit"
    printed_article.status = Article.Status.DRAFT
    printed_article.save()
    assert client.get(url).status_code == 404


def test_pdf_of_unpublished_or_unknown_article_is_404(client):
    draft = ArticleFactory(status=Article.Status.DRAFT)
    assert client.get(f"/artikel/{draft.slug}/pdf/").status_code == 404
    assert client.get("/artikel/gibt-es-nicht/pdf/").status_code == 404


def test_staff_preview_pdf_of_a_draft_is_not_cached(client, editor):
    draft = ArticleFactory(status=Article.Status.DRAFT, title="Noch geheim")
    client.force_login(editor)

    response = client.get(f"/artikel/{draft.slug}/pdf/")

    assert response.status_code == 200
    assert "Noch geheim" in pdf_text(pdf_of(response))
    assert "no-store" in response["Cache-Control"]
    assert not pdf_folder().exists()


def test_pdf_answers_503_when_weasyprint_cannot_be_loaded(
    client, printed_article, monkeypatch
):
    # A None entry in sys.modules makes ``import weasyprint`` raise ImportError,
    # as on a machine without the package (Pango missing raises OSError instead).
    monkeypatch.setitem(sys.modules, "weasyprint", None)

    response = client.get(f"/artikel/{printed_article.slug}/pdf/")

    assert response.status_code == 503
    page = response.content.decode()
    assert "apt-get install libpango-1.0-0 libpangoft2-1.0-0" in page
    assert f"/artikel/{printed_article.slug}/drucken/" in page
    # The rest of the site runs on.
    assert client.get(printed_article.get_absolute_url()).status_code == 200
    assert client.get(f"/artikel/{printed_article.slug}/drucken/").status_code == 200


def test_url_fetcher_serves_local_files_and_refuses_everything_else(settings, tmp_path):
    weasyprint = pdf.load_weasyprint()
    settings.MEDIA_ROOT = str(tmp_path)
    (tmp_path / "bild.png").write_bytes(b"\x89PNG fake")
    fetcher = pdf.local_url_fetcher(weasyprint)

    response = fetcher("http://testserver/media/bild.png")
    assert response.read() == b"\x89PNG fake"
    assert response.content_type == "image/png"
    assert b"Redaktion" in fetcher("http://testserver/static/css/print.css").read()
    for refused in [
        "https://fonts.googleapis.com/css?family=Roboto",
        "http://example.org/bild.png",
        "http://testserver/media/../../etc/passwd",
        "http://testserver/static/../../../../etc/passwd",
        "file:///etc/passwd",
        "ftp://example.org/bild.png",
    ]:
        with pytest.raises(ValueError):
            fetcher(refused)


def test_css_string_cannot_break_out_of_the_style_element():
    escaped = pdf.css_string('Titel "</style><script>" \\ Ende')
    assert "<" not in escaped and ">" not in escaped
    assert escaped.count('"') == 2 and escaped.startswith('"')


def test_page_counter_content_is_translated():
    from django.utils import translation

    with translation.override("de"):
        assert pdf.page_counter_content() == (
            '"Seite " counter(page) " von " counter(pages)'
        )
    with translation.override("en"):
        assert pdf.page_counter_content() == (
            '"Page " counter(page) " of " counter(pages)'
        )


# --- E-mail and share links -------------------------------------------------------


def links_of(page: str) -> dict[str, str]:
    return {
        html.unescape(text): html.unescape(href)
        for href, text in re.findall(
            r'<a class="(?:article-actions__link|share__link[^"]*)" href="([^"]+)"'
            r"[^>]*>([^<]+)<",
            page,
        )
    }


def test_article_page_links_print_pdf_and_email(client, printed_article):
    page = client.get(printed_article.get_absolute_url()).content.decode()
    links = links_of(page)

    assert links["Drucken"] == "/artikel/vertrieb-und-vertrauen/drucken/?print=1"
    assert links["PDF"] == "/artikel/vertrieb-und-vertrauen/pdf/"
    mailto = urlsplit(links["E-Mail"])
    assert mailto.scheme == "mailto" and mailto.path == ""
    fields = parse_qs(mailto.query)
    assert fields["subject"] == ["Vertrieb & Vertrauen: Übersicht für Käufer"]
    assert fields["body"] == [
        "Wie Mittelständler Kunden binden – ohne Maß zu verlieren.\r\n\r\n"
        "http://localhost:8000/artikel/vertrieb-und-vertrauen/"
    ]


def test_mailto_is_percent_encoded_utf8():
    url = mailto_url(subject="Ärger & Öl?", body="Maß = 1 + 1\nhttps://x.de/?a=1&b=2")
    assert url == (
        "mailto:?subject=%C3%84rger%20%26%20%C3%96l%3F"
        "&body=Ma%C3%9F%20%3D%201%20%2B%201%0Ahttps%3A%2F%2Fx.de%2F%3Fa%3D1%26b%3D2"
    )
    assert unquote(url.split("body=")[1]) == "Maß = 1 + 1\nhttps://x.de/?a=1&b=2"


def test_share_links_carry_the_encoded_article_url(client, printed_article):
    page = client.get(printed_article.get_absolute_url()).content.decode()
    links = links_of(page)
    encoded = quote("http://localhost:8000/artikel/vertrieb-und-vertrauen/", safe="")

    for network, prefix in [
        ("Facebook", "https://www.facebook.com/sharer/sharer.php?u="),
        ("X", "https://x.com/intent/tweet?url="),
        ("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url="),
        ("XING", "https://www.xing.com/spi/shares/new?url="),
    ]:
        assert links[network].startswith(prefix + encoded), network
    assert "text=Vertrieb%20%26%20Vertrauen" in links["X"]
    # The Web Share button is hidden until share.js finds navigator.share.
    assert '<button type="button" class="share__native" hidden' in page


def test_article_page_loads_nothing_from_other_hosts(client, printed_article):
    page = client.get(printed_article.get_absolute_url()).content.decode()
    # Resources the browser fetches by itself: scripts, styles, images, frames.
    sources = re.findall(
        r'<(?:script|img|iframe|source)[^>]+src(?:set)?="([^"]+)"', page
    ) + re.findall(r'<link[^>]+href="([^"]+)"', page)
    external = [s for s in sources if "//" in s and urlsplit(s).netloc != HOST]
    assert sources and external == []


@pytest.mark.django_db(transaction=True)
def test_simultaneous_first_requests_both_get_the_whole_pdf(settings, tmp_path):
    """Two workers rendering the same cold PDF at once: each answer is a complete
    PDF, and one file is left in the cache (written via temp file + os.replace)."""
    from django.db import connection
    from django.test import Client

    article = ArticleFactory(title="Gleichzeitig gedruckt")
    url = f"/artikel/{article.slug}/pdf/"
    results: list[bytes] = []
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def download():
        try:
            start.wait()
            results.append(body_of(Client().get(url)))
        except BaseException as error:  # reported in the main thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=download) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert len(results) == 2
    for content in results:
        assert "Gleichzeitig gedruckt" in pdf_text(PdfReader(io.BytesIO(content)))
    files = list(pdf_folder().rglob("*"))
    assert [f.suffix for f in files if f.is_file()] == [".pdf"]
