"""The review workflow: steps with notes, the thread, mails, forged steps."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from articles import workflow
from articles.models import Article, ReviewNote
from tests.articles.test_workflow import change_data, change_url
from tests.factories import ArticleFactory, AuthorFactory, StaffFactory

pytestmark = pytest.mark.django_db


def review_url(article) -> str:
    return f"/admin/articles/article/{article.pk}/review/"


@pytest.fixture
def draft(journalist):
    profile = AuthorFactory(user=journalist)
    return ArticleFactory(
        status=Article.Status.DRAFT,
        publish_at=None,
        created_by=journalist,
        authors=[profile],
        title="Ein Entwurf",
    )


@pytest.fixture
def people(journalist, editor):
    journalist.email = "journalist@example.org"
    journalist.save()
    editor.email = "editor@example.org"
    editor.save()
    StaffFactory(username="away", groups=["Editor"], is_active=False)


def test_the_whole_round_with_notes_and_mails(
    client, journalist, editor, draft, people, django_capture_on_commit_callbacks
):
    def step(user, name, note="", **extra):
        client.force_login(user)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                review_url(draft), {"step": name, "note": note, **extra}
            )
        assert response.status_code == 302, response.content[:2000]
        draft.refresh_from_db()

    step(journalist, "submit", "Bitte lesen")
    assert draft.status == Article.Status.REVIEW
    assert [m.to for m in mail.outbox] == [["editor@example.org"]]
    assert f"/admin/articles/article/{draft.pk}/change/" in mail.outbox[0].body

    step(editor, "request_changes", "Quelle fehlt im dritten Absatz")
    assert draft.status == Article.Status.CHANGES
    assert mail.outbox[-1].to == ["journalist@example.org"]
    assert "Quelle fehlt" in mail.outbox[-1].body

    # The journalist sees the note on the change page and answers.
    client.force_login(journalist)
    assert "Quelle fehlt im dritten Absatz" in client.get(change_url(draft)).text
    step(journalist, "submit", "Quelle ergänzt")
    assert draft.status == Article.Status.REVIEW

    step(editor, "publish")
    assert draft.is_published
    assert mail.outbox[-1].to == ["journalist@example.org"]

    thread = client.get(review_url(draft)).text
    for text in ("Bitte lesen", "Quelle fehlt", "Quelle ergänzt"):
        assert text in thread
    assert [n.transition for n in ReviewNote.objects.order_by("created_at")] == [
        "submit",
        "request_changes",
        "submit",
        "publish",
    ]


def test_publishing_can_be_scheduled(client, editor, draft):
    draft.status = Article.Status.REVIEW
    draft.save()
    client.force_login(editor)
    later = timezone.localtime() + timedelta(days=2)
    response = client.post(
        review_url(draft),
        {
            "step": "publish",
            "publish_at_0": later.strftime("%d.%m.%Y"),
            "publish_at_1": "09:00:00",
        },
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.is_scheduled
    assert Article.objects.published().filter(pk=draft.pk).count() == 0


@pytest.mark.parametrize(
    ("status", "step"),
    [
        (Article.Status.DRAFT, "publish"),  # skips the review
        (Article.Status.REVIEW, "publish"),  # not a journalist's step
        (Article.Status.REVIEW, "request_changes"),
        (Article.Status.PUBLISHED, "unpublish"),
        (Article.Status.DRAFT, "nonsense"),
    ],
)
def test_forged_steps_of_a_journalist_are_refused(
    client, journalist, draft, status, step
):
    Article.objects.filter(pk=draft.pk).update(status=status)
    client.force_login(journalist)
    response = client.post(review_url(draft), {"step": step, "note": "x"})
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.status == status
    assert not ReviewNote.objects.exists()


def test_an_editor_cannot_skip_the_review_either(client, editor, draft):
    client.force_login(editor)
    response = client.post(review_url(draft), {"step": "publish"})
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT


def test_unpublishing_needs_a_reason(client, editor, journalist, draft):
    Article.objects.filter(pk=draft.pk).update(
        status=Article.Status.PUBLISHED, publish_at=timezone.now()
    )
    draft.refresh_from_db()
    client.force_login(editor)
    response = client.post(review_url(draft), {"step": "unpublish", "note": " "})
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED
    # Not through the status field without a note either.
    response = client.post(change_url(draft), change_data(draft, status="draft"))
    assert response.status_code == 200
    assert "revision_note" in response.context["adminform"].form.errors
    response = client.post(
        review_url(draft), {"step": "unpublish", "note": "Rechtlich geprüft: raus"}
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT


def test_a_journalist_cannot_request_changes_through_the_status_field(
    client, journalist, draft
):
    client.force_login(journalist)
    response = client.post(change_url(draft), change_data(draft, status="changes"))
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT


def test_a_sent_back_article_can_be_saved_by_its_journalist(client, journalist, draft):
    Article.objects.filter(pk=draft.pk).update(status=Article.Status.CHANGES)
    draft.refresh_from_db()
    client.force_login(journalist)
    response = client.post(change_url(draft), change_data(draft, title="Besser"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.title, draft.status) == ("Besser", Article.Status.CHANGES)


def test_submitting_through_the_status_field_mails_the_editors(
    client, journalist, draft, people, django_capture_on_commit_callbacks
):
    client.force_login(journalist)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            change_url(draft),
            change_data(draft, status="review", revision_note="Fertig"),
        )
    assert [m.to for m in mail.outbox] == [["editor@example.org"]]
    assert ReviewNote.objects.get().transition == "submit"


def test_review_mail_recipients_can_be_configured(
    settings, draft, journalist, django_capture_on_commit_callbacks
):
    settings.REVIEW_MAIL_TO = ["ressort@example.org"]
    with django_capture_on_commit_callbacks(execute=True):
        workflow.article_transition(article=draft, step="submit", user=journalist)
    assert mail.outbox[0].to == ["ressort@example.org"]


def test_a_broken_mail_server_does_not_undo_the_step(
    settings, draft, journalist, people, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.articles.test_review.BrokenBackend"
    with django_capture_on_commit_callbacks(execute=True):
        workflow.article_transition(article=draft, step="submit", user=journalist)
    draft.refresh_from_db()
    assert draft.status == Article.Status.REVIEW


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")
