"""Reads of the ratings app, applied to any ``Article`` queryset.

``articles`` must not import ``ratings``, so these are functions over an article
queryset rather than methods of ``ArticleQuerySet``::

    best_rated(Article.objects.published(), limit=5)

The ranking is a Bayesian (damped) average: every article is treated as if it
had ``RATINGS_PRIOR_VOTES`` (C) extra votes at the middle of the scale (3 stars)::

    score = (C · 3 + sum of scores) / (C + number of votes)

With C = 10, a single 5-star vote scores 3.18 and 200 votes averaging 4.8 score
4.71: few votes count for little until more readers agree. The prior is the
middle of the scale rather than the site-wide mean on purpose: readers of a
magazine rate generously (site means of 4.5 and more), and with such a prior a
lone 5-star vote would again outrank 200 votes averaging 4.8.
"""

from django.conf import settings
from django.db.models import F, FloatField, QuerySet, Value
from django.db.models.functions import Cast, NullIf

from ratings.models import MAX_SCORE, MIN_SCORE

PRIOR_MEAN = (MIN_SCORE + MAX_SCORE) / 2  # 3 stars


def with_bayesian_score(queryset: QuerySet, *, prior_votes: int | None = None):
    """Annotate ``rating_score``, the damped average (NULL without a summary)."""
    weight = float(settings.RATINGS_PRIOR_VOTES if prior_votes is None else prior_votes)
    return queryset.annotate(
        rating_score=(
            Value(weight * PRIOR_MEAN) + Cast(F("rating_summary__total"), FloatField())
        )
        # NULLIF: no division by zero for an empty summary without a prior.
        / NullIf(
            Value(weight) + Cast(F("rating_summary__count"), FloatField()), Value(0.0)
        )
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
