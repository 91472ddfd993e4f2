"""Mails of the comment flow: safe subjects, and a failed mail is retried,
never marked sent (issue #21, 6)."""

import pytest
from django.core import mail
from django.core.management import call_command

from articles.models import Article
from comments.models import ArticleComment
from tests.comments.conftest import form_data, link_path, make_comment
from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

TITLE = "Newline\r\nBcc: evil@example.org"
UNREACHABLE_SMTP = {
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "EMAIL_HOST": "127.0.0.1",
    "EMAIL_PORT": 1,  # nothing listens there: the connection is refused
    "EMAIL_TIMEOUT": 2,
}


@pytest.fixture
def moderator(db):
    return StaffFactory(username="mod", email="mod@example.org", groups=["Moderator"])


def title_with_line_break(article):
    """As stored before control characters were cleaned on save."""
    Article.objects.filter(pk=article.pk).update(title=TITLE)


def test_confirming_a_comment_on_a_title_with_a_line_break_mails_one_subject_line(
    client, open_article, moderator, django_capture_on_commit_callbacks
):
    title_with_line_break(open_article)
    client.post("/kommentare/senden/", form_data(open_article))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(link_path(mail.outbox[0], "/kommentare/bestaetigen/"))
    assert response.status_code == 200
    notice = mail.outbox[-1]
    assert notice.to == ["mod@example.org"]
    assert "\n" not in notice.subject and "\r" not in notice.subject
    assert notice.bcc == [] and notice.message()["Bcc"] is None
    assert ArticleComment.objects.get().moderators_notified


def test_logged_in_comment_on_such_a_title_is_stored_and_announced(
    client, open_article, moderator, django_capture_on_commit_callbacks
):
    title_with_line_break(open_article)
    client.force_login(UserFactory(username="leserin", first_name="Lea"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/kommentare/senden/", form_data(open_article))
    assert response.status_code == 302
    assert ArticleComment.objects.get().moderators_notified
    assert len(mail.outbox) == 1


def test_a_failed_moderator_mail_is_not_marked_sent_and_is_retried(
    client, open_article, moderator, settings, django_capture_on_commit_callbacks
):
    client.force_login(UserFactory(username="leserin"))
    for name, value in UNREACHABLE_SMTP.items():
        setattr(settings, name, value)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/kommentare/senden/", form_data(open_article))
    # The comment is saved whatever the mail server does.
    assert response.status_code == 302
    comment = ArticleComment.objects.get()
    assert comment.status == "held" and not comment.moderators_notified

    # The mail server is back: the cron command sends what is still owed.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("comments_notify_moderators", verbosity=0)
    comment.refresh_from_db()
    assert comment.moderators_notified
    assert [m.to for m in mail.outbox] == [["mod@example.org"]]
    call_command("comments_notify_moderators", verbosity=0)
    assert len(mail.outbox) == 1  # once per comment


def test_the_next_held_comment_also_retries_the_earlier_ones(
    client, open_article, moderator, settings, django_capture_on_commit_callbacks
):
    client.force_login(UserFactory(username="leserin"))
    for name, value in UNREACHABLE_SMTP.items():
        setattr(settings, name, value)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/kommentare/senden/", form_data(open_article, comment="Erster"))
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/kommentare/senden/", form_data(open_article, comment="Zweiter"))
    assert len(mail.outbox) == 2
    assert ArticleComment.objects.filter(moderators_notified=False).count() == 0


def test_a_confirmation_mail_that_cannot_be_sent_is_a_clear_answer(
    client, open_article, settings
):
    for name, value in UNREACHABLE_SMTP.items():
        setattr(settings, name, value)
    response = client.post("/kommentare/senden/", form_data(open_article))
    assert response.status_code == 503
    assert "Bestätigungsmail" in response.content.decode()


def test_approving_with_the_mail_server_down_publishes_every_comment(
    client, open_article, moderator, settings
):
    """The follow-up mails to earlier commenters are a courtesy: a mail server
    that refuses them must not turn the moderator's approval into a 500 nor stop
    a bulk approval half-way."""
    follower = make_comment(open_article, email="folge@example.org", followup=True)
    held = [
        make_comment(open_article, parent=follower, public=False, email=f"{n}@x.org")
        for n in ("eins", "zwei")
    ]
    for name, value in UNREACHABLE_SMTP.items():
        setattr(settings, name, value)
    client.force_login(moderator)
    response = client.post(
        "/admin/comments/articlecomment/",
        {
            "action": "approve",
            "_selected_action": [comment.pk for comment in held],
        },
    )
    assert response.status_code == 302
    assert ArticleComment.objects.approved().count() == 3
