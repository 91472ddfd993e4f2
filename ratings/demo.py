"""Demo votes for ``manage.py seed_demo`` (receiver of ``demo_content_created``).

Each published demo article gets a believable, fixed spread of votes: some
articles many votes, some few, most of them good, one or two controversial.
Idempotent: demo voters have fixed ids, so a second run adds nothing.
"""

import random

from django.utils.crypto import salted_hmac

from ratings import services
from ratings.models import Vote

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


def add_demo_votes(sender, articles, stdout=None, **kwargs) -> None:
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
