"""Property-based tests: arbitrary input to every public form and endpoint.

Whatever a visitor sends, the answer is never a server error, and invalid input
stores nothing. Hypothesis generates strings (including control characters,
emoji, surrogate-free unicode, SQL and HTML fragments), numbers, JSON values and
oversized values.
"""

import json
from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from articles.models import Article
from comments.models import ArticleComment
from ratings.models import Vote
from tests.comments.conftest import form_data
from tests.factories import ArticleFactory

FUZZ = hypothesis_settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Text that includes what attackers and broken clients send.
nasty_text = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "",
            " ",
            "0",
            "-1",
            "4.5",
            "1e9",
            "NaN",
            "5; DROP TABLE articles_article;--",
            "' OR '1'='1",
            '"><script>alert(1)</script>',
            "\x00",
            "😀" * 50,
            "A" * 10_000,
            # What the outside review of issue #21 sent.
            "²",
            "①",
            "99999999999999999999",
            str(10**30),
            "-" + str(10**30),
            "Newline\r\nBcc: evil@example.org",
            "ctrl\x0bchar",
            "tag\x1b[31m",
            "&#11;",
            "%00",
            "&&&&&&&&",
        ]
    ),
)
# Numbers that fit no database column, and some that do.
huge_numbers = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from([2**31, 2**63, 2**63 - 1, 2**64, 10**20, 10**30]),
)
# Content types a form POST may claim.
body_content_types = st.sampled_from(
    [
        "application/x-www-form-urlencoded; charset=utf-16",
        "application/x-www-form-urlencoded; charset=latin-1",
        "application/x-www-form-urlencoded; charset=bogus",
        "multipart/form-data",
        "multipart/form-data; boundary=",
        "multipart/form-data; boundary=x",
        "text/plain",
        "application/json",
    ]
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(),
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=20,
)


@pytest.fixture
def article(db):
    return ArticleFactory(slug="fuzz")


@pytest.fixture
def no_rate_limits(settings):
    settings.RATE_LIMITS = {}


def valid_score(value) -> bool:
    return isinstance(value, str) and value.strip() in {"1", "2", "3", "4", "5"}


@FUZZ
@given(score=nasty_text)
def test_vote_form_never_fails_and_stores_only_valid_scores(
    article, no_rate_limits, score
):
    before = Vote.objects.count()
    response = Client().post(f"/artikel/{article.slug}/bewerten/", {"score": score})
    assert response.status_code in {302, 400}, response.status_code
    if response.status_code == 400:
        assert Vote.objects.count() == before
    else:
        assert valid_score(score)


@FUZZ
@given(body=json_values)
def test_vote_json_never_fails_and_stores_nothing_invalid(
    article, no_rate_limits, body
):
    before = Vote.objects.count()
    response = Client().post(
        f"/artikel/{article.slug}/bewerten/",
        json.dumps(body),
        content_type="application/json",
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code in {200, 201, 400}, response.status_code
    if response.status_code == 400:
        assert Vote.objects.count() == before
        assert "error" in response.json() or response.json()


@FUZZ
@given(
    value=nasty_text,
    extra=st.dictionaries(st.text(max_size=20), nasty_text, max_size=3),
)
def test_view_beacon_never_fails(article, settings, value, extra):
    settings.VIEW_COUNT_BEACON = True  # otherwise it does not exist (404)
    response = Client().post("/zaehler/aufruf/", {**extra, "article": value})
    assert response.status_code in {204, 400}, response.status_code


@FUZZ
@given(
    name=nasty_text,
    email=nasty_text,
    url=nasty_text,
    text=nasty_text,
    consent=st.sampled_from(["on", "", "off", "1"]),
)
def test_comment_form_never_fails_and_stores_nothing_invalid(
    article, no_rate_limits, name, email, url, text, consent
):
    before = ArticleComment.objects.count()
    data = form_data(
        article, name=name, email=email, url=url, comment=text, consent=consent
    )
    response = Client().post("/kommentare/senden/", data)
    assert response.status_code in {200, 302, 400}, response.status_code
    if response.status_code == 400:
        assert ArticleComment.objects.count() == before


@FUZZ
@given(
    field=st.sampled_from(
        ["content_type", "object_pk", "timestamp", "security_hash", "reply_to"]
    ),
    value=nasty_text,
)
def test_tampered_comment_fields_are_refused_without_storing(
    article, no_rate_limits, field, value
):
    data = form_data(article)
    if data[field] == value:
        return
    before = ArticleComment.objects.count()
    response = Client().post("/kommentare/senden/", {**data, field: value})
    assert response.status_code == 400, (field, value, response.status_code)
    assert ArticleComment.objects.count() == before


@FUZZ
@given(query=nasty_text)
def test_search_never_fails(article, no_rate_limits, query):
    response = Client().get("/suche/", {"q": query})
    assert response.status_code in {200, 400}, response.status_code


@FUZZ
@given(params=st.dictionaries(st.text(max_size=20), nasty_text, max_size=4))
def test_lists_and_feeds_ignore_or_refuse_odd_query_parameters(article, params):
    for url in ["/", "/feed/", "/feed/atom/", "/archiv/", "/sitemap.xml"]:
        response = Client().get(url, params)
        assert response.status_code in {200, 400, 404}, (url, response.status_code)


@FUZZ
@given(year=st.integers(min_value=0, max_value=10**12), month=st.integers(0, 10**6))
def test_archive_months_never_fail(article, year, month):
    response = Client().get(f"/archiv/{year}/{month}/")
    assert response.status_code in {200, 404}
    assert Article.objects.count() == 1


@FUZZ
@given(number=huge_numbers)
def test_comment_numbers_in_addresses_never_fail(article, number):
    client = Client()
    for url in [
        f"/kommentare/antworten/{abs(number)}/",
        f"/kommentare/gesendet/?c={number}",
        f"/?p={number}",
        f"/artikel/{article.slug}/?page={number}",
    ]:
        response = client.get(url)
        assert response.status_code < 500, (url, response.status_code)


@FUZZ
@given(reply_to=st.one_of(huge_numbers.map(str), nasty_text))
def test_replies_to_any_number_never_fail(article, no_rate_limits, reply_to):
    before = ArticleComment.objects.count()
    data = {**form_data(article), "reply_to": reply_to}
    response = Client().post("/kommentare/senden/", data)
    assert response.status_code in {200, 302, 400}, response.status_code
    if response.status_code == 400:
        assert ArticleComment.objects.count() == before


@FUZZ
@given(
    content_type=body_content_types,
    body=st.binary(max_size=200),
    url=st.sampled_from(["/kommentare/senden/", "/artikel/fuzz/bewerten/", "/suche/"]),
)
def test_posts_in_any_encoding_with_any_csrf_cookie_never_fail(
    article, content_type, body, url
):
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = "A" * 32
    response = client.generic("POST", url, body, content_type=content_type)
    assert 400 <= response.status_code < 500, response.status_code


@FUZZ
@given(path=nasty_text)
def test_unknown_addresses_never_fail(article, path):
    response = Client().get("/" + quote(path, safe="/"))
    assert response.status_code < 500, response.status_code
