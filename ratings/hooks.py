"""What ratings adds to articles (registered in ``articles.hooks``): the rating
summary joined to every article, the summary and the star form as live parts of
the article page, "Am besten bewertet" in the home page's sidebar, JSON-LD, and
the article admin's inline and column.

The summary and the form read ``article.rating_summary``, joined by the
queryset hook: no query of their own on the article page. The sidebar block
runs one query, then comes from the cache.
"""

from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from articles import hooks
from articles.models import Article
from core.http_cache import is_shared
from ratings.admin import RatingSummaryInline, rating_column
from ratings.models import MAX_SCORE, MIN_SCORE, RatingSummary
from ratings.queries import best_rated_first

BEST_RATED_LIMIT = 5

hooks.admin_inline(RatingSummaryInline)
hooks.admin_column(rating_column)


@hooks.queryset
def join_rating_summary(queryset):
    """The summary row comes with every article (LEFT JOIN)."""
    return queryset.select_related("rating_summary")


@hooks.json_ld
def add_aggregate_rating(article, data: dict) -> None:
    """schema.org ``aggregateRating`` once there is a vote."""
    summary = getattr(article, "rating_summary", None)
    if summary is None or not summary.enabled or not summary.count:
        return
    data["aggregateRating"] = {
        "@type": "AggregateRating",
        "ratingValue": round(summary.average, 2),
        "ratingCount": summary.count,
        "bestRating": 5,
        "worstRating": 1,
    }


def summary_of(article: Article) -> RatingSummary:
    """The article's summary, or an empty (unsaved) one before the first vote."""
    summary = getattr(article, "rating_summary", None)
    return summary if summary is not None else RatingSummary(article=article)


@hooks.live_part("rating_summary")
def render_rating_summary(article, request) -> str:
    return render_to_string(
        "ratings/_summary.html", {"article": article, "summary": summary_of(article)}
    )


@hooks.live_part("rating_widget")
def render_rating_widget(article, request) -> str:
    """The star form; its CSRF token is this request's, or, on the page every
    reader gets (``core.http_cache``), filled in by the page's script."""
    summary = summary_of(article)
    context = {
        "article": article,
        "summary": summary,
        "open": summary.enabled and article.is_published,
        "scores": range(MIN_SCORE, MAX_SCORE + 1),
        "request": request,
        "csrf_token": "" if is_shared(request) else get_token(request),
        # The stars are the same for every article: a cached fragment.
        "LANGUAGE_CODE": get_language(),
        "fragment_seconds": settings.FRAGMENT_CACHE_SECONDS,
    }
    return render_to_string("ratings/_widget.html", context)


@hooks.live_data
def live_rating(article, request) -> dict:
    """The live request's part: the current summary."""
    summary = summary_of(article)
    if not summary.enabled:
        return {"rating": None}
    return {"rating": dict(_live_summary(summary.count, summary.total, get_language()))}


@lru_cache(maxsize=2048)
def _live_summary(count: int, total: int, language: str) -> dict:
    """The summary's numbers and labels, which follow from the two sums and
    the language alone: formatted once per process, not for every reader's
    live request (the labels' translation and number formatting cost as much
    as counting the view's window). The caller gets a copy."""
    summary = RatingSummary(count=count, total=total)
    return {
        "count": summary.count,
        "average": None if summary.average is None else round(summary.average, 2),
        "glyphs": summary.glyphs,
        "compact_label": summary.compact_label,
        "label": summary.label(),
        "spoken_label": summary.spoken_label(),
    }


@receiver(setting_changed)
def _formats_changed(**kwargs) -> None:
    # Number formats and languages come from settings (tests change them).
    _live_summary.cache_clear()


@hooks.page_part("home_sidebar", order=20)
def best_rated_block(context) -> str:
    """ "Am besten bewertet": one query, then cached for
    ``RATINGS_BEST_RATED_CACHE`` seconds (the list changes slowly), rendered
    once per language in that time (a cached fragment in the template; the list
    is read only when the fragment is rendered)."""

    def articles() -> list:
        return cache.get_or_set(
            f"ratings:best-rated:{BEST_RATED_LIMIT}",
            lambda: best_rated_first(
                Article.objects.published(), limit=BEST_RATED_LIMIT
            ),
            settings.RATINGS_BEST_RATED_CACHE,
        )

    return hooks.render_in_context(
        context,
        "ratings/_best_rated.html",
        {
            "articles": SimpleLazyObject(articles),
            "limit": BEST_RATED_LIMIT,
            "cache_seconds": settings.RATINGS_BEST_RATED_CACHE,
            "LANGUAGE_CODE": get_language(),
        },
    )
