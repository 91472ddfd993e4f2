"""Issue #21, item 16: a journalist may add co-authors to an article, but
changing or removing other people's bylines (and dropping their own) is for
editors — also against a forged form."""

import re

import pytest
from django.forms.models import model_to_dict

from articles.models import Article, Byline
from articles.newsroom.versions import version_of
from tests.articles.test_admin import article_form
from tests.factories import ArticleFactory, AuthorFactory

pytestmark = pytest.mark.django_db


def change_url(article) -> str:
    return f"/admin/articles/article/{article.pk}/change/"


def in_review(journalist):
    own = AuthorFactory(user=journalist)
    colleague = AuthorFactory()
    article = ArticleFactory(
        status=Article.Status.REVIEW,
        publish_at=None,
        authors=[own, colleague],
        created_by=journalist,
    )
    return article, own, colleague


def form_with_bylines(article, rows, *, initial: int):
    """The change form as the browser sends it, with ``rows`` as the byline
    inline: dicts of id, author, position and DELETE."""
    fields = model_to_dict(article, fields=["title", "slug", "lead", "body"])
    data = article_form(article.category, **fields)
    data.update(
        {
            "status": article.status,
            "tags": "",
            "bylines-TOTAL_FORMS": str(len(rows)),
            "bylines-INITIAL_FORMS": str(initial),
            # The version the form was opened on (articles/newsroom/versions.py).
            "loaded_version": version_of(article),
        }
    )
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"bylines-{index}-{key}"] = value
        data[f"bylines-{index}-article"] = article.pk
    return data


def rows_of(article):
    return [
        {"id": b.pk, "author": b.author_id, "position": b.position}
        for b in article.bylines.order_by("position")
    ]


def test_journalist_adds_a_co_author(client, journalist):
    article, own, colleague = in_review(journalist)
    third = AuthorFactory()
    client.force_login(journalist)
    rows = [*rows_of(article), {"author": third.pk, "position": 2}]
    response = client.post(
        change_url(article), form_with_bylines(article, rows, initial=2)
    )
    assert response.status_code == 302
    assert article.byline_authors == [own, colleague, third]


def test_journalist_cannot_replace_the_bylines_with_other_people(client, journalist):
    article, own, colleague = in_review(journalist)
    stranger, other = AuthorFactory(), AuthorFactory()
    client.force_login(journalist)
    rows = rows_of(article)
    rows[0]["author"] = stranger.pk
    rows[1]["author"] = other.pk
    client.post(change_url(article), form_with_bylines(article, rows, initial=2))
    assert Article.objects.get(pk=article.pk).byline_authors == [own, colleague]


def test_journalist_cannot_remove_bylines(client, journalist):
    article, own, colleague = in_review(journalist)
    client.force_login(journalist)
    rows = rows_of(article)
    for row in rows:
        row["DELETE"] = "on"
    client.post(change_url(article), form_with_bylines(article, rows, initial=2))
    assert Byline.objects.filter(article=article).count() == 2
    assert Article.objects.get(pk=article.pk).byline_authors == [own, colleague]


def test_the_change_page_shows_a_journalist_existing_bylines_as_fixed(
    client, journalist
):
    article, _own, _colleague = in_review(journalist)
    client.force_login(journalist)
    html = client.get(change_url(article)).content.decode()
    assert 'name="bylines-0-DELETE"' not in html
    for index in (0, 1):
        select = re.search(rf'<select name="bylines-{index}-author"[^>]*>', html)
        assert select and "disabled" in select.group(0)
    # The empty row for a new co-author stays open.
    new_row = re.search(r'<select name="bylines-__prefix__-author"[^>]*>', html)
    assert new_row and "disabled" not in new_row.group(0)


def test_editor_changes_and_removes_bylines(client, editor, journalist):
    article, _own, _colleague = in_review(journalist)
    replacement = AuthorFactory()
    client.force_login(editor)
    rows = rows_of(article)
    rows[0]["author"] = replacement.pk
    rows[1]["DELETE"] = "on"
    response = client.post(
        change_url(article), form_with_bylines(article, rows, initial=2)
    )
    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).byline_authors == [replacement]
