"""No lost updates: a save on top of a newer version is refused, naming who
saved it and when, with the person's own text kept in the form."""

from datetime import timedelta

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.utils import timezone

from articles.models import Article
from articles.newsroom.versions import version_of
from tests.articles.test_admin import article_form
from tests.factories import ArticleFactory, AuthorFactory

pytestmark = pytest.mark.django_db


def change_url(article) -> str:
    return f"/admin/articles/article/{article.pk}/change/"


def draft_of(journalist):
    return ArticleFactory(
        status=Article.Status.DRAFT,
        publish_at=None,
        authors=[AuthorFactory(user=journalist)],
        created_by=journalist,
        title="Erste Fassung",
    )


def edit(article, version: str | None, **changes):
    stored = {
        "title": article.title,
        "slug": article.slug,
        "lead": article.lead,
        "body": article.body,
        "tags": "",
    }
    data = article_form(article.category, **{**stored, **changes})
    if version is not None:
        data["loaded_version"] = version
    return data


def test_the_form_carries_the_version_it_was_opened_on(client, journalist):
    article = draft_of(journalist)
    client.force_login(journalist)
    html = client.get(change_url(article)).content.decode()
    assert f'name="loaded_version" value="{version_of(article)}"' in html


def test_a_save_on_the_current_version_goes_through(client, journalist):
    article = draft_of(journalist)
    client.force_login(journalist)
    response = client.post(
        change_url(article), edit(article, version_of(article), title="Zweite Fassung")
    )
    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).title == "Zweite Fassung"


def test_a_stale_save_is_refused_with_who_and_when_and_keeps_the_text(
    journalist, editor
):
    article = draft_of(journalist)
    editor.first_name, editor.last_name = "Jonas", "Weißenfels"
    editor.save()
    opened_on = version_of(article)

    colleague = Client()
    colleague.force_login(editor)
    saved = colleague.post(
        change_url(article), edit(article, opened_on, title="Fassung der Redaktion")
    )
    assert saved.status_code == 302

    mine = Client()
    mine.force_login(journalist)
    response = mine.post(
        change_url(article), edit(article, opened_on, title="Meine Fassung")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Jonas Weißenfels hat diesen Artikel am" in html
    assert 'value="Meine Fassung"' in html  # the person's text stays
    assert Article.objects.get(pk=article.pk).title == "Fassung der Redaktion"
    # Saving again from the same form is still refused.
    again = mine.post(change_url(article), edit(article, opened_on, title="Nochmal"))
    assert again.status_code == 200
    assert Article.objects.get(pk=article.pk).title == "Fassung der Redaktion"


@pytest.mark.parametrize("version", [None, "", "gestern", "2001-01-01T00:00:00"])
def test_a_missing_or_forged_version_is_refused(client, journalist, version):
    article = draft_of(journalist)
    client.force_login(journalist)
    response = client.post(change_url(article), edit(article, version, title="Neu"))
    assert response.status_code == 200
    assert "Ihre Änderungen stehen noch hier" in response.content.decode()
    assert Article.objects.get(pk=article.pk).title == "Erste Fassung"


def test_a_save_from_elsewhere_is_named_without_a_person(client, journalist, editor):
    article = draft_of(journalist)
    opened_on = version_of(article)
    LogEntry.objects.create(
        user=editor,
        content_type=ContentType.objects.get_for_model(Article),
        object_id=str(article.pk),
        object_repr=str(article),
        action_flag=CHANGE,
        action_time=timezone.now() - timedelta(hours=1),
    )
    Article.objects.get(pk=article.pk).save()  # a command, an import
    client.force_login(journalist)
    response = client.post(change_url(article), edit(article, opened_on))
    assert "Jemand hat diesen Artikel am" in response.content.decode()
