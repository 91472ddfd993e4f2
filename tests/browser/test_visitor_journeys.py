"""Journey 3 (visitor) and 4 (moderator) of the browser-tests issue, start to end
on the demo magazine, in Chromium.

The view counter does not count bots, and Chromium's headless user agent
("HeadlessChrome") is one, so the visitor's page sends the user agent of an
ordinary desktop Chrome.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.utils import translation

from articles.models import Article
from comments.models import ArticleComment
from counters.queries import view_total
from ratings.models import RatingSummary
from tests.browser.support import admin_login, expect

DESKTOP_CHROME = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)
# Replaces window.print before any page script runs, and counts the calls.
RECORD_PRINT = """
window.__printCalls = 0;
window.print = function () { window.__printCalls += 1; };
"""


@pytest.fixture
def visitor(page, settings):
    """The desktop page of a reader with an ordinary browser's user agent."""
    settings.COMMENTS_MIN_SUBMIT_SECONDS = 0  # a script types faster than people
    page.set_extra_http_headers({"User-Agent": DESKTOP_CHROME})
    page.add_init_script(RECORD_PRINT)
    return page


def german(number: int) -> str:
    """``2574`` as German text shows it: ``2.574`` (escaped for a regex)."""
    return re.escape(f"{number:,}".replace(",", "."))


def write_comment(page, *, name: str, email: str, text: str) -> None:
    """Fill in and send the article's comment form as an anonymous visitor."""
    form = page.locator("form.comment-form")
    form.locator("#id_name").fill(name)
    form.locator("#id_email").fill(email)
    form.locator("#id_comment").fill(text)
    form.locator("#id_consent").check()
    form.get_by_role("button", name="Kommentar senden").click()


def tab_to(page, selector: str, limit: int = 120) -> None:
    """Press Tab until an element matching ``selector`` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"{selector} not reached with {limit} Tab presses")


def test_visitor_reads_rates_prints_downloads_and_comments(
    visitor, demo_site, settings
):
    page = visitor
    # The first PDF is typeset on the click. On a loaded machine that took more
    # than the reader's default wait (10 s), and the answer was the (correct)
    # 503 „PDF wird erstellt“ instead of the download this journey checks: let
    # the request wait as long as a render may take.
    settings.PDF_WAIT_SECONDS = settings.PDF_RENDER_SECONDS
    page.goto("/")
    lead = page.locator("main article h2 a, main article h3 a").first
    title = lead.inner_text()
    article = Article.objects.get(title=title)
    before = view_total(article)  # stored views before the visitor arrives
    lead.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    assert page.url.endswith(article.get_absolute_url())

    # Date, view count, rating, image credit and the author's bio box.
    meta = page.locator(".article__meta")
    expect(meta.locator("time")).to_have_text(re.compile(r"\d{1,2}\. \w+ \d{4}"))
    # The HTML says the count before this request; the page's live request
    # then puts in the current one, this visit included. Checked once filled
    # (checking earlier raced the live request).
    expect(page.locator("html")).to_have_attribute("data-live", "filled")
    expect(meta.locator(".view-count")).to_have_text(
        re.compile(rf"{german(before + 1)} Artikelaufrufe?$")
    )
    label = page.locator("[data-rating-label]")
    expect(label).to_have_text(re.compile(r"^Bewertung: "))
    credit = page.locator(".article__figure .credit")
    expect(credit).to_have_text(f"Bild: {article.picture.credit_line}")
    assert article.picture.credit_line.startswith("© ")
    first_author = article.byline_authors[0]
    expect(page.locator(".bio-box").first).to_contain_text(first_author.display_name)

    # Counted once: the first visit stored one view, the reload none.
    assert view_total(article) == before + 1
    page.reload()
    expect(page.locator("html")).to_have_attribute("data-live", "filled")
    expect(page.locator(".view-count")).to_have_text(
        re.compile(rf"{german(before + 1)} Artikelaufrufe?$")
    )
    assert view_total(article) == before + 1

    # Rated with the keyboard only: Tab to the stars, arrows, Enter.
    summary = RatingSummary.objects.filter(article=article).first()
    count, total = (summary.count, summary.total) if summary else (0, 0)
    shown_before = label.inner_text()
    tab_to(page, "input.rating__input")  # the group's first star: 1
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")  # 3 stars, chosen but not sent
    page.keyboard.press("Enter")
    expect(page.locator("[data-rating-message]")).to_contain_text("Danke!")
    summary = RatingSummary.objects.get(article=article)
    assert (summary.count, summary.total) == (count + 1, total + 3)
    with translation.override("de"):
        expected = summary.label()
    expect(label).to_have_text(expected)
    assert expected != shown_before

    # The print view, whose link opens the print dialog (recorded, not shown).
    page.get_by_role("link", name="Drucken").click()
    page.wait_for_function("() => window.__printCalls > 0")
    assert page.url.endswith(f"/artikel/{article.slug}/drucken/")
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    page.go_back()

    # The PDF, as a download named after the article.
    with page.expect_download(
        timeout=settings.PDF_RENDER_SECONDS * 1000
    ) as download_info:
        page.locator(".article-actions").get_by_role("link", name="PDF").click(
            timeout=settings.PDF_RENDER_SECONDS * 1000
        )
    download = download_info.value
    assert download.suggested_filename == f"{article.slug}.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    # A comment as an anonymous visitor: it waits for the e-mail confirmation.
    mail.outbox.clear()
    write_comment(
        page, name="Greta Leserin", email="greta@example.org", text="Sehr hilfreich!"
    )
    expect(page.get_by_role("status")).to_contain_text(
        "Bitte bestätigen Sie Ihren Kommentar"
    )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["greta@example.org"]
    assert not ArticleComment.objects.filter(comment="Sehr hilfreich!").exists()


def test_moderator_approves_the_confirmed_comment_and_the_visitor_sees_it(
    visitor, new_page, demo_site
):
    article = Article.objects.get(slug="vertrieb-3-0")
    text = "Gilt das auch für kleine Vertriebsteams?"
    visitor.goto(article.get_absolute_url())
    mail.outbox.clear()
    write_comment(visitor, name="Paul Leser", email="paul@example.org", text=text)
    expect(visitor.get_by_role("status")).to_contain_text("Bitte bestätigen")

    # The visitor follows the link in the confirmation mail.
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    visitor.goto(urlsplit(link).path)
    expect(visitor.get_by_role("status")).to_contain_text(
        "Ihr Kommentar wartet auf Freigabe"
    )
    comment = ArticleComment.objects.get(comment=text)
    assert comment.status == "held"

    moderator = new_page()
    admin_login(moderator, "moderator", "redaktion-moderator")
    moderator.locator("tr.model-articlecomment th a").click()
    selected = moderator.locator("#changelist-filter li.selected")
    expect(selected.first).to_have_text("Wartet auf Freigabe")
    first_row = moderator.locator("#result_list tbody tr").first
    expect(first_row).to_contain_text(text)
    first_row.locator("input[name=_selected_action]").check()
    moderator.locator("select[name=action]").select_option("approve")
    moderator.get_by_role("button", name="Ausführen").click()
    expect(moderator.locator(".messagelist .success")).to_contain_text(
        "1 Kommentar freigegeben"
    )
    expect(moderator.locator("#result_list")).not_to_contain_text(text)
    comment.refresh_from_db()
    assert comment.status == "approved"

    visitor.goto(article.get_absolute_url())
    expect(visitor.locator(f"#c{comment.pk}")).to_contain_text(text)
    expect(visitor.locator(f"#c{comment.pk}")).to_contain_text("Paul Leser")
