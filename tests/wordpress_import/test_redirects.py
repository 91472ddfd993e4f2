"""Old WordPress addresses answer 301 to the imported article."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from tests.factories import ArticleFactory
from tests.wordpress_import.helpers import run
from wordpress_import.models import LegacyURL, WordPressObject

pytestmark = pytest.mark.django_db


@pytest.fixture
def old(article):
    LegacyURL.objects.create(path="/2023/05/messe-hannover/", article=article)
    LegacyURL.objects.create(path="/2023/05/über-umlaute/", article=article)
    WordPressObject.objects.create(
        kind=WordPressObject.Kind.POST, wp_id=101, object_id=article.pk
    )
    return article


@pytest.mark.parametrize(
    "path",
    [
        "/2023/05/messe-hannover/",
        "/2023/05/messe-hannover",  # without the trailing slash
        "/2023/05/%C3%BCber-umlaute/",  # percent-encoded, as browsers send it
        "/?p=101",
    ],
)
def test_old_addresses_answer_301(client, old, path):
    response = client.get(path)
    assert response.status_code == 301
    assert response["Location"] == f"/artikel/{old.slug}/"


def test_imported_addresses_redirect_end_to_end(client, fixtures):
    run(fixtures / "magazin.xml")
    response = client.get("/2023/05/hannover-messe-2023/")  # an old slug
    assert response.status_code == 301
    assert response["Location"] == "/artikel/messe-hannover/"
    assert client.get(response["Location"]).status_code == 200


def test_unknown_paths_and_ids_stay_404_or_home(client, old):
    assert client.get("/2023/05/gibt-es-nicht/").status_code == 404
    assert client.get("/?p=999").status_code == 200  # the home page, as before
    assert client.get("/?p=abc").status_code == 200


def test_no_redirect_to_drafts(client, old):
    Article.objects.filter(pk=old.pk).update(status=Article.Status.DRAFT)
    assert client.get("/2023/05/messe-hannover/").status_code == 404
    assert client.get("/?p=101").status_code == 200


def test_post_requests_are_not_redirected(client, old):
    assert client.post("/2023/05/messe-hannover/").status_code == 404


@pytest.mark.parametrize("page", ["article", "home"])
def test_normal_pages_run_no_legacy_lookup(client, old, page):
    url = ArticleFactory().get_absolute_url() if page == "article" else "/?page=1"
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    sql = " ".join(query["sql"] for query in captured.captured_queries)
    assert "articles_legacyurl" not in sql
    assert "articles_wordpressobject" not in sql


def test_admin_lists_old_addresses(admin_client, old):
    response = admin_client.get("/admin/wordpress_import/legacyurl/?q=messe")
    assert response.status_code == 200
    assert "/2023/05/messe-hannover/" in response.content.decode()
