"""The counting beacon for sites that cache whole pages (the article page itself
uses its live request, articles.views.live)."""

import pytest

from articles.models import Article
from counters.models import DailyViews
from tests.counters.helpers import BROWSER, total, visit
from tests.factories import ArticleFactory, StaffFactory

pytestmark = pytest.mark.django_db

URL = "/zaehler/aufruf/"


@pytest.fixture(autouse=True)
def _beacon_mode(settings):
    settings.VIEW_COUNT_BEACON = True


def beacon(client, data, *, ip="203.0.113.7", ua=BROWSER, **extra):
    return client.post(URL, data, REMOTE_ADDR=ip, HTTP_USER_AGENT=ua, **extra)


def test_page_does_not_count_but_loads_the_live_script(client, article):
    # The page's one live request counts (tests/articles/test_live.py); this
    # older beacon stays for pages cached elsewhere.
    html = visit(client, article).content.decode()
    assert total(article) == 0
    assert f'src="/static/js/live.js" data-live-url="/live/{article.pk}/"' in html
    assert "view-beacon.js" not in html


def test_beacon_counts_and_answers_204(client, article):
    response = beacon(client, {"article": article.pk}, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 204
    assert response.content == b""
    assert total(article) == 1


def test_beacon_works_in_english_too(client, article):
    response = client.post(
        "/en" + URL,
        {"article": article.pk},
        REMOTE_ADDR="1.2.3.4",
        HTTP_USER_AGENT=BROWSER,
    )
    assert response.status_code == 204


def test_beacon_applies_the_same_rules(client, article, settings):
    beacon(client, {"article": article.pk})
    beacon(client, {"article": article.pk})  # same visitor within 30 minutes
    beacon(client, {"article": article.pk}, ua="Googlebot/2.1", ip="198.51.100.1")
    beacon(
        client, {"article": article.pk}, ip="198.51.100.2", HTTP_SEC_PURPOSE="prefetch"
    )
    assert total(article) == 1
    client.force_login(StaffFactory(username="redakteur"))
    assert beacon(client, {"article": article.pk}, ip="198.51.100.3").status_code == 204
    assert total(article) == 1


@pytest.mark.parametrize(
    "data", [{}, {"article": "abc"}, {"article": "0"}, {"article": "999999"}]
)
def test_bad_input_is_a_clear_400(client, data):
    response = beacon(client, data)
    assert response.status_code == 400
    assert "article" in response.json()["errors"]
    assert not DailyViews.objects.exists()


def test_drafts_cannot_be_counted(client):
    draft = ArticleFactory(status=Article.Status.DRAFT)
    response = beacon(client, {"article": draft.pk})
    assert response.status_code == 400
    assert "Kein veröffentlichter Artikel" in response.json()["errors"]["article"][0]


def test_only_post(client, article):
    assert client.get(URL, {"article": article.pk}).status_code == 405
    assert total(article) == 0


def test_other_sites_cannot_count(client, article):
    response = beacon(
        client, {"article": article.pk}, HTTP_ORIGIN="https://evil.example"
    )
    assert response.status_code == 403
    response = beacon(client, {"article": article.pk}, HTTP_SEC_FETCH_SITE="cross-site")
    assert response.status_code == 403
    response = beacon(client, {"article": article.pk}, HTTP_ORIGIN="null")
    assert response.status_code == 403
    assert total(article) == 0


def test_beacon_costs_a_read_the_count_and_its_window_bookkeeping(
    client, article, django_assert_max_num_queries
):
    # The article check, the window (a read and a write), the network's count
    # and the count itself (core.windows keeps the window in the database on
    # the embedded default).
    with django_assert_max_num_queries(5):
        assert beacon(client, {"article": article.pk}).status_code == 204
    with django_assert_max_num_queries(2):  # not counted: the checks only
        assert beacon(client, {"article": article.pk}).status_code == 204
