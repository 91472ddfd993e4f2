"""The ratings app's part of the demo magazine and of the benchmark data
(``demo.registry``).

Each published demo article gets a believable, fixed spread of votes: some
articles many votes, some few, most of them good, one or two controversial.
Idempotent: demo voters have fixed ids, so a second run adds nothing.
"""

import random

from django.db import transaction
from django.utils.crypto import salted_hmac

from articles.models import Article
from demo.bench import BATCH, Scale
from demo.registry import bench_data, demo_data
from ratings import services
from ratings.models import RatingSummary, Vote

# (number of votes, weights of 1..5 stars): cycled over the demo articles.
PROFILES = [
    (23, [0, 0, 1, 3, 19]),  # the 4,8 of the issue
    (212, [4, 6, 20, 70, 112]),
    (1, [0, 0, 0, 0, 1]),  # one 5-star vote: must not top "best rated"
    (57, [2, 4, 12, 21, 18]),
    (9, [3, 2, 1, 1, 2]),  # controversial
    (34, [1, 1, 5, 15, 12]),
    (0, [0, 0, 0, 0, 0]),  # not rated yet
    (16, [0, 1, 4, 7, 4]),
]


def demo_voter(slug: str, number: int) -> str:
    return salted_hmac(
        "ratings.demo-voter", f"{slug}:{number}", algorithm="sha256"
    ).hexdigest()


@demo_data
def add_demo_votes(*, articles, stdout=None, **kwargs) -> None:
    added = 0
    published = [article for article in articles if article.is_published]
    for index, article in enumerate(published):
        count, weights = PROFILES[index % len(PROFILES)]
        if not count:
            continue
        chooser = random.Random(article.slug)  # the same spread on every run
        scores = chooser.choices(range(1, 6), weights=weights, k=count)
        votes = [
            Vote(article=article, voter=demo_voter(article.slug, number), score=score)
            for number, score in enumerate(scores)
        ]
        before = Vote.objects.filter(article=article).count()
        Vote.objects.bulk_create(votes, ignore_conflicts=True)
        services.ratings_recount(article=article)
        added += Vote.objects.filter(article=article).count() - before
    if stdout is not None:
        stdout.write(f"Ratings: {added} demo votes added.")


@bench_data("votes", order=30)
def add_votes(*, rng, size: Scale, now, article_ids, featured) -> str:
    """``size.votes`` votes (scores 1–5, mostly good) on published articles, a
    few popular articles getting many, and the matching ``RatingSummary`` rows
    (count and sum), as ``ratings.services`` would have left them."""
    published = list(
        Article.objects.published()
        .filter(pk__in=article_ids)
        .values_list("pk", flat=True)
    )
    weights = [rng.paretovariate(1.2) for _ in published]
    totals: dict[int, list[int]] = {}
    for start in range(0, size.votes, BATCH):
        count = min(BATCH, size.votes - start)
        votes = []
        for serial, pk in enumerate(
            rng.choices(published, weights, k=count), start=start
        ):
            score = rng.choices([1, 2, 3, 4, 5], [5, 5, 15, 35, 40])[0]
            # One voter per vote: the hashed voter ids never repeat.
            votes.append(Vote(article_id=pk, voter=f"bench{serial:012x}", score=score))
            summary = totals.setdefault(pk, [0, 0])
            summary[0] += 1
            summary[1] += score
        with transaction.atomic():
            Vote.objects.bulk_create(votes, batch_size=BATCH)
    RatingSummary.objects.bulk_create(
        (
            RatingSummary(article_id=pk, count=count, total=total)
            for pk, (count, total) in totals.items()
        ),
        batch_size=BATCH,
    )
    return f"{size.votes:,} votes on {len(totals):,} articles"
