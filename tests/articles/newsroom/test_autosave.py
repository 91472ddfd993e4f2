"""Autosave endpoints and the restore/discard prompt; every bad request is a
clear 4xx and stores nothing."""

import json
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from articles.models import Article, ArticleAutosave
from articles.newsroom.versions import version_of
from tests.articles.newsroom.test_versions import change_url, draft_of, edit
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

NEW_URL = "/admin/articles/article/add/autosave/"


def autosave_url(article) -> str:
    return f"/admin/articles/article/{article.pk}/autosave/"


def post_json(client, url, payload, **extra):
    body = payload if isinstance(payload, (bytes, str)) else json.dumps(payload)
    return client.post(
        url,
        body,
        content_type="application/json",
        HTTP_ACCEPT="application/json",
        **extra,
    )


def test_autosave_stores_a_record_not_the_article(client, journalist):
    article = draft_of(journalist)
    client.force_login(journalist)
    response = post_json(
        client,
        autosave_url(article),
        {"fields": {"title": "Getippt", "body": "<p>x</p>"}},
    )
    assert response.status_code == 200
    assert "Automatisch gespeichert um" in response.json()["label"]
    autosave = ArticleAutosave.objects.get(user=journalist, article=article)
    assert autosave.fields["title"] == "Getippt"
    assert Article.objects.get(pk=article.pk).title == "Erste Fassung"
    # A second autosave replaces the first.
    post_json(client, autosave_url(article), {"fields": {"title": "Weiter"}})
    assert ArticleAutosave.objects.get().fields == {"title": "Weiter"}


def test_autosave_of_a_new_article(client, journalist):
    client.force_login(journalist)
    response = post_json(client, NEW_URL, {"fields": {"title": "Neu", "lead": "V"}})
    assert response.status_code == 200
    assert ArticleAutosave.objects.get(article=None).fields["title"] == "Neu"
    html = client.get("/admin/articles/article/add/").content.decode()
    assert "data-autosave-prompt" in html
    restored = client.get("/admin/articles/article/add/?autosave=restore")
    assert 'value="Neu"' in restored.content.decode()


@pytest.mark.parametrize(
    "payload",
    [
        b"\xff\xfe not utf-8",
        "kein json",
        "[1, 2]",
        {"fields": {}},
        {"fields": {"password": "x"}},
        {"fields": {"title": 42}},
        {"fields": ["title"]},
        {"felder": {"title": "x"}},
    ],
)
def test_malformed_autosaves_are_refused(client, journalist, payload):
    article = draft_of(journalist)
    client.force_login(journalist)
    assert post_json(client, autosave_url(article), payload).status_code == 400
    assert not ArticleAutosave.objects.exists()


def test_an_oversized_autosave_is_refused(client, journalist, settings):
    settings.ARTICLE_BODY_MAX_CHARS = 1000
    article = draft_of(journalist)
    client.force_login(journalist)
    huge = {"fields": {"body": "x" * 200_000}}
    assert post_json(client, autosave_url(article), huge).status_code == 413
    assert not ArticleAutosave.objects.exists()


def test_foreign_articles_and_roles_without_permission(client, journalist, moderator):
    foreign = ArticleFactory(status=Article.Status.DRAFT)
    client.force_login(journalist)
    payload = {"fields": {"title": "Übernahme"}}
    assert post_json(client, autosave_url(foreign), payload).status_code == 404
    assert (
        post_json(
            client, "/admin/articles/article/999999/autosave/", payload
        ).status_code
        == 404
    )
    client.force_login(moderator)  # staff, no article rights
    assert post_json(client, NEW_URL, payload).status_code == 403
    assert post_json(client, autosave_url(foreign), payload).status_code in (403, 404)
    client.logout()
    assert post_json(client, NEW_URL, payload).status_code == 302  # to the login
    assert client.get(NEW_URL).status_code in (302, 405)
    assert not ArticleAutosave.objects.exists()


def test_get_is_not_allowed(client, journalist):
    client.force_login(journalist)
    assert client.get(NEW_URL).status_code == 405


def test_autosave_needs_the_csrf_token(journalist):
    article = draft_of(journalist)
    client = Client(enforce_csrf_checks=True)
    client.force_login(journalist)
    response = post_json(client, autosave_url(article), {"fields": {"title": "x"}})
    assert response.status_code == 403
    assert not ArticleAutosave.objects.exists()


@pytest.mark.usefixtures("one_rate_window")
def test_autosaves_are_rate_limited(client, journalist, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "autosave": "3/m"}
    article = draft_of(journalist)
    client.force_login(journalist)
    codes = [
        post_json(
            client, autosave_url(article), {"fields": {"title": f"T{n}"}}
        ).status_code
        for n in range(5)
    ]
    assert codes == [200, 200, 200, 429, 429]
    assert ArticleAutosave.objects.get().fields["title"] == "T2"


def test_reopening_offers_restore_and_discard(client, journalist):
    article = draft_of(journalist)
    client.force_login(journalist)
    post_json(client, autosave_url(article), {"fields": {"title": "Nach dem Absturz"}})

    html = client.get(change_url(article)).content.decode()
    assert "data-autosave-prompt" in html
    assert "Wiederherstellen" in html and "Verwerfen" in html

    restored = client.get(change_url(article) + "?autosave=restore").content.decode()
    assert 'value="Nach dem Absturz"' in restored
    assert "data-autosave-restored" in restored
    # The version is still the stored one: restoring stores nothing.
    assert f'name="loaded_version" value="{version_of(article)}"' in restored
    assert Article.objects.get(pk=article.pk).title == "Erste Fassung"

    discard = client.post(f"/admin/articles/article/{article.pk}/autosave/discard/")
    assert discard.status_code == 302
    assert not ArticleAutosave.objects.exists()
    assert (
        "data-autosave-prompt" not in client.get(change_url(article)).content.decode()
    )


def test_an_autosave_older_than_the_article_or_equal_to_it_is_not_offered(
    client, journalist
):
    article = draft_of(journalist)
    client.force_login(journalist)
    ArticleAutosave.objects.create(
        user=journalist,
        article=article,
        fields={"title": "Alt"},
        saved_at=article.updated_at - timedelta(minutes=5),
    )
    assert (
        "data-autosave-prompt" not in client.get(change_url(article)).content.decode()
    )
    ArticleAutosave.objects.filter(article=article).update(
        fields={"title": article.title}, saved_at=timezone.now()
    )
    assert (
        "data-autosave-prompt" not in client.get(change_url(article)).content.decode()
    )


def test_a_successful_save_removes_the_autosave(client, journalist, editor):
    article = draft_of(journalist)
    client.force_login(editor)
    post_json(client, autosave_url(article), {"fields": {"title": "Der Redaktion"}})
    client.force_login(journalist)
    post_json(client, autosave_url(article), {"fields": {"title": "Meins"}})
    response = client.post(
        change_url(article), edit(article, version_of(article), title="Meins")
    )
    assert response.status_code == 302
    # Only the saver's own autosave goes; the editor's stays theirs.
    assert list(ArticleAutosave.objects.values_list("user__username", flat=True)) == [
        "editor"
    ]
