"""The whole flow with real mail in Django's outbox, as a visitor and a moderator."""

import pytest
from django.core import mail

from comments.models import ArticleComment
from tests.comments.conftest import form_data, link_path, make_comment
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

ACTION_URL = "/admin/comments/articlecomment/"


def post(client, article, **overrides):
    return client.post("/kommentare/senden/", form_data(article, **overrides))


def approve_in_admin(client, moderator, comment):
    client.force_login(moderator)
    response = client.post(
        ACTION_URL,
        {"action": "approve", "_selected_action": [comment.pk], "status": "held"},
    )
    client.logout()
    assert response.status_code == 302
    return response


def test_post_confirm_moderate_reply_unsubscribe(
    client, open_article, django_capture_on_commit_callbacks
):
    moderator = StaffFactory(
        username="mod", email="mod@example.org", groups=["Moderator"]
    )

    # 1. A visitor posts: nothing stored yet, a confirmation mail goes out.
    response = post(client, open_article, followup="on")
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert "Bitte bestätigen Sie Ihren Kommentar" in page.content.decode()
    assert ArticleComment.objects.count() == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["erika@example.org"]

    # 2. The link confirms: the comment is held, the moderators get one mail.
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.get(link_path(mail.outbox[0], "/kommentare/bestaetigen/"))
    assert confirmed.status_code == 200
    assert "wartet auf Freigabe" in confirmed.content.decode()
    comment = ArticleComment.objects.get()
    assert comment.status == "held" and comment.followup
    assert comment.ip_address == "127.0.0.0"  # truncated, never the raw address
    assert len(mail.outbox) == 2
    assert mail.outbox[1].to == ["mod@example.org"]
    assert ACTION_URL + "?status=held" in mail.outbox[1].body
    # A second click changes nothing and mails nobody.
    with django_capture_on_commit_callbacks(execute=True):
        client.get(link_path(mail.outbox[0], "/kommentare/bestaetigen/"))
    assert ArticleComment.objects.count() == 1 and len(mail.outbox) == 2
    assert "Ein kluger Gedanke" not in client.get("/artikel/offen/").content.decode()

    # 3. The moderator approves in the admin: the comment is visible.
    approve_in_admin(client, moderator, comment)
    comment.refresh_from_db()
    assert comment.status == "approved"
    html = client.get("/artikel/offen/").content.decode()
    assert "<p>Ein kluger Gedanke.</p>" in html and "1 Kommentar" in html

    # 4. A reply, confirmed and approved, notifies the first commenter.
    response = post(
        client,
        open_article,
        reply_to=comment.pk,
        name="Max",
        email="max@example.org",
        comment="Ich antworte.",
    )
    assert response.status_code == 302
    client.get(link_path(mail.outbox[2], "/kommentare/bestaetigen/"))
    reply = ArticleComment.objects.get(user_email="max@example.org")
    assert reply.level == 1 and reply.parent_id == comment.pk
    outbox_before = len(mail.outbox)
    approve_in_admin(client, moderator, reply)
    notifications = [
        m for m in mail.outbox[outbox_before:] if m.to == ["erika@example.org"]
    ]
    assert len(notifications) == 1
    assert "Ich antworte." in notifications[0].body
    html = client.get("/artikel/offen/").content.decode()
    assert f'class="comment comment--level-1" id="c{reply.pk}"' in html

    # 5. One click unsubscribes.
    muted = client.get(link_path(notifications[0], "/kommentare/abbestellen/"))
    assert muted.status_code == 200
    comment.refresh_from_db()
    assert comment.followup is False


def test_logged_in_user_skips_name_email_and_confirmation(client, open_article):
    user = StaffFactory(username="leserin", email="leserin@example.org")
    client.force_login(user)
    page = client.get("/artikel/offen/").content.decode()
    assert 'name="email"' not in page and "Sie kommentieren als leserin" in page
    data = form_data(open_article, name="", email="")
    response = client.post("/kommentare/senden/", data)
    assert response.status_code == 302
    assert "wartet auf Freigabe" in client.get(response["Location"]).content.decode()
    comment = ArticleComment.objects.get()
    assert comment.user == user and comment.user_email == "leserin@example.org"
    assert comment.status == "held"


def test_trusted_author_rule_is_off_by_default_and_works_when_on(
    client, open_article, settings
):
    make_comment(open_article, email="erika@example.org", public=True)
    user = StaffFactory(username="erika", email="erika@example.org")
    client.force_login(user)
    client.post("/kommentare/senden/", form_data(open_article, comment="Zweiter"))
    assert ArticleComment.objects.get(comment="Zweiter").status == "held"

    settings.COMMENTS_TRUST_APPROVED_AUTHORS = True
    client.post("/kommentare/senden/", form_data(open_article, comment="Dritter"))
    assert ArticleComment.objects.get(comment="Dritter").status == "approved"
    # ...but never with too many links.
    client.post(
        "/kommentare/senden/",
        form_data(
            open_article,
            comment="http://a.example http://b.example http://c.example",
        ),
    )
    held = ArticleComment.objects.get(comment__startswith="http://a")
    assert held.status == "held" and held.reasons == "links"


def test_broken_and_stale_links_are_400(client, open_article):
    assert client.get("/kommentare/bestaetigen/kaputt/").status_code == 400
    assert client.get("/kommentare/abbestellen/kaputt/").status_code == 400
    post(client, open_article)
    path = link_path(mail.outbox[0], "/kommentare/bestaetigen/")
    open_article.delete()
    response = client.get(path)
    assert response.status_code == 400
    assert "nicht mehr gültig" in response.content.decode()
    assert ArticleComment.objects.count() == 0


@pytest.mark.parametrize(
    ("stored", "linked"),
    [
        ("https://example.org/me", "https://example.org/me"),
        ("http://example.org", "http://example.org"),
        ("javascript:alert(1)", ""),
        (" JavaScript:alert(1)", ""),
        ("data:text/html,<script>alert(1)</script>", ""),
        ("", ""),
    ],
)
def test_only_http_websites_become_links(client, open_article, stored, linked):
    """Imported comments keep their address unchecked; the page links only
    http(s) addresses, so a ``javascript:`` one cannot run when clicked."""
    comment = make_comment(open_article, name="Importiert", user_url=stored)
    assert comment.website_link == linked
    html = client.get(open_article.get_absolute_url()).content.decode()
    if linked:
        assert f'<a href="{linked}" rel="nofollow ugc noopener">Importiert</a>' in html
    else:
        assert '<strong class="comment__author">Importiert</strong>' in html
