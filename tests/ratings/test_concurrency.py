"""Real threads against the real database (SQLite in WAL mode with IMMEDIATE
transactions, and PostgreSQL): no vote may be lost or doubled."""

import threading

import pytest
from django.db import connection
from django.test import Client

from ratings import services, voters
from ratings.models import Vote
from tests.factories import ArticleFactory
from tests.ratings.helpers import assert_summary_matches_votes


def run_at_once(count: int, work) -> list:
    """Start ``count`` threads that call ``work(number)`` together; return
    their results (or the exceptions they raised)."""
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def target(number: int) -> None:
        try:
            barrier.wait()
            results[number] = work(number)
        except Exception as error:  # reported by the test, not lost in the thread
            results[number] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=target, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.django_db(transaction=True)
def test_fifty_visitors_voting_at_once_leave_fifty_votes():
    article = ArticleFactory()
    url = f"/artikel/{article.slug}/bewerten/"

    def vote(number: int) -> int:
        response = Client().post(
            url,
            {"score": str(1 + number % 5)},
            HTTP_ACCEPT="application/json",
            REMOTE_ADDR=f"192.0.2.{number + 1}",
        )
        return response.status_code

    results = run_at_once(50, vote)

    assert results == [201] * 50
    summary = assert_summary_matches_votes(article)
    assert summary.count == 50
    assert summary.total == sum(1 + n % 5 for n in range(50))  # 150


@pytest.mark.django_db(transaction=True)
def test_one_visitor_voting_twenty_times_at_once_leaves_one_vote():
    article = ArticleFactory()
    url = f"/artikel/{article.slug}/bewerten/"
    # The visitor's browser: one signed cookie, one address, one user agent.
    first = Client(REMOTE_ADDR="192.0.2.200", HTTP_USER_AGENT="Firefox/140")
    first.post(url, {"score": "3"}, HTTP_ACCEPT="application/json")
    cookie = first.cookies[voters.COOKIE_NAME].value

    def vote(number: int) -> int:
        client = Client(REMOTE_ADDR="192.0.2.200", HTTP_USER_AGENT="Firefox/140")
        client.cookies[voters.COOKIE_NAME] = cookie
        response = client.post(
            url, {"score": str(1 + number % 5)}, HTTP_ACCEPT="application/json"
        )
        return response.status_code

    results = run_at_once(19, vote)  # 20 votes in all: within "20/m"

    assert results == [200] * 19
    summary = assert_summary_matches_votes(article)
    assert summary.count == 1
    assert Vote.objects.get().score == summary.total


@pytest.mark.django_db(transaction=True)
def test_same_machine_without_cookies_voting_at_once_leaves_one_vote():
    """Twenty requests at once, none with a cookie (each would get a new one):
    today's machine key still makes them one vote."""
    article = ArticleFactory()
    url = f"/artikel/{article.slug}/bewerten/"

    def vote(number: int) -> int:
        client = Client(REMOTE_ADDR="192.0.2.201", HTTP_USER_AGENT="Firefox/140")
        return client.post(
            url, {"score": "4"}, HTTP_ACCEPT="application/json"
        ).status_code

    results = run_at_once(20, vote)

    assert sorted(results) == [200] * 19 + [201]
    assert assert_summary_matches_votes(article).count == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_votes_changes_and_resets_keep_the_summary_right():
    article = ArticleFactory()

    def work(number: int) -> None:
        for step in range(5):
            if number == 0 and step == 2:
                services.ratings_reset(article=article)
            else:
                services.rating_set(
                    article=article,
                    voter=f"voter-{number % 10}",  # pairs of threads share a voter
                    score=1 + (number + step) % 5,
                )

    results = run_at_once(20, work)

    assert results == [None] * 20
    assert_summary_matches_votes(article)
