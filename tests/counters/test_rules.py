"""What counts as a view of the article page (middleware mode)."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from articles.models import Article
from counters.bots import is_bot
from tests.counters.helpers import BROWSER, daily, total, visit
from tests.factories import ArticleFactory, StaffFactory

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")


def test_a_browser_get_counts_once(client, article):
    response = visit(client, article)
    assert response.status_code == 200
    assert total(article) == 1


def test_distinct_visitors_count_separately(client, article):
    visit(client, article, ip="203.0.113.1")
    visit(client, article, ip="203.0.113.2")
    visit(client, article, ip="203.0.113.2", ua=BROWSER + " Firefox")
    assert total(article) == 3


@pytest.mark.parametrize(
    "user_agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/131.0",
        "python-requests/2.32.3",
        "Googlebot",
        "SomeNewSpider",
        "curl/8.5.0",
        "",
        "   ",
    ],
)
def test_bots_do_not_count(client, article, user_agent):
    assert visit(client, article, ua=user_agent).status_code == 200
    assert total(article) == 0


def test_bot_list_is_extensible_in_one_place(monkeypatch):
    from counters import bots

    agent = BROWSER + " RedaktionsTestAgent/1.0"
    assert not bots.is_bot(agent)
    monkeypatch.setattr(
        bots, "_extra", bots.re.compile("redaktionstestagent", bots.re.I)
    )
    bots.is_bot.cache_clear()
    try:
        assert bots.is_bot(agent)
    finally:
        bots.is_bot.cache_clear()


def test_ordinary_browsers_are_not_bots():
    for agent in [
        BROWSER,
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
        "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0",
        "Mozilla/5.0 (Linux; Android 12; CUBOT X50) AppleWebKit/537.36 (KHTML, like "
        "Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
    ]:
        assert not is_bot(agent), agent


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_PURPOSE": "prefetch"},
        {"HTTP_SEC_PURPOSE": "prefetch;prerender"},
        {"HTTP_PURPOSE": "prefetch"},
        {"HTTP_X_MOZ": "prefetch"},
        {"HTTP_X_PURPOSE": "preview"},
    ],
)
def test_prefetch_and_prerender_do_not_count(client, article, headers):
    assert visit(client, article, **headers).status_code == 200
    assert total(article) == 0


def test_head_does_not_count(client, article):
    response = client.head(
        article.get_absolute_url(), REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT=BROWSER
    )
    assert response.status_code == 200
    assert total(article) == 0


def test_errors_and_unknown_articles_do_not_count(client, article):
    response = client.get("/artikel/gibt-es-nicht/", HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 404
    draft = ArticleFactory(status=Article.Status.DRAFT)
    assert visit(client, draft).status_code == 404
    assert total(draft) == 0
    assert visit(client, article, QUERY_STRING="x=1").status_code == 200
    assert total(article) == 1


def test_staff_do_not_count_unless_the_setting_says_so(client, article, settings):
    client.force_login(StaffFactory(username="redakteurin", is_superuser=True))
    visit(client, article)
    assert total(article) == 0
    settings.VIEW_COUNT_STAFF = True
    visit(client, article)
    assert total(article) == 1


def test_logged_in_readers_who_are_not_staff_count(client, article):
    from tests.factories import UserFactory

    client.force_login(UserFactory(username="leserin"))
    visit(client, article, ip="203.0.113.1")
    # Same session from another address: the session key identifies the reader.
    visit(client, article, ip="198.51.100.9")
    assert total(article) == 1


def test_previews_of_drafts_never_count(client, editor, settings):
    settings.VIEW_COUNT_STAFF = True
    draft = ArticleFactory(status=Article.Status.DRAFT)
    scheduled = ArticleFactory(publish_at=datetime.now(BERLIN) + timedelta(days=1))
    client.force_login(editor)
    for article in (draft, scheduled):
        response = visit(client, article)
        assert response.status_code == 200 and response.context["is_preview"]
        assert total(article) == 0


def test_made_up_session_cookies_do_not_make_new_visitors(client, article):
    for number in range(5):
        client.cookies["sessionid"] = f"ausgedacht{number:030d}"
        visit(client, article)
    assert total(article) == 1


def test_repeated_views_within_30_minutes_count_once(client, article):
    start = datetime(2026, 3, 10, 9, 0, tzinfo=BERLIN)
    with time_machine.travel(start, tick=False) as traveller:
        visit(client, article)
        traveller.shift(timedelta(minutes=10))
        visit(client, article)
        traveller.shift(timedelta(minutes=19, seconds=50))  # 29:50 after the first
        visit(client, article)
        assert total(article) == 1
        traveller.shift(timedelta(seconds=15))  # 30:05 after the first
        visit(client, article)
        assert total(article) == 2
        other = ArticleFactory()
        visit(client, other)  # the window is per article
        assert total(other) == 1


def test_window_holds_across_midnight(client, article):
    """The visitor key rotates at midnight; the window must not."""
    with time_machine.travel(
        datetime(2026, 3, 10, 23, 55, tzinfo=BERLIN), tick=False
    ) as traveller:
        visit(client, article)
        traveller.shift(timedelta(minutes=10))  # 00:05 next day
        visit(client, article)
        assert total(article) == 1
        traveller.shift(timedelta(minutes=21))  # 00:26, 31 min after the first
        visit(client, article)
    assert daily(article) == {date(2026, 3, 10): 1, date(2026, 3, 11): 1}


def test_daily_rollover_uses_the_local_date(client, article):
    with time_machine.travel(
        datetime(2026, 3, 10, 23, 59, tzinfo=BERLIN), tick=False
    ) as traveller:
        visit(client, article, ip="203.0.113.1")
        visit(client, article, ip="203.0.113.2")
        traveller.shift(timedelta(minutes=2))  # 00:01 Berlin, still the 10th in UTC
        visit(client, article, ip="203.0.113.3")
    assert daily(article) == {date(2026, 3, 10): 2, date(2026, 3, 11): 1}
    assert total(article) == 3


def test_no_ip_address_is_stored(client, article):
    from django.core.cache import cache

    visit(client, article, ip="203.0.113.77")
    keys = list(cache._cache.keys())
    assert keys and not any("203.0.113" in key for key in keys)
    assert not client.cookies.get("sessionid")  # counting sets no cookie


def test_every_example_of_the_crawler_list_is_a_bot():
    """The list's patterns run as one RE2 expression (counters.bots): each
    user agent the list itself gives as an example is still recognised, as
    the list's own ``is_crawler`` does."""
    from crawleruseragents import CRAWLER_USER_AGENTS_DATA, is_crawler

    examples = [
        example
        for entry in CRAWLER_USER_AGENTS_DATA
        for example in entry.get("instances", [])
    ]
    assert len(examples) > 1000
    missed = [agent for agent in examples if is_crawler(agent) and not is_bot(agent)]
    assert missed == []
