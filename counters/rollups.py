"""Most-read rankings from a roll-up: computed by a job, read by readers.

``most_read_rollup()`` runs the expensive rankings (``queries.most_read``:
seconds at 100,000 articles) in the worker every few minutes
(``JOBS_PERIODIC``, command ``most_read_rollup``) and stores their first
places in ``MostRead``. ``most_read_ranking()`` is what a reader's page
reads: a handful of rows by primary key. Before the first roll-up (a fresh
install, or the embedded default without a worker) it computes the ranking
live, as the small site it then is can afford. The totals shown on article
pages stay exact: they are still summed from the daily rows of one article.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from articles.models import Article
from counters.models import MostRead
from counters.queries import most_read

# Places kept per ranking: more than shown, so that articles unpublished
# since the roll-up still leave a full list.
ROLLUP_PLACES = 30
_RANKINGS = {MostRead.Ranking.WEEK: 7, MostRead.Ranking.ALL_TIME: None}


def most_read_rollup() -> int:
    """Compute both rankings and replace their stored places (one
    transaction: a reader sees the old or the new ranking, never half).
    Safe to run twice. Returns the number of places stored."""
    now = timezone.now()
    places = []
    for ranking, days in _RANKINGS.items():
        articles = most_read(
            Article.objects.published().only("pk"), days=days, limit=ROLLUP_PLACES
        )
        for position, article in enumerate(articles, start=1):
            views = article.recent_views if days else article.view_total
            places.append(
                MostRead(
                    ranking=ranking,
                    position=position,
                    article_id=article.pk,
                    views=views,
                    computed_at=now,
                )
            )
    with transaction.atomic():
        MostRead.objects.all().delete()
        MostRead.objects.bulk_create(places)
    return len(places)


def _live(ranking: str, *, days: int | None, limit: int, queryset) -> list:
    """No roll-up yet: the ranking from the daily rows; the all-time one
    (which barely moves) cached on its own."""
    if days is not None:
        return list(most_read(queryset, days=days, limit=limit))
    return cache.get_or_set(
        f"counters-most-read-all-time-{limit}",
        lambda: list(most_read(queryset, limit=limit)),
        settings.VIEW_COUNT_MOST_READ_ALL_TIME_CACHE,
    )


def most_read_ranking(ranking: str, *, limit: int, queryset) -> list:
    """The first ``limit`` published articles of a stored ranking, each with
    ``recent_views`` (week) or ``view_total`` (all time) as rolled up; live
    from the daily rows when no roll-up exists yet."""
    days = _RANKINGS[ranking]
    # One query: the stored places joined to the queryset's articles (those
    # unpublished since the roll-up drop out here).
    ranked = list(
        queryset.filter(most_read_places__ranking=ranking)
        .annotate(
            rolled_up=F("most_read_places__views"),
            place=F("most_read_places__position"),
        )
        .order_by("place")[:limit]
    )
    if not ranked and not MostRead.objects.exists():
        return _live(ranking, days=days, limit=limit, queryset=queryset)
    for article in ranked:
        setattr(article, "recent_views" if days else "view_total", article.rolled_up)
    return ranked
