import json
from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from ratings import voters
from ratings.models import RatingSummary, Vote
from tests.factories import ArticleFactory, UserFactory
from tests.ratings.helpers import assert_summary_matches_votes

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


def page_url(article, language="de") -> str:
    """Explicit paths: ``get_absolute_url`` follows the language last activated
    in this thread."""
    prefix = "" if language == "de" else f"/{language}"
    return f"{prefix}/artikel/{article.slug}/"


def vote_url(article, language="de") -> str:
    prefix = "" if language == "de" else f"/{language}"
    return f"{prefix}/artikel/{article.slug}/bewerten/"


def add_votes(article, scores):
    for number, score in enumerate(scores):
        Vote.objects.create(article=article, voter=f"seed-{number}", score=score)
    summary, _created = RatingSummary.objects.get_or_create(article=article)
    RatingSummary.objects.filter(pk=summary.pk).update(
        count=len(scores), total=sum(scores)
    )


# --- the widget on the article page -------------------------------------------


def test_article_page_shows_the_star_form_without_javascript(client, article):
    response = client.get(page_url(article))

    html = response.content.decode()
    assert response.status_code == 200
    assert f'action="{vote_url(article)}"' in html
    assert 'method="post"' in html
    assert html.count('type="radio" name="score"') == 5
    for score in range(1, 6):
        assert f'<label class="rating__star" for="rating-score-{score}">' in html
    assert "csrfmiddlewaretoken" in html
    assert "Noch nicht bewertet" in html
    assert 'src="/static/js/ratings.js" defer' in html


def test_article_page_shows_average_and_count_in_german(client, article):
    add_votes(article, [5] * 19 + [4] * 3 + [3])  # 23 votes, 4.7826…

    html = client.get(page_url(article)).content.decode()

    assert "Bewertung: 4,8 – 23 Stimmen" in html
    assert "4,8 von 5 Sternen, 23 Stimmen" in html


def test_article_page_shows_average_and_count_in_english(client, article):
    add_votes(article, [5] * 19 + [4] * 3 + [3])

    html = client.get(page_url(article, "en")).content.decode()

    assert "Rating: 4.8 – 23 votes" in html
    assert "4.8 of 5 stars, 23 votes" in html


def test_singular_and_thousands(client, article):
    add_votes(article, [4])
    assert (
        "Bewertung: 4,0 – 1 Stimme<" in client.get(page_url(article)).content.decode()
    )
    RatingSummary.objects.filter(article=article).update(count=2574, total=10296)
    html = client.get(page_url(article)).content.decode()
    assert "Bewertung: 4,0 – 2.574 Stimmen" in html
    html = client.get(page_url(article, "en")).content.decode()
    assert "Rating: 4.0 – 2,574 votes" in html


def test_switched_off_article_shows_no_widget(client, article):
    RatingSummary.objects.create(article=article, enabled=False)

    html = client.get(page_url(article)).content.decode()

    assert 'name="score"' not in html
    assert "rating__summary" not in html


def test_preview_of_a_draft_shows_no_form(client, editor):
    draft = ArticleFactory(status=Article.Status.DRAFT)
    client.force_login(editor)

    html = client.get(page_url(draft)).content.decode()

    assert 'name="score"' not in html
    assert "Bewertungen sind möglich, sobald der Artikel erschienen ist." in html


def test_json_ld_has_aggregate_rating_only_once_there_are_votes(client, article):
    def json_ld():
        html = client.get(page_url(article)).content.decode()
        start = html.index('<script type="application/ld+json">') + 35
        return json.loads(html[start : html.index("</script>", start)])

    assert "aggregateRating" not in json_ld()
    add_votes(article, [5, 4, 4])
    assert json_ld()["aggregateRating"] == {
        "@type": "AggregateRating",
        "ratingValue": 4.33,
        "ratingCount": 3,
        "bestRating": 5,
        "worstRating": 1,
    }


def test_widget_adds_no_query_to_the_article_page(client, article):
    """The summary arrives joined to the article: with votes, without votes and
    with the summary missing, the page runs the same queries, and none of them
    reads the votes."""

    def page_queries():
        cache.clear()  # both renders cold: the same fragments are rendered
        with CaptureQueriesContext(connection) as captured:
            assert client.get(page_url(article)).status_code == 200
        return [query["sql"] for query in captured.captured_queries]

    without_summary = page_queries()
    add_votes(article, [5, 3])
    with_votes = page_queries()

    assert len(with_votes) == len(without_summary) <= 8
    assert not any("ratings_vote" in sql for sql in with_votes)
    # The summary only ever comes joined to articles (this one, and the related
    # articles' cards), never from a query of its own.
    assert any("ratings_ratingsummary" in sql for sql in with_votes)
    assert not any('FROM "ratings_ratingsummary"' in sql for sql in with_votes)


# --- voting without JavaScript --------------------------------------------------


def test_form_post_records_the_vote_and_redirects_back_with_a_message(client, article):
    response = client.post(vote_url(article), {"score": "4"}, follow=True)

    assert response.redirect_chain == [(f"{page_url(article)}#rating", 302)]
    html = response.content.decode()
    assert "Danke! Sie haben diesen Artikel mit 4 Sternen bewertet." in html
    assert "Bewertung: 4,0 – 1 Stimme" in html
    assert assert_summary_matches_votes(article).count == 1


def test_first_vote_sets_a_signed_cookie_and_no_ip_is_stored(client, article):
    response = client.post(
        vote_url(article), {"score": "5"}, REMOTE_ADDR="203.0.113.77"
    )

    cookie = response.cookies[voters.COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    vote = Vote.objects.get()
    assert "203.0.113" not in vote.voter + vote.machine_key
    assert len(vote.voter) == 64 and len(vote.machine_key) == 32


def test_voting_again_changes_the_vote(client, article):
    client.post(vote_url(article), {"score": "2"})
    response = client.post(vote_url(article), {"score": "5"}, follow=True)

    assert "Ihre Bewertung wurde auf 5 Sterne geändert." in response.content.decode()
    vote = Vote.objects.get()
    assert vote.score == 5
    assert assert_summary_matches_votes(article).total == 5


def test_cleared_cookie_on_the_same_machine_does_not_add_a_vote(article):
    for _attempt in range(5):
        Client().post(vote_url(article), {"score": "5"}, REMOTE_ADDR="198.51.100.4")

    assert Vote.objects.count() == 1
    Client().post(vote_url(article), {"score": "1"}, REMOTE_ADDR="198.51.100.99")
    assert assert_summary_matches_votes(article).count == 2


def test_logged_in_users_vote_by_account(article):
    user = UserFactory()
    for address in ("198.51.100.1", "198.51.100.2"):
        client = Client()
        client.force_login(user)
        client.post(vote_url(article), {"score": "3"}, REMOTE_ADDR=address)

    assert Vote.objects.count() == 1
    other = Client()
    other.force_login(UserFactory())
    other.post(vote_url(article), {"score": "4"}, REMOTE_ADDR="198.51.100.1")
    assert assert_summary_matches_votes(article).count == 2


# --- voting with JavaScript (JSON) ---------------------------------------------


def test_json_vote_answers_the_new_average_and_count(client, article):
    add_votes(article, [5, 5, 4])

    response = client.post(vote_url(article), {"score": "3"}, **JSON)

    assert response.status_code == 201
    data = response.json()
    assert data["ok"] and data["created"]
    assert (data["average"], data["count"]) == (4.25, 4)
    assert data["label"] == "Bewertung: 4,3 – 4 Stimmen"  # 4.25, rounded half up
    assert data["spoken_label"] == "4,3 von 5 Sternen, 4 Stimmen"
    assert data["glyphs"] == "★★★★☆"
    assert data["compact_label"] == "★ 4,3 (4)"
    again = client.post(vote_url(article), {"score": "5"}, **JSON)
    assert again.status_code == 200
    assert again.json()["created"] is False
    assert again.json()["count"] == 4


def test_json_body_is_accepted(client, article):
    response = client.post(
        f"/en{vote_url(article)}",
        json.dumps({"score": 2}),
        content_type="application/json",
        **JSON,
    )

    assert response.status_code == 201
    assert response.json()["label"] == "Rating: 2.0 – 1 vote"


# --- bad input and abuse ----------------------------------------------------------


BAD_FORM_BODIES = [
    ({}, "missing"),
    ({"score": ""}, "empty"),
    ({"score": "0"}, "zero"),
    ({"score": "6"}, "six"),
    ({"score": "4.5"}, "fraction"),
    ({"score": "abc"}, "text"),
    ({"score": ["3", "4"]}, "list"),
]


@pytest.mark.parametrize(
    "body", [body for body, _ in BAD_FORM_BODIES], ids=[i for _, i in BAD_FORM_BODIES]
)
def test_bad_scores_are_400_with_a_clear_message_and_store_nothing(
    client, article, body
):
    response = client.post(vote_url(article), body)
    assert response.status_code == 400
    assert "Bitte wählen Sie eine Bewertung von 1 bis 5 ganzen Sternen." in (
        response.content.decode()
    )

    response = client.post(f"/en{vote_url(article)}", body, **JSON)
    assert response.status_code == 400
    assert response.json() == {
        "ok": False,
        "error": "Please choose a rating of 1 to 5 whole stars.",
    }
    assert not Vote.objects.exists()
    assert not RatingSummary.objects.filter(count__gt=0).exists()


@pytest.mark.parametrize(
    "payload",
    ['{"score": 4.5}', '{"score": true}', '{"score": [4]}', '{"score": null}', "[4]"],
)
def test_bad_json_scores_are_400(client, article, payload):
    response = client.post(
        vote_url(article), payload, content_type="application/json", **JSON
    )

    assert response.status_code == 400
    assert response.json()["ok"] is False
    assert not Vote.objects.exists()


def test_unreadable_json_is_400(client, article):
    response = client.post(
        vote_url(article), "{score", content_type="application/json", **JSON
    )

    assert response.status_code == 400
    assert response.json()["error"] == "Die Anfrage konnte nicht gelesen werden."


def test_oversized_body_is_400(client, article):
    response = client.post(
        vote_url(article), {"score": "4", "padding": "x" * 5000}, **JSON
    )

    assert response.status_code == 400
    assert response.json()["error"] == "Die Anfrage ist zu groß für eine Bewertung."
    assert not Vote.objects.exists()


def test_huge_body_is_refused_before_it_is_read(client, article):
    """Beyond DATA_UPLOAD_MAX_MEMORY_SIZE Django itself answers 400."""
    response = client.post(vote_url(article), {"score": "4", "p": "x" * 3_000_000})

    assert response.status_code == 400
    assert not Vote.objects.exists()


def test_unknown_article_is_404(client):
    url = "/artikel/gibt-es-nicht/bewerten/"
    assert client.post(url, {"score": "4"}).status_code == 404
    response = client.post(url, {"score": "4"}, **JSON)
    assert response.status_code == 404
    assert response.json()["error"] == (
        "Unter dieser Adresse ist kein Artikel erschienen."
    )


@pytest.mark.parametrize("status", [Article.Status.DRAFT, Article.Status.REVIEW])
def test_unpublished_article_is_404(client, editor, status):
    draft = ArticleFactory(status=status)
    client.force_login(editor)  # not even staff may vote on a draft

    assert client.post(vote_url(draft), {"score": "4"}).status_code == 404
    assert not Vote.objects.exists()


def test_scheduled_article_is_404(client):
    from datetime import timedelta

    from django.utils import timezone

    scheduled = ArticleFactory(publish_at=timezone.now() + timedelta(days=1))
    assert client.post(vote_url(scheduled), {"score": "4"}).status_code == 404


def test_switched_off_article_is_403(client, article):
    RatingSummary.objects.create(article=article, enabled=False)

    response = client.post(vote_url(article), {"score": "4"}, **JSON)

    assert response.status_code == 403
    assert (
        response.json()["error"] == "Bewertungen sind für diesen Artikel abgeschaltet."
    )
    assert not Vote.objects.exists()


def test_get_is_405(client, article):
    assert client.get(vote_url(article)).status_code == 405


def test_missing_csrf_token_is_403(article):
    client = Client(enforce_csrf_checks=True)

    assert client.post(vote_url(article), {"score": "4"}).status_code == 403
    assert not Vote.objects.exists()


def test_vote_with_the_live_requests_csrf_token_passes(article):
    # The cached page carries no token; its live request hands one out.
    client = Client(enforce_csrf_checks=True)
    client.get(page_url(article))
    token = client.post(f"/live/{article.pk}/").json()["csrf_token"]

    response = client.post(
        vote_url(article), {"score": "4", "csrfmiddlewaretoken": str(token)}
    )

    assert response.status_code == 302
    assert Vote.objects.count() == 1


@pytest.mark.usefixtures("one_rate_window")
def test_rate_limit_answers_429(client, article, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "vote": "3/m"}
    for score in (1, 2, 3):
        response = client.post(vote_url(article), {"score": score}, **JSON)
        assert response.status_code in (200, 201)

    response = client.post(vote_url(article), {"score": "5"}, **JSON)

    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    assert response.json()["error"].startswith(
        "Zu viele Bewertungen in kurzer Zeit. Bitte versuchen Sie es in "
    )
    assert Vote.objects.get().score == 3  # the refused vote changed nothing
    html = client.post(f"/en{vote_url(article)}", {"score": "5"}).content.decode()
    assert "Too many ratings in a short time." in html


def test_default_rate_limit_is_twenty_a_minute(client, article):
    # The limit counts in fixed minutes (core.ratelimit): 21 votes started
    # late in a minute on a slow machine straddled its end and all passed.
    # The clock starts one second into a minute and goes on as usual.
    start = timezone.now().replace(second=1, microsecond=0) + timedelta(minutes=1)
    with time_machine.travel(start, tick=True):
        answers = _twenty_one_votes(client, article)

    assert answers[:20] == [201] + [200] * 19
    assert answers[20] == 429


def _twenty_one_votes(client, article) -> list[int]:
    return [
        client.post(vote_url(article), {"score": 1 + n % 5}, **JSON).status_code
        for n in range(21)
    ]


# --- "best rated" on the home page ----------------------------------------------


def test_home_sidebar_lists_the_best_rated_articles(
    client, django_assert_max_num_queries
):
    many = ArticleFactory(title="Zweihundert Stimmen")
    add_votes(many, [5] * 160 + [4] * 40)
    single = ArticleFactory(title="Eine Stimme")
    add_votes(single, [5])
    ArticleFactory(title="Ohne Stimmen")

    # Cold cache, before the first most-read roll-up: the rankings are computed
    # live, 4 queries more than with one (tests/articles/test_views.py); one
    # more for the next scheduled publication (core.http_cache), and the
    # best-rated block ranks the summaries before it reads articles
    # (ratings.queries.best_rated_first).
    with django_assert_max_num_queries(15):
        html = client.get("/").content.decode()

    sidebar = html[html.index('id="best-rated-heading"') :]
    assert "Am besten bewertet" in html
    assert sidebar.index("Zweihundert Stimmen") < sidebar.index("Eine Stimme")
    assert "Ohne Stimmen" not in sidebar
    assert "4,8 von 5 Sternen, 200 Stimmen" in sidebar


def test_best_rated_block_is_cached(client):
    add_votes(ArticleFactory(title="Gut bewertet"), [5, 5])
    with CaptureQueriesContext(connection) as first:
        client.get("/")
    assert any("rating_score" in q["sql"] for q in first.captured_queries)
    with CaptureQueriesContext(connection) as cached:
        html = client.get("/").content.decode()

    assert "Gut bewertet" in html
    # The list of articles joins the summary too; only best_rated scores them.
    assert not any("rating_score" in q["sql"] for q in cached.captured_queries)
    # The labels are formatted at render time, in the reader's language.
    assert "5.0 of 5 stars, 2 votes" in client.get("/en/").content.decode()


def test_home_without_votes_has_no_best_rated_block(client, article):
    assert "best-rated" not in client.get("/").content.decode()
