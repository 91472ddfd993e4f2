from datetime import timedelta

import pytest
from django.contrib import admin
from django.utils import timezone

from articles.models import Article
from counters.services import view_record, view_total_set
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/articles/article/"


def test_article_admin_keeps_its_own_behaviour():
    from articles.admin import ArticleAdmin as Base

    registered = admin.site.get_model_admin(Article)
    assert isinstance(registered, Base)
    assert registered.list_display[: len(Base.list_display)] == Base.list_display
    assert registered.actions == Base.actions


def test_views_column_is_shown_and_sortable(
    client, editor, django_assert_max_num_queries
):
    few, many = ArticleFactory(title="Wenig"), ArticleFactory(title="Viel")
    view_record(article_id=few.pk, views=3)
    view_total_set(article_id=many.pk, total=12345)
    client.force_login(editor)
    index = admin.site.get_model_admin(Article).list_display.index("views_column")
    with django_assert_max_num_queries(12):
        response = client.get(LIST_URL, {"o": f"-{index + 1}"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<td class="field-views_column">12.345</td>' in html
    assert '<td class="field-views_column">3</td>' in html
    assert list(response.context["cl"].result_list) == [many, few]
    ascending = client.get(LIST_URL, {"o": f"{index + 1}"})
    assert list(ascending.context["cl"].result_list) == [few, many]


def test_change_page_shows_a_30_day_chart(client, editor):
    article = ArticleFactory()
    today = timezone.localdate()
    view_record(article_id=article.pk, day=today, views=7)
    view_record(article_id=article.pk, day=today - timedelta(days=3), views=2)
    view_record(article_id=article.pk, day=today - timedelta(days=40), views=500)
    client.force_login(editor)
    html = client.get(f"{LIST_URL}{article.pk}/change/").content.decode()
    assert html.count('<rect x="') == 30
    assert 'role="img"' in html
    assert "Aufrufe pro Tag, letzte 30 Tage: insgesamt 9 Artikelaufrufe" in html
    assert "7 Artikelaufrufe</title>" in html
    start = timezone.localdate() - timedelta(days=29)
    assert f"{start:%d.%m.%Y} – {today:%d.%m.%Y}" in html
    assert "<script" not in html.split('class="views-chart"')[1].split("</svg>")[0]


def test_add_page_still_works(client, editor):
    client.force_login(editor)
    response = client.get(f"{LIST_URL}add/")
    assert response.status_code == 200
    assert 'class="views-chart"' not in response.content.decode()
