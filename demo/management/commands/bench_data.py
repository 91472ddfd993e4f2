"""Fill an empty database with benchmark data: many articles, fast.

Used by ``bench/run.py`` (see the README, section “Benchmark”); never on a real
site: it refuses to run on a database that already holds articles.

Everything goes in with ``bulk_create`` in batches (the million comments and the
daily view counts with ``executemany`` of plain rows), so 100,000 articles take
minutes, not hours. ``save()`` is bypassed on purpose: article bodies come from a
small pool of texts that were sanitised once with the body field's own sanitiser,
and slugs are generated unique. The data is deterministic (fixed random seed), so
two runs at the same scale measure the same pages.

The feature apps' data (comments, daily view counts, votes) is made by each
app's ``demo.py`` (``demo.registry.bench_data``); an app that is not installed
adds none.
"""

import random
import time
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from articles.models import Article, Byline, Category, Tag, TaggedArticle
from articles.search_index import search_index_rebuild
from authors.models import Author
from demo import registry
from demo.bench import (
    BATCH,
    FEATURED_SLUG,
    FEATURED_WORDS,
    FIRST_NAMES,
    LAST_NAMES,
    NOUNS,
    SCALES,
    Scale,
    body_html,
    paragraph,
    pick_tags,
    sentence,
    timed,
)


class Command(BaseCommand):
    help = (
        "Fill an EMPTY database with benchmark data (authors, categories, tags, "
        "articles, bylines; comments, view counts and votes where those apps "
        "exist). For bench/run.py; refuses to touch a database with articles."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=sorted(SCALES), default="small")
        parser.add_argument(
            "--articles",
            type=int,
            help="Override the number of articles of the scale (at least 1).",
        )
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, scale: str, articles: int | None, seed: int, **options):
        size = SCALES[scale]
        if articles is not None:
            if articles < 1:
                raise CommandError("--articles must be at least 1.")
            size = Scale(**{**size.__dict__, "articles": articles})
        if Article.objects.exists():
            raise CommandError(
                "The database already holds articles. bench_data fills only an "
                "empty database (bench/run.py creates a fresh one)."
            )
        rng = random.Random(seed)
        now = timezone.now().replace(microsecond=0)
        self.stdout.write(
            f"bench_data --scale {scale}: {size.articles:,} articles "
            f"on {connection.vendor}"
        )
        started = time.perf_counter()
        with timed(self.stdout, "authors, categories, tags"):
            authors = self.make_authors(rng, size)
            categories = self.make_categories(size)
            tags = self.make_tags(rng, size)
        with timed(self.stdout, "articles, bylines, tags"):
            article_ids = self.make_articles(rng, size, now, authors, categories, tags)
        with timed(self.stdout, "search index"):
            # bulk_create sends no signals: the full-text vector (PostgreSQL) is
            # computed here, as after any import.
            search_index_rebuild()
        featured = Article.objects.get(slug=FEATURED_SLUG)
        # The feature apps' data (their demo.py).
        for label, step in registry.bench_steps():
            with timed(self.stdout, label):
                note = step(
                    rng=rng,
                    size=size,
                    now=now,
                    article_ids=article_ids,
                    featured=featured,
                )
            self.stdout.write(f"    {note}")
        # Statistics for the planner, as a settled production database has them;
        # on PostgreSQL also the visibility map, without which index-only scans
        # (the counts of the list pages) read the table as well. VACUUM cannot
        # run inside a transaction (as in the tests).
        statement = "ANALYZE"
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            statement = "VACUUM ANALYZE"
        with timed(self.stdout, statement), connection.cursor() as cursor:
            cursor.execute(statement)
        self.stdout.write(
            self.style.SUCCESS(
                f"Benchmark data ready in {time.perf_counter() - started:.1f} s: "
                f"{len(article_ids):,} articles, featured article /{FEATURED_SLUG}/."
            )
        )

    def make_authors(self, rng: random.Random, size: Scale) -> list[int]:
        authors = [
            Author(
                first_name=rng.choice(FIRST_NAMES),
                last_name=rng.choice(LAST_NAMES),
                slug=f"autorin-{number}",
                pronoun=rng.choice(list(Author.Pronoun.values)),
                short_bio=paragraph(rng, 30),
                bio=paragraph(rng, 120),
                website=f"https://example.org/autorin-{number}",
                topics=", ".join(rng.sample(NOUNS, 3)),
            )
            for number in range(1, size.authors + 1)
        ]
        Author.objects.bulk_create(authors, batch_size=BATCH)
        return list(Author.objects.order_by("pk").values_list("pk", flat=True))

    def make_categories(self, size: Scale) -> list[int]:
        Category.objects.bulk_create(
            Category(
                name=f"Rubrik {NOUNS[number]}",
                slug=f"rubrik-{number + 1}",
                description=f"Alles über {NOUNS[number]}.",
                position=number,
            )
            for number in range(size.categories)
        )
        return list(Category.objects.order_by("position").values_list("pk", flat=True))

    def make_tags(self, rng: random.Random, size: Scale) -> list[int]:
        Tag.objects.bulk_create(
            (
                Tag(
                    name=f"{rng.choice(NOUNS)} {number}",
                    slug=f"schlagwort-{number}",
                )
                for number in range(1, size.tags + 1)
            ),
            batch_size=BATCH,
        )
        return list(Tag.objects.order_by("pk").values_list("pk", flat=True))

    def make_articles(
        self, rng, size: Scale, now, authors, categories, tags
    ) -> list[int]:
        """Articles in publication order (older ones have lower ids), most of them
        published, some drafts, in review or scheduled; 1–3 authors and 2–6 tags
        each, popular tags more often (as on a real site)."""
        sanitize = Article._meta.get_field("body").sanitize
        bodies = [sanitize(body_html(rng, rng.randint(300, 900))) for _ in range(48)]
        featured_body = sanitize(body_html(rng, FEATURED_WORDS))
        tag_weights = [1 / (rank + 1) for rank in range(len(tags))]
        span = timedelta(days=size.days).total_seconds()
        status_choices = [Article.Status.DRAFT, Article.Status.REVIEW]
        ids: list[int] = []
        for start in range(0, size.articles, BATCH):
            numbers = range(start, min(start + BATCH, size.articles))
            batch = []
            for number in numbers:
                # Evenly spread over the span, oldest first, newest an hour ago.
                age = span * (1 - (number + 1) / size.articles) + 3600
                article = Article(
                    title=sentence(rng, rng.randint(4, 9))[:-1],
                    slug=f"artikel-{number + 1}",
                    lead=paragraph(rng, rng.randint(25, 45)),
                    body=rng.choice(bodies),
                    category_id=rng.choice(categories),
                    status=Article.Status.PUBLISHED,
                    publish_at=now - timedelta(seconds=age),
                    created_at=now - timedelta(seconds=age + 86_400),
                    updated_at=now - timedelta(seconds=age),
                )
                roll = rng.random()
                if roll < 0.03:
                    article.status = rng.choice(status_choices)
                    article.publish_at = None
                elif roll < 0.04:
                    article.publish_at = now + timedelta(days=rng.randint(1, 30))
                if number == size.articles - 1:
                    article.title = "Benchmark: Der Artikel, der viral geht"
                    article.slug = FEATURED_SLUG
                    article.body = featured_body
                    article.category_id = categories[0]
                    article.status = Article.Status.PUBLISHED
                    article.publish_at = now - timedelta(hours=1)
                batch.append(article)
            with transaction.atomic():
                Article.objects.bulk_create(batch)
                created = list(
                    Article.objects.filter(
                        slug__in=[article.slug for article in batch]
                    ).values_list("pk", "slug")
                )
                by_slug = {slug: pk for pk, slug in created}
                bylines, tagged = [], []
                for article in batch:
                    pk = by_slug[article.slug]
                    featured = article.slug == FEATURED_SLUG
                    count = 2 if featured else rng.choices([1, 2, 3], [75, 20, 5])[0]
                    for position, author in enumerate(rng.sample(authors, count)):
                        bylines.append(
                            Byline(article_id=pk, author_id=author, position=position)
                        )
                    count = 5 if featured else rng.randint(2, 6)
                    chosen = pick_tags(rng, tags, tag_weights, count)
                    tagged.extend(
                        TaggedArticle(content_object_id=pk, tag_id=tag)
                        for tag in chosen
                    )
                Byline.objects.bulk_create(bylines, batch_size=BATCH)
                TaggedArticle.objects.bulk_create(tagged, batch_size=BATCH)
            ids.extend(by_slug[article.slug] for article in batch)
        return ids
