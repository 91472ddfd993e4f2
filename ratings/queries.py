"""Reads of the ratings app, applied to any ``Article`` queryset.

``articles`` must not import ``ratings``, so these are functions over an article
queryset rather than methods of ``ArticleQuerySet``::

    best_rated(Article.objects.published(), limit=5)

The ranking is a Bayesian (damped) average: every article is treated as if it
had ``RATINGS_PRIOR_VOTES`` extra votes at the site-wide mean ``m``::

    score = (C · m + sum of scores) / (C + number of votes)

so a single 5-star vote (with C = 10 and m = 4: 4.09) does not outrank 200 votes
averaging 4.8 (4.76). The site-wide mean is a scalar subquery, so the whole list
is one query.
"""

from django.conf import settings
from django.db.models import F, FloatField, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Cast, Coalesce

from ratings.models import MAX_SCORE, MIN_SCORE, RatingSummary

NEUTRAL_MEAN = (MIN_SCORE + MAX_SCORE) / 2  # the prior before anyone has voted


def with_bayesian_score(queryset: QuerySet, *, prior_votes: int | None = None):
    """Annotate ``rating_score`` (the damped average; NULL without votes)."""
    weight = float(settings.RATINGS_PRIOR_VOTES if prior_votes is None else prior_votes)
    site = (
        RatingSummary.objects.filter(count__gt=0)
        .order_by()
        # A constant "group" is left out of GROUP BY: one row over all summaries.
        .annotate(everything=Value(1))
        .values("everything")
        .annotate(
            mean=Cast(Sum("total"), FloatField()) / Cast(Sum("count"), FloatField())
        )
        .values("mean")
    )
    mean = Coalesce(Subquery(site[:1]), float(NEUTRAL_MEAN))
    return queryset.annotate(
        rating_score=(weight * mean + Cast(F("rating_summary__total"), FloatField()))
        / (weight + Cast(F("rating_summary__count"), FloatField()))
    )


def best_rated(
    queryset: QuerySet,
    *,
    limit: int | None = None,
    min_votes: int = 1,
    prior_votes: int | None = None,
) -> QuerySet:
    """Articles of ``queryset`` with at least ``min_votes`` votes and ratings
    switched on, best damped average first (ties: more votes, then newer)."""
    ranked = (
        with_bayesian_score(
            queryset.filter(
                rating_summary__enabled=True, rating_summary__count__gte=min_votes
            ),
            prior_votes=prior_votes,
        )
        .select_related("rating_summary")
        .order_by("-rating_score", "-rating_summary__count", "-publish_at", "-pk")
    )
    return ranked[:limit] if limit else ranked
