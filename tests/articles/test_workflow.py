"""Changes to live articles wait for an editor's approval."""

import threading
from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.db import close_old_connections
from django.utils import timezone

from articles import workflow
from articles.models import Article, ReviewNote
from articles.newsroom.versions import version_of
from articles.revisions import ArticleRevision, article_snapshot
from counters.models import ViewOffset
from tests.articles.test_admin import article_form
from tests.factories import ArticleFactory, AuthorFactory, StaffFactory

pytestmark = pytest.mark.django_db


def change_url(article) -> str:
    return f"/admin/articles/article/{article.pk}/change/"


def pending_url(article) -> str:
    return f"/admin/articles/article/{article.pk}/pending/"


def change_data(article, **overrides) -> dict:
    """The change form of ``article`` as the browser posts it, with
    ``overrides``."""
    bylines = list(article.bylines.order_by("position"))
    data = article_form(
        article.category,
        loaded_version=version_of(article),
        title=article.title,
        slug=article.slug,
        lead=article.lead,
        body=article.body,
        tags=", ".join(sorted(article.tags.names())),
        status=article.status,
        **{
            "bylines-TOTAL_FORMS": str(len(bylines)),
            "bylines-INITIAL_FORMS": str(len(bylines)),
        },
    )
    for index, byline in enumerate(bylines):
        data.update(
            {
                f"bylines-{index}-id": byline.pk,
                f"bylines-{index}-article": article.pk,
                f"bylines-{index}-author": byline.author_id,
                f"bylines-{index}-position": byline.position,
            }
        )
    data.update(overrides)
    return data


@pytest.fixture
def live(journalist):
    profile = AuthorFactory(user=journalist, last_name="Schreiber")
    article = ArticleFactory(
        title="Der Hund bellt",
        created_by=journalist,
        authors=[profile],
        tags=["Tiere"],
    )
    ViewOffset.objects.create(article=article, views=42)
    return article


def test_a_journalist_can_save_a_published_article_and_it_waits(
    client, journalist, live
):
    # #21 item 19: this save was refused ("published ist keine gültige Auswahl").
    client.force_login(journalist)

    response = client.post(
        change_url(live),
        change_data(live, title="Der Kater bellt", revision_note="Tippfehler"),
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    assert len(shown) == 1 and "ausstehende Änderungen" in shown[0]
    live.refresh_from_db()
    assert live.title == "Der Hund bellt"
    assert live.status == Article.Status.PUBLISHED
    pending = workflow.pending_change(live)
    assert pending.data["title"] == "Der Kater bellt"
    assert pending.data["status"] == Article.Status.PUBLISHED
    assert pending.created_by == journalist
    assert pending.note == "Tippfehler"
    # Readers still see the live version.
    client.logout()
    page = client.get(live.get_absolute_url()).content.decode()
    assert "Der Hund bellt" in page and "Der Kater" not in page
    feed = client.get("/feed/").content.decode()
    assert "Der Kater" not in feed
    printed = client.get(f"/artikel/{live.slug}/drucken/")
    assert printed.status_code == 200
    assert "Der Hund bellt" in printed.text and "Der Kater" not in printed.text
    assert "Der Kater" not in client.get("/suche/", {"q": "Kater"}).text
    assert "Der Hund bellt" in client.get("/suche/", {"q": "Hund"}).text


def test_a_journalist_cannot_unpublish_through_a_forged_status(
    client, journalist, live
):
    client.force_login(journalist)
    response = client.post(change_url(live), change_data(live, status="draft"))
    assert response.status_code == 302
    live.refresh_from_db()
    assert live.status == Article.Status.PUBLISHED
    assert workflow.pending_change(live).data["status"] == "published"


def test_the_journalist_goes_on_from_their_pending_changes(client, journalist, live):
    client.force_login(journalist)
    client.post(change_url(live), change_data(live, title="Der Kater bellt"))
    response = client.get(change_url(live))
    assert response.context["adminform"].form["title"].value() == "Der Kater bellt"
    # A second save replaces the first pending change: one at a time.
    client.post(change_url(live), change_data(live, title="Der Kater miaut"))
    assert (
        ArticleRevision.objects.filter(
            article=live, state=ArticleRevision.State.PENDING
        ).count()
        == 1
    )
    assert workflow.pending_change(live).data["title"] == "Der Kater miaut"


def test_the_editor_sees_the_diff_and_approves(
    client, journalist, editor, live, django_capture_on_commit_callbacks
):
    client.force_login(journalist)
    client.post(change_url(live), change_data(live, title="Der Kater bellt"))
    client.force_login(editor)

    change_page = client.get(change_url(live)).content.decode()
    assert pending_url(live) in change_page
    page = client.get(pending_url(live)).content.decode()
    assert "<del>Hund</del><ins>Kater</ins>" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(pending_url(live), {"decision": "approve"})

    assert response.status_code == 302
    live.refresh_from_db()
    assert live.title == "Der Kater bellt"
    assert live.status == Article.Status.PUBLISHED
    assert live.view_offset.views == 42
    assert workflow.pending_change(live) is None
    latest = ArticleRevision.objects.filter(
        article=live, state=ArticleRevision.State.SAVED
    ).first()
    assert latest.data["title"] == "Der Kater bellt"
    assert latest.created_by == editor
    client.logout()
    assert "Der Kater bellt" in client.get(live.get_absolute_url()).content.decode()


def test_the_editor_sends_changes_back_with_a_note(client, journalist, editor, live):
    client.force_login(journalist)
    client.post(change_url(live), change_data(live, title="Der Kater bellt"))
    client.force_login(editor)

    response = client.post(pending_url(live), {"decision": "return", "note": ""})
    assert response.status_code == 200  # the note is required
    assert workflow.pending_change(live) is not None

    client.post(
        pending_url(live), {"decision": "return", "note": "Bitte Quelle nennen"}
    )

    live.refresh_from_db()
    assert live.title == "Der Hund bellt"
    assert workflow.pending_change(live) is None
    assert ReviewNote.objects.get(article=live).text == "Bitte Quelle nennen"


def test_a_journalist_cannot_approve_with_a_forged_post(client, journalist, live):
    client.force_login(journalist)
    client.post(change_url(live), change_data(live, title="Der Kater bellt"))
    response = client.post(pending_url(live), {"decision": "approve"})
    assert response.status_code == 403
    response = client.post(
        "/admin/articles/article/",
        {"action": "approve_changes", "_selected_action": [live.pk]},
    )
    live.refresh_from_db()
    assert live.title == "Der Hund bellt"
    assert workflow.pending_change(live) is not None


def test_an_editors_edit_goes_live_unless_saved_as_pending(client, editor, live):
    client.force_login(editor)
    response = client.post(change_url(live), change_data(live, title="Sofort live"))
    assert response.status_code == 302
    live.refresh_from_db()
    assert live.title == "Sofort live"

    client.post(
        change_url(live),
        change_data(live, title="Erst prüfen", save_as_pending="on"),
    )
    live.refresh_from_db()
    assert live.title == "Sofort live"
    assert workflow.pending_change(live).data["title"] == "Erst prüfen"


def test_the_list_action_approves_pending_changes(client, journalist, editor, live):
    client.force_login(journalist)
    client.post(change_url(live), change_data(live, title="Der Kater bellt"))
    client.force_login(editor)
    response = client.post(
        "/admin/articles/article/",
        {"action": "approve_changes", "_selected_action": [live.pk]},
    )
    assert response.status_code == 302
    live.refresh_from_db()
    assert live.title == "Der Kater bellt"


def test_approval_applies_tags_and_bylines_in_order(journalist, editor, live):
    second = AuthorFactory()
    data = article_snapshot(live)
    data["tags"] = ["Katzen", "Tiere"]
    data["bylines"] = [{"id": second.pk, "name": "B"}, *data["bylines"]]
    revision = workflow.pending_change_save(article=live, data=data, user=journalist)
    assert workflow.pending_change_approve(revision=revision, user=editor)
    live.refresh_from_db()
    assert sorted(live.tags.names()) == ["Katzen", "Tiere"]
    assert live.byline_authors[0].pk == second.pk
    assert not workflow.pending_change_approve(revision=revision, user=editor)


@pytest.mark.django_db(transaction=True)
def test_two_editors_approving_at_once_apply_it_once(journalist):
    live = ArticleFactory(title="Vorher", created_by=journalist)
    data = {**article_snapshot(live), "title": "Nachher"}
    revision = workflow.pending_change_save(article=live, data=data, user=journalist)
    editors = [StaffFactory(username=f"e{n}", groups=["Editor"]) for n in range(2)]
    barrier = threading.Barrier(2)
    results = []

    def approve(user):
        try:
            barrier.wait()
            results.append(
                workflow.pending_change_approve(revision=revision, user=user)
            )
        finally:
            close_old_connections()

    threads = [threading.Thread(target=approve, args=(user,)) for user in editors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(results) == [False, True]
    saved = ArticleRevision.objects.filter(
        article=live, state=ArticleRevision.State.SAVED, data__title="Nachher"
    )
    assert saved.count() == 1


def test_a_scheduled_update_appears_at_its_time_without_a_save(
    client, journalist, editor, live, django_capture_on_commit_callbacks
):
    client.force_login(journalist)
    client.post(change_url(live), change_data(live, title="Der Kater bellt"))
    client.force_login(editor)
    later = timezone.localtime() + timedelta(hours=3)
    response = client.post(
        pending_url(live),
        {
            "decision": "approve",
            "apply_at_0": later.strftime("%d.%m.%Y"),
            "apply_at_1": later.strftime("%H:%M:%S"),
        },
    )
    assert response.status_code == 302
    client.logout()
    assert "Der Kater" not in client.get(live.get_absolute_url()).text
    live.refresh_from_db()
    assert live.title == "Der Hund bellt"

    # The time comes: nobody saves anything, a reader asks for the page.
    ArticleRevision.objects.filter(state=ArticleRevision.State.SCHEDULED).update(
        apply_at=timezone.now() - timedelta(seconds=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        page = client.get(live.get_absolute_url()).text
    assert "Der Kater bellt" in page
    live.refresh_from_db()
    assert live.title == "Der Kater bellt"
    assert live.view_offset.views == 42
    assert not ArticleRevision.objects.filter(
        state=ArticleRevision.State.SCHEDULED
    ).exists()
