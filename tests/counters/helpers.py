from counters.models import DailyViews
from counters.queries import view_total

BROWSER = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
)


def visit(client, article, *, ip="203.0.113.7", ua=BROWSER, **extra):
    """One page request of ``article`` by the visitor (ip, ua)."""
    return client.get(
        article.get_absolute_url(), REMOTE_ADDR=ip, HTTP_USER_AGENT=ua, **extra
    )


def total(article) -> int:
    return view_total(type(article).objects.get(pk=article.pk))


def daily(article) -> dict:
    return dict(DailyViews.objects.filter(article=article).values_list("day", "count"))
