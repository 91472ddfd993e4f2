"""The history page, comparing two revisions and restoring one into the form."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.admin_history import local_time
from articles.models import Article
from articles.newsroom.versions import version_of
from articles.revisions import ArticleRevision, revision_record
from tests.articles.test_admin import article_form
from tests.factories import ArticleFactory, AuthorFactory

pytestmark = pytest.mark.django_db

BODY = "".join(f"<p>Absatz {n} mit einigen Wörtern darin.</p>" for n in range(5))


def history_url(article) -> str:
    return f"/admin/articles/article/{article.pk}/history/"


def change_url(article) -> str:
    return f"/admin/articles/article/{article.pk}/change/"


def record(article, **changes) -> ArticleRevision:
    for name, value in changes.items():
        setattr(article, name, value)
    Article.objects.filter(pk=article.pk).update(**changes)
    return revision_record(article=article)


def test_history_lists_revisions_newest_first_with_word_change(client, editor):
    article = ArticleFactory(body=BODY, title="Erste Fassung")
    first = record(article)
    second = record(article, title="Zweite Fassung", body=BODY + "<p>Noch zwei</p>")
    second.note = "Absatz ergänzt"
    second.created_by = editor
    second.save()
    client.force_login(editor)

    response = client.get(history_url(article))

    assert response.status_code == 200
    page = response.content.decode()
    assert page.index(f'data-revision="{second.pk}"') < page.index(
        f'data-revision="{first.pk}"'
    )
    assert "Absatz ergänzt" in page
    assert "(+2)" in page
    assert f"?from={first.pk}&amp;to={second.pk}" in page
    assert f"?restore={first.pk}" in page


def test_history_and_compare_stay_constant_in_queries(
    client, editor, django_assert_max_num_queries
):
    article = ArticleFactory(body=BODY)
    client.force_login(editor)

    def queries(url) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    def compare(revisions) -> str:
        return (
            f"/admin/articles/article/{article.pk}/history/compare/"
            f"?from={revisions[0].pk}&to={revisions[-1].pk}"
        )

    revisions = [record(article, title=f"Fassung {n}") for n in range(2)]
    few = queries(history_url(article)), queries(compare(revisions))
    revisions += [
        record(article, title=f"Fassung {number}", lead=f"Vorspann {number}")
        for number in range(2, 100)
    ]
    with django_assert_max_num_queries(12):
        response = client.get(history_url(article))
    assert response.content.decode().count("data-revision=") == 50
    assert (queries(history_url(article)), queries(compare(revisions))) == few


def test_compare_shows_the_changed_words_and_nothing_else(client, editor):
    article = ArticleFactory(body=BODY, title="Der Hund bellt")
    old = record(article)
    new = record(article, title="Der Kater bellt", body=BODY.replace("3", "drei"))
    client.force_login(editor)

    response = client.get(
        f"/admin/articles/article/{article.pk}/history/compare/"
        f"?from={old.pk}&to={new.pk}"
    )

    page = response.content.decode()
    assert "<del>Hund</del><ins>Kater</ins>" in page
    assert "<del>3</del><ins>drei</ins>" in page
    assert 'data-field="title"' in page and 'data-field="body"' in page
    assert 'data-field="lead"' not in page
    assert 'data-field="tags"' not in page


@pytest.mark.parametrize(
    "query", ["from=1&to=x", "from=99999999999999999999&to=1", "from=&to="]
)
def test_compare_of_unknown_revisions_is_404(client, editor, query):
    article = ArticleFactory()
    client.force_login(editor)
    response = client.get(
        f"/admin/articles/article/{article.pk}/history/compare/?{query}"
    )
    assert response.status_code == 404


def test_a_journalist_sees_no_history_of_others_articles(client, journalist):
    article = ArticleFactory(status=Article.Status.DRAFT)
    client.force_login(journalist)
    assert client.get(history_url(article)).status_code in {302, 404}


def test_restore_loads_the_revision_into_the_form_and_saves_nothing(client, editor):
    first, second = AuthorFactory(), AuthorFactory()
    article = ArticleFactory(
        status=Article.Status.DRAFT,
        publish_at=None,
        body=BODY,
        authors=[first],
        tags=["Alt"],
    )
    old = record(article)
    old.data["bylines"] = [
        {"id": second.pk, "name": str(second)},
        {"id": first.pk, "name": str(first)},
    ]
    old.save()
    Article.objects.filter(pk=article.pk).update(body="<p>Fast leer</p>")
    article.tags.set(["Neu"])
    client.force_login(editor)
    revisions_before = ArticleRevision.objects.count()

    response = client.get(change_url(article) + f"?restore={old.pk}")

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert "Absatz 4" in form["body"].value()
    assert form["tags"].value() == "Alt"
    assert form["restored_from"].value() == old.pk
    bylines = next(
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == "bylines"
    )
    values = [(f["author"].value(), f["position"].value()) for f in bylines.forms]
    assert (first.pk, 1) in values and (second.pk, 0) in values
    article.refresh_from_db()
    assert article.body == "<p>Fast leer</p>"
    assert ArticleRevision.objects.count() == revisions_before


def test_restore_never_publishes(client, editor, django_capture_on_commit_callbacks):
    article = ArticleFactory(status=Article.Status.PUBLISHED)
    published = record(article)
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT)
    article.refresh_from_db()
    client.force_login(editor)

    response = client.get(change_url(article) + f"?restore={published.pk}")
    assert response.context["adminform"].form["status"].value() == "draft"

    byline = article.bylines.get()
    data = article_form(
        article.category,
        loaded_version=version_of(article),
        title=published.data["title"],
        slug=article.slug,
        status="draft",
        restored_from=published.pk,
        **{
            "bylines-TOTAL_FORMS": "1",
            "bylines-INITIAL_FORMS": "1",
            "bylines-0-id": byline.pk,
            "bylines-0-article": article.pk,
            "bylines-0-author": byline.author_id,
            "bylines-0-position": "0",
        },
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(change_url(article), data)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    latest = ArticleRevision.objects.filter(article=article).first()
    assert latest.status == Article.Status.DRAFT
    assert local_time(published.created_at) in latest.note


@pytest.mark.parametrize("value", ["99999999999999999999", "x", "-1", ""])
def test_bad_restore_numbers_show_the_live_form(client, editor, value):
    article = ArticleFactory()
    client.force_login(editor)
    response = client.get(change_url(article) + f"?restore={value}")
    assert response.status_code == 200
    assert response.context["adminform"].form["title"].value() == article.title


def test_the_restore_form_carries_which_revision_it_came_from(client, editor):
    article = ArticleFactory()
    old = record(article)
    client.force_login(editor)
    page = client.get(change_url(article) + f"?restore={old.pk}").text
    assert f'name="restored_from" value="{old.pk}"' in page
