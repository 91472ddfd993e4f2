import pytest

from core.ratelimit import parse_rate, rate_limit_hit


@pytest.mark.parametrize(
    ("rate", "parsed"),
    [("20/m", (20, 60)), ("5/600", (5, 600)), ("1/s", (1, 1)), ("100/d", (100, 86400))],
)
def test_parse_rate(rate, parsed):
    assert parse_rate(rate) == parsed


@pytest.mark.django_db
@pytest.mark.usefixtures("one_rate_window")
def test_rate_limit_allows_up_to_the_limit_then_refuses(settings):
    settings.RATE_LIMITS = {"vote": "3/m"}
    results = [rate_limit_hit(scope="vote", key="abc") for _ in range(4)]
    assert [r.allowed for r in results] == [True, True, True, False]
    assert 1 <= results[-1].retry_after <= 60
    assert rate_limit_hit(scope="vote", key="other").allowed  # per visitor


def test_unknown_scope_is_unlimited(settings):
    settings.RATE_LIMITS = {}
    assert all(rate_limit_hit(scope="x", key="k").allowed for _ in range(100))
