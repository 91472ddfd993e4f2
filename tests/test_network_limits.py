"""Limits hold per network, whatever the User-Agent says (issue #21, 1).

A network is one IPv4 address or one IPv6 /64 (core.visitors.client_network).
Every request below comes from a fresh client (no cookies) with a User-Agent of
its own, as the outside review sent them.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from comments.models import ArticleComment
from counters.models import DailyViews
from ratings.models import RatingSummary, Vote
from tests.comments.conftest import form_data
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

OFFICE = "198.51.100.20"


def agent(number: int) -> str:
    return f"Mozilla/5.0 (X11; Linux x86_64) Firefox/{100 + number}.0"


def fresh(number: int, *, ip: str = OFFICE, **extra) -> dict:
    return {"REMOTE_ADDR": ip, "HTTP_USER_AGENT": agent(number), **extra}


@pytest.fixture
def article():
    """Published yesterday: comments are open."""
    return ArticleFactory(slug="offen", publish_at=timezone.now() - timedelta(days=1))


@pytest.fixture
def generous_rate_limits(settings):
    """The caps under test alone, not the per-minute rate limits."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "vote": "1000/m"}


def vote(number: int, article, **extra):
    return Client().post(
        f"/artikel/{article.slug}/bewerten/", {"score": 5}, **fresh(number, **extra)
    )


def test_one_network_adds_at_most_votes_per_network_votes_per_article_and_day(
    article, settings, generous_rate_limits
):
    settings.VOTES_PER_NETWORK = 5
    answers = [vote(number, article).status_code for number in range(30)]
    assert answers.count(302) == 5 and answers.count(429) == 25
    assert Vote.objects.count() == 5
    assert RatingSummary.objects.get(article=article).count == 5
    # Another network still votes; a second article has its own cap.
    assert vote(99, article, ip="203.0.113.50").status_code == 302
    assert vote(100, ArticleFactory()).status_code == 302


def test_addresses_of_one_ipv6_64_are_one_network(
    article, settings, generous_rate_limits
):
    settings.VOTES_PER_NETWORK = 2
    same_64 = [f"2001:db8:1:2::{n:x}" for n in range(1, 6)]
    answers = [vote(n, article, ip=ip).status_code for n, ip in enumerate(same_64)]
    assert answers == [302, 302, 429, 429, 429]
    assert vote(9, article, ip="2001:db8:1:3::1").status_code == 302  # next /64


def test_a_visitor_may_still_change_their_own_vote_over_the_cap(
    article, settings, generous_rate_limits
):
    settings.VOTES_PER_NETWORK = 1
    client = Client()
    url = f"/artikel/{article.slug}/bewerten/"
    assert client.post(url, {"score": 2}, **fresh(1)).status_code == 302
    assert client.post(url, {"score": 4}, **fresh(1)).status_code == 302
    assert Vote.objects.get().score == 4


def test_zero_switches_the_vote_cap_off(article, settings, generous_rate_limits):
    settings.VOTES_PER_NETWORK = 0
    assert all(vote(number, article).status_code == 302 for number in range(12))
    assert Vote.objects.count() == 12


@pytest.mark.usefixtures("one_rate_window")
def test_the_vote_rate_limit_holds_per_network_with_rotating_user_agents(
    article, settings
):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "vote": "3/m"}
    settings.VOTES_PER_NETWORK = 0
    answers = [vote(number, article).status_code for number in range(6)]
    assert answers == [302, 302, 302, 429, 429, 429]


@pytest.mark.usefixtures("one_rate_window")
def test_searches_are_limited_per_network_with_rotating_user_agents(article, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": "10/m"}
    answers = [
        Client().get("/suche/", {"q": "Vertrieb"}, **fresh(number)).status_code
        for number in range(13)
    ]
    assert answers.count(200) == 10 and answers.count(429) == 3


def test_comments_are_limited_per_network_with_rotating_user_agents(article, settings):
    settings.COMMENTS_XTD_THREADED_EMAILS = False
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "comment": "5/600"}
    answers = [
        Client()
        .post(
            "/kommentare/senden/",
            form_data(article, email=f"p{n}@example.org"),
            **fresh(n),
        )
        .status_code
        for n in range(8)
    ]
    assert answers.count(302) == 5 and answers.count(429) == 3
    assert len(mail.outbox) == 5


def test_confirmation_mails_to_one_address_are_limited_per_hour_from_any_network(
    article, settings
):
    settings.COMMENTS_XTD_THREADED_EMAILS = False
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "confirmation_mail": "3/h"}
    victim = "Opfer@Example.org"
    answers = [
        Client()
        .post(
            "/kommentare/senden/",
            form_data(article, email=victim if n % 2 else victim.lower()),
            **fresh(n, ip=f"203.0.113.{n + 1}"),
        )
        .status_code
        for n in range(20)
    ]
    assert answers.count(302) == 3 and answers.count(429) == 17
    assert len(mail.outbox) == 3
    assert ArticleComment.objects.count() == 0
    # Someone else's address is not affected.
    other = form_data(article, email="leser@example.org")
    assert Client().post("/kommentare/senden/", other, **fresh(50)).status_code == 302


def counted(article) -> int:
    return sum(
        DailyViews.objects.filter(article=article).values_list("count", flat=True)
    )


def test_one_network_adds_at_most_view_count_per_network_views_per_window(
    article, settings
):
    settings.VIEW_COUNT_PER_NETWORK = 30
    for number in range(100):
        assert (
            Client().get(article.get_absolute_url(), **fresh(number)).status_code == 200
        )
    assert counted(article) == 30
    Client().get(article.get_absolute_url(), **fresh(1, ip="203.0.113.77"))
    assert counted(article) == 31


def test_zero_switches_the_view_cap_off(article, settings):
    settings.VIEW_COUNT_PER_NETWORK = 0
    for number in range(40):
        Client().get(article.get_absolute_url(), **fresh(number))
    assert counted(article) == 40


def test_the_beacon_exists_only_when_switched_on(article, settings):
    settings.VIEW_COUNT_BEACON = False
    for number in range(20):
        response = Client().post(
            "/zaehler/aufruf/", {"article": article.pk}, **fresh(number)
        )
        assert response.status_code == 404
    assert counted(article) == 0


def test_the_beacon_applies_the_network_cap(article, settings):
    settings.VIEW_COUNT_BEACON = True
    settings.VIEW_COUNT_PER_NETWORK = 30
    for number in range(200):
        response = Client().post(
            "/zaehler/aufruf/", {"article": article.pk}, **fresh(number)
        )
        assert response.status_code == 204
    assert counted(article) == 30
