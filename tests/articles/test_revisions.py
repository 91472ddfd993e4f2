"""Revisions: one per save, whatever the path, with everything editorial."""

import contextlib
from datetime import UTC, datetime

import pytest
from django.core.management import call_command
from django.db import transaction

from articles import services
from articles.models import Article, Byline
from articles.newsroom.versions import version_of
from articles.revision_diff import snapshot_compare, words_diff
from articles.revisions import ArticleRevision, revision_context
from tests.articles.test_admin import article_form
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    CategoryFactory,
    PictureFactory,
    StaffFactory,
)
from tests.wordpress_import.conftest import FIXTURES
from tests.wordpress_import.helpers import run

pytestmark = pytest.mark.django_db

EDITORIAL_KEYS = {
    "title",
    "slug",
    "lead",
    "body",
    "category",
    "tags",
    "bylines",
    "picture_id",
    "image",
    "image_alt",
    "image_caption",
    "image_credit",
    "image_source",
    "status",
    "publish_at",
    "meta_description",
}


def revisions(article) -> list[ArticleRevision]:
    return list(
        ArticleRevision.objects.filter(
            article=article, state=ArticleRevision.State.SAVED
        )
    )


@pytest.fixture
def saved(django_capture_on_commit_callbacks):
    """Run what a transaction does after its commit (the tests run inside one)."""

    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run


def test_a_shell_save_records_one_revision_with_every_field(saved):
    first, second = AuthorFactory(last_name="Erste"), AuthorFactory(last_name="Zweite")
    article = saved(
        ArticleFactory, authors=[second, first], tags=["Zeta", "Alpha"], title="Neu"
    )
    # The factory saves the article, two bylines and the tags: one transaction
    # each in the shell, one revision per transaction here.
    (revision,) = revisions(article)
    assert set(revision.data) == EDITORIAL_KEYS
    assert revision.data["title"] == "Neu"
    assert revision.data["tags"] == ["Alpha", "Zeta"]
    assert [entry["id"] for entry in revision.data["bylines"]] == [
        second.pk,
        first.pk,
    ]
    assert revision.data["category"]["id"] == article.category_id
    assert revision.status == Article.Status.PUBLISHED
    assert revision.word_count > 0

    article.title = "Geändert"
    saved(article.save)
    assert [r.data["title"] for r in revisions(article)] == ["Geändert", "Neu"]


def test_a_save_that_changes_nothing_records_nothing(saved):
    article = saved(ArticleFactory)
    saved(article.save)
    assert len(revisions(article)) == 1


def test_a_service_records_one_revision_with_who_and_why(saved, editor):
    article = saved(ArticleFactory, status=Article.Status.REVIEW, publish_at=None)
    with revision_context(user=editor, note="Freigegeben"):
        saved(services.article_publish, article=article)
    latest = revisions(article)[0]
    assert latest.status == Article.Status.PUBLISHED
    assert latest.created_by == editor
    assert latest.note == "Freigegeben"


def test_an_admin_save_records_one_revision_with_the_note(saved, client, editor):
    article = saved(ArticleFactory, status=Article.Status.DRAFT, tags=["Alt"])
    before = len(revisions(article))
    client.force_login(editor)
    byline = article.bylines.get()
    data = article_form(
        article.category,
        loaded_version=version_of(article),
        title="Neuer Titel",
        slug=article.slug,
        tags="Neu, Alt",
        picture=PictureFactory(
            alt_text="Ein Bild", photographer="Fotografin", source="Agentur"
        ).pk,
        image_caption="Bildunterschrift",
        revision_note="Titel geschärft",
        **{
            "bylines-TOTAL_FORMS": "1",
            "bylines-INITIAL_FORMS": "1",
            "bylines-0-id": byline.pk,
            "bylines-0-article": article.pk,
            "bylines-0-author": byline.author_id,
            "bylines-0-position": "0",
        },
    )
    response = saved(client.post, f"/admin/articles/article/{article.pk}/change/", data)
    assert response.status_code == 302
    assert len(revisions(article)) == before + 1
    latest = revisions(article)[0]
    assert latest.created_by == editor
    assert latest.note == "Titel geschärft"
    assert latest.data["title"] == "Neuer Titel"
    assert latest.data["tags"] == ["Alt", "Neu"]
    assert latest.data["image_credit"] == "Fotografin"
    assert latest.data["image_source"] == "Agentur"


def test_the_wordpress_import_records_one_revision_per_post(saved, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    saved(run, FIXTURES / "magazin.xml", media_dir=FIXTURES / "uploads")
    assert Article.objects.count() == 7
    for article in Article.objects.all():
        assert len(revisions(article)) == 1
        assert revisions(article)[0].data["title"] == article.title


def test_words_diff_marks_removed_and_added_words():
    diff = words_diff("Der Hund bellt laut.", "Der Kater bellt <b> laut.")
    assert diff == (
        "Der <del>Hund</del><ins>Kater</ins> bellt <ins>&lt;b&gt; </ins>laut."
    )


def test_compare_lists_only_what_changed():
    old = {"title": "A", "tags": ["x"], "category": {"id": 1, "name": "K"}}
    new = {"title": "A", "tags": ["x", "y"], "category": {"id": 1, "name": "K"}}
    (change,) = snapshot_compare(old, new)
    assert (change.name, change.old, change.new) == ("tags", "x", "x, y")


def test_prune_keeps_the_newest_and_the_published(saved):
    article = saved(ArticleFactory, status=Article.Status.DRAFT, publish_at=None)
    old = datetime(2020, 1, 1, tzinfo=UTC)
    for number in range(6):
        article.title = f"Fassung {number}"
        if number == 1:
            article.status = Article.Status.PUBLISHED
        saved(article.save)
    ArticleRevision.objects.filter(article=article).update(created_at=old)
    call_command("revisions_prune", keep=2, older_than=30, verbosity=0)
    left = revisions(article)
    assert [r.data["title"] for r in left[:2]] == ["Fassung 5", "Fassung 4"]
    assert all(r.status == Article.Status.PUBLISHED for r in left[2:])
    assert len(left) < 7


def test_a_byline_removed_in_the_shell_is_one_revision(saved):
    article = saved(ArticleFactory, authors=[AuthorFactory(), AuthorFactory()])
    before = len(revisions(article))
    saved(Byline.objects.filter(article=article).first().delete)
    assert len(revisions(article)) == before + 1
    assert len(revisions(article)[0].data["bylines"]) == 1


def test_deleting_an_article_deletes_its_revisions(saved):
    article = saved(ArticleFactory, category=CategoryFactory())
    saved(article.delete)
    assert not ArticleRevision.objects.exists()


def test_a_rolled_back_save_lends_its_user_and_note_to_no_later_revision(saved):
    """A save that failed (its transaction rolled back) left its user and note
    behind on the connection, and the next save of the same article on that
    connection (a command, another request of the worker) was credited to them."""
    editor = StaffFactory(username="redakteurin")
    article = saved(ArticleFactory, title="Vorher")

    def failing_save():
        with contextlib.suppress(RuntimeError), transaction.atomic():
            with revision_context(user=editor, note="nie gespeichert"):
                article.title = "Verworfen"
                article.save()
            raise RuntimeError("the save fails after the article row was written")

    saved(failing_save)
    article.refresh_from_db()
    article.title = "Von der Shell"
    saved(article.save)
    latest = revisions(article)[0]
    assert latest.data["title"] == "Von der Shell"
    assert latest.created_by is None
    assert latest.note == ""
