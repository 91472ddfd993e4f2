"""Bad input is a 4xx, never a 500: the inputs of the outside review
(issue #21, 10), on SQLite and on PostgreSQL."""

import pytest
from django.contrib import admin
from django.test import Client

from comments.models import ArticleComment
from core.admin import BoundedDateChangeList
from tests.comments.conftest import form_data
from tests.factories import ArticleFactory, StaffFactory

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"


@pytest.fixture
def reader():
    return Client(raise_request_exception=False)


@pytest.fixture
def open_article():
    return ArticleFactory(slug="offen")


@pytest.mark.parametrize(
    "url",
    [
        "/?p=²",
        "/?p=①",
        "/?p=" + HUGE,
        f"/kommentare/antworten/{HUGE}/",
        f"/kommentare/gesendet/?c={HUGE}",
        f"/artikel/offen/?page={HUGE}",
        "/gibt-es-nicht%00/",
        "/suche/?q=%00",
        "/artikel/offen/%00",
    ],
)
def test_odd_addresses_are_never_server_errors(reader, open_article, url):
    response = reader.get(url)
    assert response.status_code < 500, (url, response.status_code)


def test_reply_to_a_comment_number_out_of_range_is_refused(reader, open_article):
    data = form_data(open_article, reply_to=10**30)
    response = reader.post("/kommentare/senden/", data)
    assert response.status_code == 400
    assert ArticleComment.objects.count() == 0


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/x-www-form-urlencoded; charset=utf-16", b"a=b&c=d"),
        ("application/x-www-form-urlencoded; charset=bogus", b"a=b"),
        ("multipart/form-data", b"--x\r\n\r\n"),
        ("multipart/form-data; boundary=", b"--x\r\n\r\n"),
    ],
)
@pytest.mark.parametrize(
    "url", ["/kommentare/senden/", "/artikel/offen/bewerten/", "/admin/login/"]
)
def test_unreadable_bodies_are_client_errors_with_any_csrf_cookie(
    open_article, url, content_type, body
):
    client = Client(raise_request_exception=False, enforce_csrf_checks=True)
    client.cookies["csrftoken"] = "A" * 32
    response = client.generic("POST", url, body, content_type=content_type)
    assert response.status_code in {400, 403}, response.status_code
    assert ArticleComment.objects.count() == 0


@pytest.mark.parametrize(
    "url",
    [
        f"/admin/articles/article/?publish_at__year={HUGE}",
        "/admin/articles/article/?publish_at__year=9999",
        f"/admin/articles/article/?publish_at__year=2024&publish_at__month={HUGE}",
        f"/admin/comments/articlecomment/?submit_date__year={HUGE}",
        f"/admin/ratings/vote/?updated_at__year={HUGE}",
        f"/admin/counters/dailyviews/?day__year={HUGE}",
        # django-axes' login logs: third-party admins get the same bound.
        f"/admin/axes/accessattempt/?attempt_time__year={HUGE}",
        "/admin/axes/accesslog/?attempt_time__year=9999",
        f"/admin/axes/accessfailurelog/?attempt_time__year={HUGE}",
        f"/admin/ratings/ratingsummary/{HUGE}/change/",
        f"/admin/comments/articlecomment/{HUGE}/change/",
        f"/admin/articles/article/{HUGE}/change/",
    ],
)
def test_staff_addresses_with_numbers_out_of_range_are_not_server_errors(url):
    client = Client(raise_request_exception=False)
    client.force_login(StaffFactory(is_superuser=True))
    response = client.get(url)
    assert response.status_code in {200, 302, 404}, (url, response.status_code)


def test_every_admin_with_a_date_hierarchy_bounds_it():
    for model, model_admin in admin.site._registry.items():
        if model_admin.date_hierarchy:
            changelist = model_admin.get_changelist(None)
            assert issubclass(changelist, BoundedDateChangeList), model
