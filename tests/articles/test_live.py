"""The page's one live request, ``POST /live/<id>/`` (articles.views.live):
counts the view under the counters' rules when DJANGO_VIEW_COUNT_BEACON is on
and answers the live parts as JSON."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from articles import hooks
from articles.views import live_articles_forget
from comments.models import ArticleComment
from counters.services import view_total_set
from ratings.models import Vote
from ratings.services import rating_set
from tests.comments.conftest import form_data
from tests.counters.helpers import BROWSER, total
from tests.factories import ArticleFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return ArticleFactory(publish_at=timezone.now() - timedelta(days=1))


def live(client, article, *, ip="203.0.113.7", ua=BROWSER, prefix="", **extra):
    return client.post(
        f"{prefix}/live/{article.pk}/",
        REMOTE_ADDR=ip,
        HTTP_USER_AGENT=ua,
        **extra,
    )


def test_answers_the_live_parts(client, article):
    rating_set(article=article, voter="v1", machine_key="m1", network_key="n1", score=4)
    response = live(client, article)
    assert response.status_code == 200
    data = response.json()
    assert data["article"] == article.pk
    assert data["csrf_token"]
    assert data["views_label"] == "0 Artikelaufrufe"
    assert data["rating"]["count"] == 1 and data["rating"]["average"] == 4
    assert data["comments_open"] is True
    assert set(data["comment_form"]) == {"timestamp", "security_hash", "nonce"}
    assert len(response.content) < 1000
    assert response.cookies["csrftoken"].value


def test_english_numbers(client, article, settings):
    settings.VIEW_COUNT_BEACON = True
    view_total_set(article_id=article.pk, total=1233)
    data = live(client, article, prefix="/en").json()
    assert data["views"] == 1234 and data["views_label"] == "1,234 views"


def test_counts_only_with_the_beacon_setting(client, article, settings):
    live(client, article)
    assert total(article) == 0  # the page request counts (embedded default)
    settings.VIEW_COUNT_BEACON = True
    assert live(client, article).json()["views"] == 1
    assert total(article) == 1


def test_counts_under_the_counters_rules(client, article, settings):
    settings.VIEW_COUNT_BEACON = True
    live(client, article)
    live(client, article)  # the same visitor within 30 minutes
    live(client, article, ip="198.51.100.1", ua="Googlebot/2.1")
    live(client, article, ip="198.51.100.2", HTTP_SEC_PURPOSE="prefetch")
    staff = Client()
    staff.force_login(StaffFactory())
    live(staff, article, ip="198.51.100.4")
    assert total(article) == 1
    live(client, article, ip="198.51.100.3")
    assert total(article) == 2


def test_page_does_not_count_with_the_beacon_setting(client, article, settings):
    settings.VIEW_COUNT_BEACON = True
    client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    assert total(article) == 0


def test_refuses_drafts_unknown_gets_and_other_sites(client, article):
    assert live(client, ArticleFactory(status="draft")).status_code == 404
    assert client.post("/live/999999/").status_code == 404
    assert client.get(f"/live/{article.pk}/").status_code == 405
    other = live(client, article, HTTP_ORIGIN="https://evil.example")
    assert other.status_code == 403
    assert live(client, article, HTTP_SEC_FETCH_SITE="cross-site").status_code == 403


def test_needs_no_csrf_token(article):
    client = Client(enforce_csrf_checks=True)
    assert live(client, article).status_code == 200


def test_readers_without_a_session_take_the_short_way(client, article, settings):
    """articles.middleware answers readers without a session cookie before
    the session, authentication and message middleware: the same answer as
    the full way (a logged-in reader's), without touching a session."""
    settings.VIEW_COUNT_BEACON = True
    reader = Client()
    reader.force_login(UserFactory())
    full = live(reader, article, ip="198.51.100.20")
    short = live(client, article, ip="198.51.100.21")
    assert short.status_code == full.status_code == 200
    assert set(short.json()) == set(full.json())
    assert total(article) == 2  # both counted
    assert hasattr(full.wsgi_request, "session")
    assert not hasattr(short.wsgi_request, "session")  # no session was read
    assert list(short.cookies) == ["csrftoken"]
    assert short["Cache-Control"].startswith("max-age=0, no-cache, no-store")
    assert short["X-Content-Type-Options"] == "nosniff"  # security headers


def test_short_way_checks_the_host(client, article):
    response = live(client, article, HTTP_HOST="evil.example")
    assert response.status_code == 400


def test_query_budget(client, article, settings, django_assert_max_num_queries):
    settings.VIEW_COUNT_BEACON = True
    live(client, article)
    # Content version, the article with its summaries, the visitor window and
    # the network cap, the counted view.
    with django_assert_max_num_queries(6):
        assert live(client, article, ip="198.51.100.9").status_code == 200


def test_readers_in_the_same_second_share_the_article_read(
    client, article, settings, monkeypatch, django_assert_num_queries
):
    """The article with its summaries and the content version (which applies
    due scheduled updates) are read once per ``LIVE_ARTICLE_SECONDS``, not
    once per reader; each reader's own view is still looked up and counted."""
    settings.VIEW_COUNT_BEACON = True
    monkeypatch.setattr("articles.views.LIVE_ARTICLE_SECONDS", 60)
    live(client, article)
    # The visitor window (a read, then the mark), the network cap, the view;
    # the total shown is the one read with the article, plus this view.
    with django_assert_num_queries(4):
        assert live(client, article, ip="198.51.100.9").json()["views"] == 1
    with django_assert_num_queries(1):  # a reload: the window's read only
        assert live(client, article, ip="198.51.100.9").json()["views"] == 0
    assert total(article) == 2


def test_apps_contribute_through_the_registry(client, article):
    def extra(article, request):
        return {"extra": article.pk}

    with hooks.LIVE_DATA.temporarily(extra):
        assert live(client, article).json()["extra"] == article.pk
    assert "extra" not in live(client, article, ip="198.51.100.5").json()


def test_rating_fallback_without_token_keeps_the_score(article):
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"/artikel/{article.slug}/bewerten/", {"score": "4"})
    assert response.status_code == 403
    html = response.content.decode()
    assert 'value="4" id="rating-score-4" required checked' in html
    token = response.context["csrf_token"]
    assert token
    again = client.post(
        f"/artikel/{article.slug}/bewerten/",
        {"score": "4", "csrfmiddlewaretoken": token},
    )
    assert again.status_code == 302
    assert Vote.objects.get().score == 4


def test_comment_fallback_without_token_keeps_the_text(article):
    client = Client(enforce_csrf_checks=True)
    data = form_data(article, comment="Mein langer Kommentar, nicht verloren.")
    for field in ("timestamp", "security_hash", "nonce"):
        data[field] = ""  # as on the cached page without JavaScript
    response = client.post("/kommentare/senden/", data)
    assert response.status_code == 403
    html = response.content.decode()
    assert "Mein langer Kommentar, nicht verloren." in html
    assert data["name"] in html and data["email"] in html
    context = response.context
    resent = {**data, "csrfmiddlewaretoken": context["csrf_token"]}
    resent.update({f: context["form"].initial[f] for f in ("timestamp", "nonce")})
    resent["security_hash"] = context["form"].initial["security_hash"]
    answer = client.post("/kommentare/senden/", resent)
    # Sent at once, yet not taken for spam (the form was shown before): the
    # confirmation mail goes out.
    assert answer.status_code == 302
    assert not ArticleComment.objects.exists()  # no spam kept
    assert len(mail.outbox) == 1


def test_comment_without_the_signed_fields_gets_the_form_again(client, article):
    data = form_data(article, comment="Ohne Skript geschrieben.")
    for field in ("timestamp", "security_hash", "nonce"):
        data[field] = ""
    response = client.post("/kommentare/senden/", data)
    assert response.status_code == 400
    assert "Ohne Skript geschrieben." in response.content.decode()


def test_the_live_answers_fields_and_token_make_a_valid_comment(article, settings):
    settings.COMMENTS_MIN_SUBMIT_SECONDS = 0
    client = Client(enforce_csrf_checks=True)
    data = live(client, article).json()
    form = form_data(article, comment="Mit den Feldern der Live-Antwort.")
    form.update(data["comment_form"], csrfmiddlewaretoken=data["csrf_token"])
    response = client.post("/kommentare/senden/", form)
    assert response.status_code == 302
    assert len(mail.outbox) == 1


def test_rating_labels_follow_the_votes_and_the_language(client, article):
    """The summary's labels are formatted once per sums and language
    (ratings.hooks): a new vote or the other language gets its own."""
    rating_set(article=article, voter="v1", machine_key="m1", network_key="n1", score=4)
    assert live(client, article).json()["rating"]["label"] == (
        "Bewertung: 4,0 – 1 Stimme"
    )
    rating_set(article=article, voter="v2", machine_key="m2", network_key="n2", score=5)
    live_articles_forget()  # the article as read a second later
    german = live(client, article, ip="198.51.100.6").json()["rating"]
    english = live(client, article, ip="198.51.100.7", prefix="/en").json()["rating"]
    assert german["label"] == "Bewertung: 4,5 – 2 Stimmen"
    assert german["compact_label"] == "★ 4,5 (2)" and german["count"] == 2
    assert english["label"] == "Rating: 4.5 – 2 votes"
