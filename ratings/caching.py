"""Purges of the shared HTTP cache (``core.purge``) when a vote changes an
article's rating summary: the article's page, and the home page with its
"Am besten bewertet" block (whose list comes from the Django cache for
``RATINGS_BEST_RATED_CACHE`` seconds). Connected in ``RatingsConfig.ready``."""

from django.db.models.signals import post_delete, post_save

from core.purge import enabled, tags_purge
from ratings.models import RatingSummary, Vote


def vote_changed(sender, instance, raw=False, **kwargs):
    if enabled() and not raw:
        tags_purge([f"article-{instance.article_id}", "home"])


def connect() -> None:
    for model in (Vote, RatingSummary):
        for signal in (post_save, post_delete):
            signal.connect(
                vote_changed,
                sender=model,
                dispatch_uid=f"http-cache-{model.__name__}-{id(signal)}",
            )
