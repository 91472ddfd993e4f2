"""A visitor comments, a moderator approves, the visitor sees it: in Chromium."""

import shutil
from importlib import import_module

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connections
from django.utils import timezone

from comments.models import ArticleComment
from tests.comments.conftest import make_comment
from tests.factories import ArticleFactory, StaffFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = shutil.which("chromium")


def moderator_group() -> Group:
    """The Moderator group as comments' migration made it: an earlier
    transactional test may have flushed the groups the migrations created."""
    grants = import_module("comments.migrations.0002_moderator_permissions")
    group, _created = Group.objects.get_or_create(name="Moderator")
    for dotted in grants.GROUP_PERMISSIONS["Moderator"]:
        app_label, codename = dotted.split(".")
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return group


@pytest.fixture
def page(monkeypatch):
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright is not installed"
    )
    if not CHROMIUM:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    # Playwright's sync API runs an event loop; Django must allow ORM calls
    # from the test body meanwhile.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        try:
            yield browser.new_page()
        finally:
            browser.close()
            # ORM calls made while Playwright's loop runs get their own
            # connection (another context); close it, or the test database
            # cannot be dropped.
            connections.close_all()


def test_comment_is_held_then_approved_and_shown_threaded(page, live_server, settings):
    settings.COMMENTS_MIN_SUBMIT_SECONDS = 0  # a script types faster than people
    article = ArticleFactory(
        slug="im-browser", publish_at=timezone.now() - timezone.timedelta(days=1)
    )
    root = make_comment(article, name="Erste Leserin", comment="Frage?")
    user = StaffFactory(username="leser", email="leser@example.org")
    user.set_password("browser-test-pw")
    user.save()
    moderator = StaffFactory(username="mod", groups=[moderator_group().name])
    moderator.set_password("browser-test-pw")
    moderator.save()

    # The visitor (logged in, so no confirmation mail) answers the first comment.
    page.goto(f"{live_server.url}/admin/login/?next=/artikel/im-browser/")
    page.fill("#id_username", "leser")
    page.fill("#id_password", "browser-test-pw")
    page.click("input[type=submit]")
    page.click(f"#c{root.pk} .comment__reply a")
    page.fill("#id_comment", "Meine Antwort aus dem Browser.")
    page.check("#id_consent")
    page.click(".comment-form button[type=submit]")
    assert "Ihr Kommentar wartet auf Freigabe" in page.content()
    reply = ArticleComment.objects.get(comment="Meine Antwort aus dem Browser.")
    assert reply.status == "held"

    # The moderator approves it with the bulk action.
    context = page.context.browser.new_context()
    mod_page = context.new_page()
    mod_page.goto(
        f"{live_server.url}/admin/login/?next=/admin/comments/articlecomment/"
    )
    mod_page.fill("#id_username", "mod")
    mod_page.fill("#id_password", "browser-test-pw")
    mod_page.click("input[type=submit]")
    mod_page.check(f"input[name=_selected_action][value='{reply.pk}']")
    mod_page.select_option("select[name=action]", "approve")
    with mod_page.expect_navigation():
        mod_page.locator("#changelist-form").evaluate("form => form.submit()")
    assert "1 Kommentar freigegeben." in mod_page.content()
    context.close()

    # The visitor reloads the article: the reply is there, below its parent.
    page.goto(f"{live_server.url}/artikel/im-browser/")
    nested = page.locator(f"#c{root.pk} .comment-list--replies #c{reply.pk}")
    assert "Meine Antwort aus dem Browser." in nested.inner_text()
