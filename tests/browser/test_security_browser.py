"""Issue 10 in a real browser: the Content Security Policy breaks nothing, a
reader is not tracked, and visitors' or journalists' text never runs as script.
"""

from urllib.parse import urlencode, urlsplit

import pytest
from django.core.exceptions import ValidationError

from tests.browser.support import admin_login, expect
from tests.comments.conftest import make_comment
from tests.factories import ArticleFactory, AuthorFactory, PictureFactory, image_file

# Stores every CSP violation of the document on window, before any page script.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(
        `${event.violatedDirective} blocked ${event.blockedURI}`
        + ` (${event.sourceFile}:${event.lineNumber})`
    );
});
"""

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "<svg onload=alert(1)>",
    "'-alert(1)-'",
    "</title><script>alert(1)</script>",
]
ALL_PAYLOADS = " ".join(PAYLOADS)
# What an URL field accepts that still tries to break out of an attribute.
URL_PAYLOAD = 'https://example.org/"><svg/onload=alert(1)>'


def violations(page) -> list[str]:
    return page.evaluate("() => window.__cspViolations")


def test_admin_editor_star_widget_and_comment_form_work_under_the_policy(
    new_page, demo_site
):
    page = new_page()  # the site's policy applies: no bypass_csp
    page.add_init_script(RECORD_VIOLATIONS)
    console = []
    page.on(
        "console", lambda message: console.append(f"{message.type}: {message.text}")
    )
    found = {}

    admin_login(page, "journalist", "redaktion-journalist")
    page.goto("/admin/articles/article/add/")
    expect(page.get_by_role("button", name="unordered list")).to_be_visible()
    body = page.locator(".ProseMirror[contenteditable=true]")
    body.click()
    page.keyboard.type("Getippt unter der Richtlinie")
    page.get_by_role("button", name="unordered list").click()
    expect(body.locator("ul li")).to_have_text("Getippt unter der Richtlinie")
    found["admin"] = violations(page)

    reader = new_page()
    reader.add_init_script(RECORD_VIOLATIONS)
    reader.on(
        "console", lambda message: console.append(f"{message.type}: {message.text}")
    )
    reader.goto("/artikel/vertrieb-3-0/")
    reader.locator("label[for=rating-score-4]").click()
    expect(reader.locator("[data-rating-message]")).to_contain_text("Danke!")
    expect(reader.locator("form.comment-form #id_comment")).to_be_editable()
    found["article"] = violations(reader)

    assert found == {"admin": [], "article": []}
    assert not [line for line in console if "Content Security Policy" in line]
    # The recorder works: an inline script is refused and reported.
    reader.evaluate(
        """() => {
            const script = document.createElement('script');
            script.textContent = 'window.__ran = true';
            document.body.append(script);
        }"""
    )
    reader.wait_for_function("() => window.__cspViolations.length === 1")
    assert reader.evaluate("() => window.__ran") is None


def test_a_reader_who_only_reads_gets_no_cookies_and_no_foreign_requests(
    page, live_server, demo_site
):
    requested = []
    page.on("request", lambda request: requested.append(request.url))

    for path in ("/", "/rubrik/vertrieb/", "/suche/?q=Vertrieb"):
        page.goto(path)
        page.wait_for_load_state("networkidle")
        assert page.context.cookies() == [], path

    # The article page has forms (rating, comment): their CSRF cookie, nothing else.
    page.goto("/artikel/vertrieb-3-0/")
    page.wait_for_load_state("networkidle")
    assert {cookie["name"] for cookie in page.context.cookies()} <= {"csrftoken"}

    own_host = urlsplit(live_server.url).netloc
    assert {urlsplit(url).netloc for url in requested} == {own_host}, requested


@pytest.fixture
def poisoned_article(db):
    """One article carrying every payload in every field a journalist, an author
    or a commenting visitor fills in (the ORM runs the body sanitiser on save)."""
    author = AuthorFactory(
        first_name="Mara",
        last_name="Testfeld",
        short_bio=ALL_PAYLOADS,
        bio=ALL_PAYLOADS,
        website=URL_PAYLOAD,
    )
    author.full_clean()  # an URL the model accepts
    # javascript: is no URL to the model, so that combination cannot be stored
    # through the admin; the check below proves it is refused.
    author.website = "javascript:alert(1)"
    with pytest.raises(ValidationError):
        author.full_clean()
    author.website = URL_PAYLOAD
    author.save()
    article = ArticleFactory(
        title=ALL_PAYLOADS,
        slug="payloads",
        lead=ALL_PAYLOADS,
        body="".join(f"<p>{payload}</p>" for payload in PAYLOADS) + ALL_PAYLOADS,
        picture=PictureFactory(
            file=image_file("payload.jpg", size=(320, 180)),
            alt_text=ALL_PAYLOADS[:250],
            caption=ALL_PAYLOADS[:300],
            photographer=ALL_PAYLOADS[:150],
            source=ALL_PAYLOADS[:150],
        ),
        image_caption=ALL_PAYLOADS[:300],
        authors=[author],
    )
    # Names are limited to 50 characters: one comment per payload, approved.
    for payload in PAYLOADS:
        make_comment(
            article, name=payload[:50], comment=ALL_PAYLOADS, user_url=URL_PAYLOAD
        )
    # The comment form refuses javascript: URLs, a WordPress import does not
    # check them: such a stored address must not become a script link.
    make_comment(
        article,
        name="Importierte Leserin",
        comment="Alt",
        user_url="javascript:alert(1)",
    )
    return article


def test_payloads_in_every_field_never_run(new_page, poisoned_article):
    # Without the policy, so the test sees the escaping itself and not only the
    # policy blocking what escaping let through.
    page = new_page(bypass_csp=True)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    article = poisoned_article
    author = article.authors.get()
    for path in (
        article.get_absolute_url(),
        f"/artikel/{article.slug}/drucken/",
        author.get_absolute_url(),
        "/",
        "/suche/?" + urlencode({"q": ALL_PAYLOADS}),  # the query is shown again
    ):
        page.goto(path)
        page.wait_for_load_state("load")
        assert dialogs == [], path
        assert page.locator("svg[onload], img[onerror]").count() == 0, path
        if path.startswith("/suche/"):
            expect(page.locator("#search-q")).to_have_value(ALL_PAYLOADS)
        if path == article.get_absolute_url():
            expect(page.get_by_role("heading", level=1)).to_have_text(ALL_PAYLOADS)
            assert page.title().startswith(ALL_PAYLOADS)
            expect(page.locator(".comment__author").first).to_have_text(PAYLOADS[0])
            # No commenter's name links to a script address.
            for link in page.locator(".comment__author a").all():
                href = link.get_attribute("href")
                assert not href.lower().startswith("javascript:"), href
            expect(page.locator(".comment__author").last).to_have_text(
                "Importierte Leserin"
            )
