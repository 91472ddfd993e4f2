"""The newsroom dashboard (the admin index): each role's blocks, their links,
and a query count that does not grow with the content."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from articles.models import Article, ReviewNote
from articles.revisions import ArticleRevision
from comments.models import ArticleComment
from counters.models import DailyViews
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = pytest.mark.django_db

INDEX = "/admin/"


def held_comment(article, number: int) -> ArticleComment:
    comment = ArticleComment(
        content_type=ContentType.objects.get_for_model(Article),
        object_pk=str(article.pk),
        site_id=1,
        user_name=f"Leserin {number}",
        user_email=f"leserin{number}@example.org",
        comment=f"Kommentar {number}",
        submit_date=timezone.now() - timedelta(hours=number),
        is_public=False,
        moderators_notified=True,
    )
    comment.save()
    return comment


def newsroom(count: int, *, journalist, editor) -> None:
    """``count`` articles of every kind a dashboard block lists, each with
    views, a held comment and (in review) editors' notes."""
    mine = getattr(journalist, "author_profile", None) or AuthorFactory(user=journalist)
    category = CategoryFactory()
    now = timezone.now()
    kinds = [
        {"status": Article.Status.DRAFT, "publish_at": None},
        {"status": Article.Status.REVIEW, "publish_at": None},
        {"status": Article.Status.PUBLISHED, "publish_at": now - timedelta(hours=1)},
        {"status": Article.Status.PUBLISHED, "publish_at": now + timedelta(days=2)},
    ]
    for number in range(count):
        for kind in kinds:
            article = ArticleFactory(
                category=category,
                authors=[mine, AuthorFactory()],
                created_by=journalist,
                **kind,
            )
            DailyViews.objects.create(
                article=article, day=timezone.localdate(), count=number + 1
            )
            held_comment(article, number)
            if kind["status"] == Article.Status.REVIEW:
                for text in ("Bitte Quelle nennen.", "Zweiter Hinweis."):
                    ReviewNote.objects.create(article=article, author=editor, text=text)


def dashboard_queries(client, user, django_assert_max_num_queries, budget: int):
    client.force_login(user)
    with django_assert_max_num_queries(budget) as captured:
        response = client.get(INDEX)
    assert response.status_code == 200
    return len(captured), response


@pytest.mark.parametrize("role", ["journalist", "editor", "moderator"])
def test_dashboard_queries_do_not_grow_with_the_content(
    client, request, role, django_assert_max_num_queries
):
    journalist = request.getfixturevalue("journalist")
    editor = request.getfixturevalue("editor")
    user = request.getfixturevalue(role)
    newsroom(2, journalist=journalist, editor=editor)
    small, _ = dashboard_queries(client, user, django_assert_max_num_queries, 40)
    newsroom(15, journalist=journalist, editor=editor)
    large, response = dashboard_queries(
        client, user, django_assert_max_num_queries, small
    )
    assert large <= small
    assert response.context["dashboard_blocks"] is not None


def test_journalist_sees_own_drafts_review_notes_and_views(client, journalist, editor):
    newsroom(1, journalist=journalist, editor=editor)
    someone_elses = ArticleFactory(status=Article.Status.DRAFT, title="Fremder Text")
    client.force_login(journalist)
    html = client.get(INDEX).content.decode()

    assert 'data-dashboard-block="my-drafts"' in html
    assert "Fremder Text" not in html
    # The latest note of the editor, not the older one.
    assert "Zweiter Hinweis." in html
    assert "Bitte Quelle nennen." not in html
    assert "Artikelaufruf" in html  # the counters app's figure
    assert 'data-dashboard-block="review-queue"' not in html
    assert 'data-dashboard-block="comments-waiting"' not in html
    assert someone_elses.pk  # exists, only not shown


def test_editor_sees_the_queues_with_links_to_filtered_lists(
    client, editor, journalist
):
    newsroom(1, journalist=journalist, editor=editor)
    client.force_login(editor)
    response = client.get(INDEX)
    blocks = {block.key: block for block in response.context["dashboard_blocks"]}

    assert set(blocks) == {
        "review-queue",
        "pending-changes",
        "scheduled",
        "published-today",
    }
    assert [a.status for a in blocks["review-queue"].articles] == ["review"]
    assert all(a.is_scheduled for a in blocks["scheduled"].articles)
    for block in blocks.values():
        listed = client.get(block.link)
        assert listed.status_code == 200, block.link
        shown = {article.pk for article in listed.context["cl"].result_list}
        assert {article.pk for article in block.articles} <= shown, block.key


def test_scheduled_times_are_shown_in_german_time(client, editor):
    # 09:30 UTC on a winter day is 10:30 in Berlin.
    at = timezone.now().replace(hour=9, minute=30, second=0, microsecond=0)
    at += timedelta(days=3)
    ArticleFactory(status=Article.Status.PUBLISHED, publish_at=at)
    client.force_login(editor)
    html = client.get(INDEX).content.decode()
    local = timezone.localtime(at)
    assert local.strftime("%H:%M") in html


def test_moderator_block_and_its_buttons(client, moderator, article):
    comments = [held_comment(article, number) for number in range(12)]
    client.force_login(moderator)
    html = client.get(INDEX).content.decode()
    assert 'data-dashboard-block="comments-waiting"' in html
    assert "<span data-held-count>12</span>" in html
    # The oldest ten, oldest first.
    by_age = sorted(comments, key=lambda c: c.submit_date)
    positions = [html.index(f'data-comment="{c.pk}"') for c in by_age[:10]]
    assert positions == sorted(positions)
    assert f'data-comment="{by_age[-1].pk}"' not in html


def test_everyone_sees_the_most_read_today(client, journalist, article):
    DailyViews.objects.create(article=article, day=timezone.localdate(), count=42)
    client.force_login(journalist)
    html = client.get(INDEX).content.decode()
    assert 'data-dashboard-block="most-read-today"' in html
    assert "42 Artikelaufrufe" in html


def test_admin_is_named_after_the_magazine_in_german(client, editor, settings):
    settings.SITE_NAME = "Fachblatt"
    client.force_login(editor)
    html = client.get(INDEX).content.decode()
    assert "<title>Redaktion | Fachblatt</title>" in html
    assert "Django" not in html.split("<body")[0]
    assert 'href="/" data-public-site' in html
    assert "Zur Website" in html
    assert "css/admin.css" in html


def test_most_read_links_to_the_public_page_for_people_without_article_rights(
    client, moderator, article
):
    DailyViews.objects.create(article=article, day=timezone.localdate(), count=3)
    client.force_login(moderator)
    html = client.get(INDEX).content.decode()
    assert f'href="{article.get_absolute_url()}"' in html
    assert f"/admin/articles/article/{article.pk}/change/" not in html


def test_the_editor_finds_pending_changes_and_the_journalist_a_returned_article(
    client, editor, journalist
):
    """#16 on the dashboard: changes to live articles waiting for an editor
    (oldest first, linking to the filtered list), and for the journalist the
    article sent back with the editor's words (not a step's empty note)."""
    live = ArticleFactory(title="Live mit Änderung", created_by=journalist)
    ArticleRevision.objects.create(
        article=live,
        created_by=journalist,
        state=ArticleRevision.State.PENDING,
        status=live.status,
        data={"title": "Live mit Änderung (neu)"},
    )
    ArticleFactory(title="Live ohne Änderung")
    returned = ArticleFactory(
        title="Zurück an die Autorin",
        status=Article.Status.CHANGES,
        created_by=journalist,
    )
    ReviewNote.objects.create(article=returned, author=editor, text="Bitte kürzen.")
    ReviewNote.objects.create(article=returned, author=editor, text="")  # a step

    client.force_login(editor)
    blocks = {b.key: b for b in client.get(INDEX).context["dashboard_blocks"]}
    assert [a.title for a in blocks["pending-changes"].articles] == [
        "Live mit Änderung"
    ]
    listed = client.get(blocks["pending-changes"].link)
    assert [a.title for a in listed.context["cl"].result_list] == ["Live mit Änderung"]

    client.force_login(journalist)
    response = client.get(INDEX)
    blocks = {b.key: b for b in response.context["dashboard_blocks"]}
    (shown,) = blocks["my-review"].articles
    assert shown.title == "Zurück an die Autorin"
    assert shown.note_text == "Bitte kürzen."
    assert client.get(blocks["my-review"].link).status_code == 200
