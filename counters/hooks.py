"""What counters adds to articles (registered in ``articles.hooks``) and how it
learns of a view.

* Every article from ``with_related()`` carries ``view_total`` (no extra query).
* The article page's live part "view_count" („2.574 Artikelaufrufe“), the
  JSON-LD ``interactionStatistic`` and the home page's "Meistgelesen" block.
* The article page announces each published article it showed
  (``articles.signals.article_viewed``); ``count_view`` decides by
  ``rules.is_counted_view`` (bots, prefetch, staff, 30-minute window, the
  network's cap) whether that was a view, and a counted view costs one write
  statement (``services.view_count``, which survives a database failure). With
  ``VIEW_COUNT_BEACON`` on, pages never count here: the page's one live
  request counts (``live_view_count``, ``articles.views.live``), for sites
  behind the HTTP cache.
"""

import logging

from django.conf import settings
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from articles import hooks
from articles.models import Article
from articles.signals import article_viewed
from counters.labels import views_label
from counters.models import MostRead
from counters.queries import most_read, view_total, with_view_total
from counters.rollups import most_read_ranking
from counters.rules import is_counted_view
from counters.services import view_count

logger = logging.getLogger(__name__)

MOST_READ_LIMIT = 5

hooks.queryset(with_view_total)


@receiver(article_viewed, dispatch_uid="counters-count-view")
def count_view(sender, *, article, request, **kwargs) -> None:
    if settings.VIEW_COUNT_BEACON or not is_counted_view(request, article.pk):
        return
    try:
        # Retried, or kept until it can be written (see counters.services).
        view_count(article_id=article.pk)
    except Exception:  # a view must never cost the reader the page
        logger.exception("Could not count a view of article %s", article.pk)


@hooks.live_data
def live_view_count(article, request) -> dict:
    """The live request's part: counts the view (with ``VIEW_COUNT_BEACON``,
    by the same rules as a page request) and returns the total with it."""
    total = view_total(article)
    if settings.VIEW_COUNT_BEACON and is_counted_view(request, article.pk):
        try:
            view_count(article_id=article.pk)  # kept for later if it fails
            total += 1
        except Exception:
            logger.exception("Could not count a view of article %s", article.pk)
    return {"views": total, "views_label": views_label(total)}


@hooks.json_ld
def add_interaction_statistic(article, data: dict) -> None:
    """schema.org: the reads of the article as an InteractionCounter."""
    data["interactionStatistic"] = {
        "@type": "InteractionCounter",
        "interactionType": "https://schema.org/ReadAction",
        "userInteractionCount": view_total(article),
    }


@hooks.live_part("view_count")
def render_view_count(article, request) -> str:
    """The article's total (the page's script puts in the current one)."""
    return render_to_string(
        "counters/_view_count.html",
        {"article": article, "label": views_label(view_total(article))},
    )


@hooks.page_part("home_sidebar", order=10)
def most_read_block(context) -> str:
    """The "Meistgelesen" sidebar block: last 7 days and all time.

    The querysets are lazy and evaluated inside a ``{% cache %}`` fragment
    (``VIEW_COUNT_MOST_READ_CACHE`` seconds, per language), so the home page pays
    the two queries at most once per period.

    Both rankings come from the roll-up (``counters.rollups``) that the job
    worker refreshes every few minutes: a reader's request reads a few stored
    places, never the daily rows of every article (the all-time sum took
    4.8 s at 100,000 articles on SQLite). We chose this over a maintained
    total column, which would cost every counted view a second write
    statement (see ``counters.models``).
    """

    def published():
        return Article.objects.published().only("title", "slug", "publish_at")

    def ranking(name: str):
        # Evaluated only when the fragment renders: a few rows of the roll-up.
        return SimpleLazyObject(
            lambda: most_read_ranking(name, limit=MOST_READ_LIMIT, queryset=published())
        )

    return hooks.render_in_context(
        context,
        "counters/_most_read.html",
        {
            "request": context.get("request"),
            "week": ranking(MostRead.Ranking.WEEK),
            "all_time": ranking(MostRead.Ranking.ALL_TIME),
            "cache_seconds": settings.VIEW_COUNT_MOST_READ_CACHE,
        },
    )


@hooks.article_figure
def views_figure(article) -> str:
    """„1.234 Artikelaufrufe“ beside an article on the dashboard."""
    return views_label(view_total(article))


@hooks.dashboard_block(order=90)
def most_read_today_block(request) -> str:
    """For everyone: today's five most-read articles with today's views
    (one query; ``most_read`` ranks from the daily rows)."""
    top = most_read(
        Article.objects.published().only("title", "slug", "publish_at"),
        days=1,
        limit=MOST_READ_LIMIT,
    )
    return render_to_string(
        "counters/_dashboard_most_read.html",
        {
            "articles": [
                (article, views_label(article.recent_views)) for article in top
            ],
            "changelist": reverse("admin:articles_article_changelist"),
        },
        request=request,
    )
