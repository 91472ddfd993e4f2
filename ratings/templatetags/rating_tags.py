"""``{% rating_summary article %}``, ``{% rating_widget article %}`` and
``{% best_rated_articles %}``.

The first two read ``article.rating_summary``, joined by the queryset hook
registered in ``RatingsConfig.ready()``: no query of their own on the article
page. The sidebar block runs one query, then comes from the cache.
"""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from articles.models import Article
from ratings.models import MAX_SCORE, MIN_SCORE, RatingSummary
from ratings.queries import best_rated

register = template.Library()


def summary_of(article: Article) -> RatingSummary:
    """The article's summary, or an empty (unsaved) one before the first vote."""
    summary = getattr(article, "rating_summary", None)
    return summary if summary is not None else RatingSummary(article=article)


@register.inclusion_tag("ratings/_summary.html")
def rating_summary(article: Article) -> dict:
    return {"article": article, "summary": summary_of(article)}


@register.inclusion_tag("ratings/_widget.html", takes_context=True)
def rating_widget(context, article: Article) -> dict:
    summary = summary_of(article)
    return {
        "article": article,
        "summary": summary,
        "open": summary.enabled and article.is_published,
        "scores": range(MIN_SCORE, MAX_SCORE + 1),
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
        # The stars are the same for every article: a cached fragment.
        "LANGUAGE_CODE": get_language(),
        "fragment_seconds": settings.FRAGMENT_CACHE_SECONDS,
    }


@register.inclusion_tag("ratings/_best_rated.html")
def best_rated_articles(limit: int = 5) -> dict:
    """The home page's "Am besten bewertet" list: one query, then cached for
    ``RATINGS_BEST_RATED_CACHE`` seconds (the list changes slowly), rendered
    once per language in that time (a cached fragment in the template; the list
    is read only when the fragment is rendered)."""

    def articles() -> list:
        return cache.get_or_set(
            f"ratings:best-rated:{limit}",
            lambda: list(best_rated(Article.objects.published(), limit=limit)),
            settings.RATINGS_BEST_RATED_CACHE,
        )

    return {
        "articles": SimpleLazyObject(articles),
        "limit": limit,
        "cache_seconds": settings.RATINGS_BEST_RATED_CACHE,
        "LANGUAGE_CODE": get_language(),
    }
