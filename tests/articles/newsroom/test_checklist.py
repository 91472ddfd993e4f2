"""The pre-publish checklist: publishing is refused with what is missing,
through the status field (also scheduling) and the admin action."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from articles.newsroom.versions import version_of
from tests.articles.newsroom.test_versions import change_url, edit
from tests.factories import ArticleFactory, AuthorFactory, PictureFactory

pytestmark = pytest.mark.django_db


def draft(**fields):
    values = {"status": Article.Status.REVIEW, "publish_at": None, **fields}
    return ArticleFactory(**values)


def publish_form(article, **changes):
    data = edit(
        article, version_of(article), status=Article.Status.PUBLISHED, **changes
    )
    data["publish_at_0"] = ""
    data["publish_at_1"] = ""
    return data


def with_bylines(data, article):
    rows = list(article.bylines.all())
    data["bylines-TOTAL_FORMS"] = str(len(rows))
    data["bylines-INITIAL_FORMS"] = str(len(rows))
    for index, byline in enumerate(rows):
        data[f"bylines-{index}-id"] = byline.pk
        data[f"bylines-{index}-article"] = article.pk
        data[f"bylines-{index}-author"] = byline.author_id
        data[f"bylines-{index}-position"] = byline.position
    return data


def test_the_status_field_refuses_publishing_without_byline(client, editor):
    article = draft(authors=[])
    client.force_login(editor)
    response = client.post(change_url(article), publish_form(article))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Noch nicht veröffentlicht, es fehlt noch:" in html
    assert "Mindestens eine Autorin oder ein Autor" in html
    assert Article.objects.get(pk=article.pk).status == Article.Status.REVIEW


def test_the_status_field_refuses_without_image_texts(client, editor):
    # (An empty lead is a form error of its own: the field is required.)
    # A library picture without alt text and credit (as an import may leave it).
    picture = PictureFactory(alt_text="", photographer="", source="")
    article = draft(picture=picture)
    client.force_login(editor)
    data = with_bylines(publish_form(article, picture=picture.pk), article)
    response = client.post(change_url(article), data)
    assert response.status_code == 200
    html = response.content.decode()
    for missing in ("Alternativtext des Aufmacherbilds", "Bildnachweis"):
        assert missing in html.split("Noch nicht veröffentlicht")[1][:400]
    assert Article.objects.get(pk=article.pk).status == Article.Status.REVIEW


def test_a_complete_article_is_published_and_scheduled(client, editor):
    article = draft()
    client.force_login(editor)
    later = timezone.localtime(timezone.now() + timedelta(days=2))
    data = with_bylines(publish_form(article), article)
    data["publish_at_0"] = later.strftime("%d.%m.%Y")
    data["publish_at_1"] = later.strftime("%H:%M:%S")
    response = client.post(change_url(article), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Article.objects.get(pk=article.pk).is_scheduled


def test_the_admin_action_publishes_only_complete_articles(client, editor):
    ready = draft()
    missing = draft(authors=[], lead="")
    client.force_login(editor)
    response = client.post(
        "/admin/articles/article/",
        {"action": "publish", "_selected_action": [ready.pk, missing.pk]},
        follow=True,
    )
    html = response.content.decode()
    assert f"„{missing.title}“ nicht veröffentlicht, es fehlt noch: Vorspann" in html
    assert Article.objects.get(pk=ready.pk).status == Article.Status.PUBLISHED
    assert Article.objects.get(pk=missing.pk).status == Article.Status.REVIEW


def test_the_change_page_lists_the_checks(client, editor):
    article = draft(authors=[AuthorFactory()])
    client.force_login(editor)
    html = client.get(change_url(article)).content.decode()
    assert "Vor dem Veröffentlichen" in html
    for key in ("lead", "category", "byline", "image_alt", "image_credit"):
        assert f'data-check="{key}"' in html
