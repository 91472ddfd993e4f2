"""Who else is editing: heartbeats, the notice, the editors' take-over."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import ArticleEditLock
from tests.articles.newsroom.test_versions import change_url, draft_of
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def beat(client, article, had_lock=False):
    return client.post(
        f"/admin/articles/article/{article.pk}/heartbeat/",
        {"had_lock": "1" if had_lock else "0"},
        HTTP_ACCEPT="application/json",
    )


def test_second_person_sees_who_is_editing_since_when(client, journalist, editor):
    journalist.first_name, journalist.last_name = "Katharina", "Brückner"
    journalist.save()
    article = draft_of(journalist)
    client.force_login(journalist)
    assert beat(client, article).json() == {"state": "mine", "message": ""}
    since = timezone.localtime(ArticleEditLock.objects.get().since).strftime("%H:%M")

    client.force_login(editor)
    html = client.get(change_url(article)).content.decode()
    expected = f"Wird gerade von Katharina Brückner bearbeitet (seit {since})"
    assert expected in html
    assert beat(client, article).json() == {"state": "other", "message": expected}
    assert ArticleEditLock.objects.get().user == journalist


def test_an_editor_takes_over_and_the_first_person_is_told(client, journalist, editor):
    article = draft_of(journalist)
    client.force_login(journalist)
    beat(client, article)

    client.force_login(editor)
    response = client.post(f"/admin/articles/article/{article.pk}/take-over/")
    assert response.status_code == 302
    assert ArticleEditLock.objects.get().user == editor

    client.force_login(journalist)
    told = beat(client, article, had_lock=True).json()
    assert told["state"] == "taken"
    assert "hat die Bearbeitung dieses Artikels übernommen" in told["message"]


def test_journalists_may_not_take_over(client, journalist, editor):
    article = draft_of(journalist)
    client.force_login(editor)
    beat(client, article)
    client.force_login(journalist)
    html = client.get(change_url(article)).content.decode()
    assert "data-take-over" not in html
    response = client.post(f"/admin/articles/article/{article.pk}/take-over/")
    assert response.status_code == 403
    assert ArticleEditLock.objects.get().user == editor


def test_a_stale_lock_is_free(client, journalist, editor, settings):
    article = draft_of(journalist)
    ArticleEditLock.objects.create(
        article=article,
        user=editor,
        heartbeat_at=timezone.now()
        - timedelta(seconds=4 * settings.ARTICLE_EDIT_HEARTBEAT_SECONDS),
    )
    client.force_login(journalist)
    assert "Wird gerade von" not in client.get(change_url(article)).content.decode()
    assert beat(client, article).json()["state"] == "mine"
    assert ArticleEditLock.objects.get().user == journalist


def test_bad_heartbeats(client, journalist, moderator):
    foreign = ArticleFactory()
    client.force_login(journalist)
    assert beat(client, foreign).status_code == 404
    assert (
        client.get(f"/admin/articles/article/{foreign.pk}/heartbeat/").status_code
        == 405
    )
    client.force_login(moderator)
    assert beat(client, foreign).status_code in (403, 404)
    assert not ArticleEditLock.objects.exists()
