"""Writes of the ratings app: casting a vote and resetting an article's ratings.

Both lock the article's summary row first (``SELECT … FOR UPDATE`` on
PostgreSQL; on SQLite every write transaction is ``IMMEDIATE`` and already holds
the database's write lock), so all votes on one article are applied one after the
other while votes on other articles proceed. The vote row and the summary change
in the same transaction, the summary with ``F()`` expressions.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Case, Count, F, Q, Sum, Value, When
from django.db.models.functions import Coalesce

from articles.models import Article
from ratings.models import MAX_SCORE, MIN_SCORE, RatingSummary, Vote


class RatingClosed(Exception):
    """The article does not take ratings (unpublished, or switched off)."""


class NetworkVotesExhausted(Exception):
    """The voter's network cast ``VOTES_PER_NETWORK`` new votes on the article
    today already."""


@dataclass(frozen=True)
class RatingResult:
    vote: Vote
    created: bool  # False: the visitor changed an earlier vote
    summary: RatingSummary


def _locked_summary(article: Article) -> RatingSummary:
    # Create the row if it is missing without a savepoint dance: INSERT … ON
    # CONFLICT DO NOTHING (INSERT OR IGNORE on SQLite) waits for a concurrent
    # insert of the same row and then does nothing.
    RatingSummary.objects.bulk_create(
        [RatingSummary(article=article)], ignore_conflicts=True
    )
    return RatingSummary.objects.select_for_update().get(article=article)


@transaction.atomic
def rating_set(
    *,
    article: Article,
    voter: str,
    score: int,
    machine_key: str = "",
    network_key: str = "",
) -> RatingResult:
    """Record ``voter``'s ``score`` for ``article``, or change their earlier vote.

    ``voter`` is the hashed identity (account or cookie id, see
    ``ratings.voters``). ``machine_key`` (anonymous visitors only) is today's
    HMAC of IP address and user agent: an earlier vote with the same machine key
    is the same machine whose visitor cleared the cookie, so that vote is changed
    (and re-keyed to the new cookie) instead of a new one being added.

    ``network_key`` is today's HMAC of the voter's network: a new vote is
    refused (``NetworkVotesExhausted``) when that network cast
    ``VOTES_PER_NETWORK`` new votes on the article today. Counted under the
    summary's lock, so concurrent votes cannot pass the cap together.
    """
    if not MIN_SCORE <= score <= MAX_SCORE:
        raise ValueError(f"score must be {MIN_SCORE}..{MAX_SCORE}, not {score!r}")
    summary = _locked_summary(article)
    if not summary.enabled or not article.is_published:
        raise RatingClosed(article.pk)

    match = Q(voter=voter)
    if machine_key:
        match |= Q(machine_key=machine_key)
    existing = (
        Vote.objects.filter(article=article)
        .filter(match)
        .order_by(Case(When(voter=voter, then=Value(0)), default=Value(1)), "pk")
        .first()
    )
    if existing is None:
        _check_network_cap(article, network_key)
        vote = Vote.objects.create(
            article=article,
            voter=voter,
            machine_key=machine_key,
            network_key=network_key,
            score=score,
        )
        RatingSummary.objects.filter(pk=summary.pk).update(
            count=F("count") + 1, total=F("total") + score
        )
        created = True
    else:
        difference = score - existing.score
        existing.score = score
        existing.voter = voter
        existing.machine_key = machine_key or existing.machine_key
        existing.save(update_fields=["score", "voter", "machine_key", "updated_at"])
        if difference:
            RatingSummary.objects.filter(pk=summary.pk).update(
                total=F("total") + difference
            )
        vote = existing
        created = False
    summary.refresh_from_db(fields=["count", "total"])
    return RatingResult(vote=vote, created=created, summary=summary)


def _check_network_cap(article: Article, network_key: str) -> None:
    cap = settings.VOTES_PER_NETWORK
    if not cap or not network_key:
        return
    # The key rotates daily: equal keys are today's votes of this network.
    cast = Vote.objects.filter(article=article, network_key=network_key).count()
    if cast >= cap:
        raise NetworkVotesExhausted(article.pk)


@transaction.atomic
def ratings_reset(*, article: Article) -> int:
    """Delete every vote on ``article`` and zero its summary, imported ratings
    included; returns the number of votes deleted. The ``enabled`` switch is
    kept."""
    summary = _locked_summary(article)
    deleted, _per_model = Vote.objects.filter(article=article).delete()
    RatingSummary.objects.filter(pk=summary.pk).update(
        count=0, total=0, imported_count=0, imported_total=0
    )
    return deleted


def _votes_totals(article: Article) -> dict[str, int]:
    return Vote.objects.filter(article=article).aggregate(
        count=Count("pk"), total=Coalesce(Sum("score"), 0)
    )


@transaction.atomic
def ratings_recount(*, article: Article) -> RatingSummary:
    """Set the summary from the votes themselves plus the imported part (after
    bulk inserts of votes, such as the demo data; a repair tool should they
    ever disagree)."""
    summary = _locked_summary(article)
    votes = _votes_totals(article)
    RatingSummary.objects.filter(pk=summary.pk).update(
        count=F("imported_count") + votes["count"],
        total=F("imported_total") + votes["total"],
    )
    summary.refresh_from_db(fields=["count", "total"])
    return summary


@transaction.atomic
def ratings_import(*, article: Article, count: int, total: int) -> RatingSummary:
    """Set the ratings ``article`` had on the old site (WP-PostRatings: number
    of votes and sum of their scores; they have no vote rows here).

    The summary becomes imported part + votes cast here, so the article shows
    the old count and average at once, and new votes combine with them. A
    second import (a newer export) replaces the imported part and keeps the
    votes.
    """
    if count < 0 or not count * MIN_SCORE <= total <= count * MAX_SCORE:
        raise ValueError(
            f"{total} is not a sum of {count} scores of {MIN_SCORE}..{MAX_SCORE}"
        )
    summary = _locked_summary(article)
    votes = _votes_totals(article)
    RatingSummary.objects.filter(pk=summary.pk).update(
        imported_count=count,
        imported_total=total,
        count=count + votes["count"],
        total=total + votes["total"],
    )
    summary.refresh_from_db(
        fields=["count", "total", "imported_count", "imported_total"]
    )
    return summary


def vote_machine_keys_forget(*, before: datetime) -> int:
    """Blank the machine and network keys of votes last changed before ``before``.

    A key only ever matches on the day it was made (the secret behind it
    rotates daily), so keeping it longer serves no purpose; data protection
    says delete what is no longer needed. Returns the number of votes changed.
    """
    return (
        Vote.objects.filter(updated_at__lt=before)
        .exclude(machine_key="", network_key="")
        .update(machine_key="", network_key="")
    )
