"""Fill an empty database with benchmark data: many articles, fast.

Used by ``bench/run.py`` (see the README, section “Benchmark”); never on a real
site: it refuses to run on a database that already holds articles.

Everything goes in with ``bulk_create`` in batches (the million comments and the
daily view counts with ``executemany`` of plain rows), so 100,000 articles take
minutes, not hours. ``save()`` is bypassed on purpose: article bodies come from a
small pool of texts that were sanitised once with the body field's own sanitiser,
and slugs are generated unique. The data is deterministic (fixed random seed), so
two runs at the same scale measure the same pages.

Feature apps' data (comments, daily view counts, votes) is made by the
``add_comments``, ``add_daily_views`` and ``add_votes`` functions below: they are
looked up through the app registry (never imported), and skip with a notice while
their app has no models.
"""

import random
import time
from dataclasses import dataclass
from datetime import timedelta

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from articles.models import Article, Byline, Category, Tag, TaggedArticle
from articles.search_index import search_index_rebuild
from authors.models import Author

# The article every article-page run of the benchmark requests: the newest one,
# about 1,500 words, two authors, five tags, in the first category.
FEATURED_SLUG = "benchmark-artikel"
FEATURED_WORDS = 1500
FEATURED_COMMENTS = 20  # approved, threaded (see add_comments)


@dataclass(frozen=True)
class Scale:
    articles: int
    authors: int
    categories: int
    tags: int
    days: int  # articles are spread over this many days before now
    comments: int  # approved; plus FEATURED_COMMENTS on the featured article
    view_days: int  # daily view counts per article, this many days back
    votes: int


SCALES = {
    # For the test suite: checks the generator still works.
    "tiny": Scale(
        articles=40,
        authors=5,
        categories=4,
        tags=20,
        days=30,
        comments=100,
        view_days=3,
        votes=50,
    ),
    "small": Scale(
        articles=1_000,
        authors=20,
        categories=8,
        tags=200,
        days=365,
        comments=10_000,
        view_days=30,
        votes=2_000,
    ),
    # The scale: 100,000 articles, 1,000,000 comments, 30 days of daily
    # view counts for every article, 200,000 votes.
    "large": Scale(
        articles=100_000,
        authors=300,
        categories=10,
        tags=5_000,
        days=3_650,
        comments=1_000_000,
        view_days=30,
        votes=200_000,
    ),
}

BATCH = 2_000  # rows per INSERT (Django lowers it further where SQLite needs it)

_WORD_TEXT = (
    "Vertrieb Mittelstand Kunden Angebot Preis Markt Unternehmen Technik Software "
    "Daten Plattform Lieferkette Fachkräfte Führung Arbeit Zukunft Strategie Umsatz "
    "Qualität Service Beratung Produktion Maschinenbau Digitalisierung Entwicklung "
    "Projekt Team Erfahrung Wettbewerb Branche Region Wachstum Investition Kosten "
    "Innovation Sicherheit Verantwortung Energie Nachhaltigkeit Ausbildung Praxis "
    "und oder aber denn weil wenn dass sich nicht auch noch schon immer wieder "
    "mehr weniger schnell langsam deutlich einfach wichtig neue große kleine "
    "erste letzte viele wenige eigene gemeinsame der die das ein eine mit für "
    "über unter zwischen nach vor bei aus von zu im am"
)
_NAME_TEXT = (
    "Anna Lukas Marie Jonas Sophie Felix Lena Paul Laura Leon Julia Tim Katharina "
    "Moritz Hannah Niklas Clara David Emilia Jan Sarah Tobias Lea Simon Johanna"
)
_SURNAME_TEXT = (
    "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann "
    "Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann "
    "Braun Krüger Hofmann Hartmann Lange Schmitt Werner Krause Brückner Lehmann"
)
WORDS = _WORD_TEXT.split()
NOUNS = [word for word in WORDS if word[0].isupper()]
FIRST_NAMES = _NAME_TEXT.split()
LAST_NAMES = _SURNAME_TEXT.split()


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, words: int) -> str:
    parts, left = [], words
    while left > 0:
        length = min(left, rng.randint(8, 20))
        parts.append(sentence(rng, length))
        left -= length
    return " ".join(parts)


def body_html(rng: random.Random, words: int) -> str:
    """An article body of about ``words`` words with the markup journalists use:
    paragraphs, subheadings, emphasis, a list and a link."""
    blocks, left, index = [], words, 0
    while left > 0:
        if index and index % 4 == 0:
            blocks.append(f"<h2>{sentence(rng, 4)[:-1]}</h2>")
        if index == 2:
            items = "".join(f"<li>{sentence(rng, 6)}</li>" for _ in range(3))
            blocks.append(f"<ul>{items}</ul>")
            left -= 18
        length = min(left, rng.randint(50, 110))
        text = paragraph(rng, length)
        if index == 1:
            text += ' Mehr dazu <a href="https://example.org/studie">in der Studie</a>.'
        if index == 3:
            text = f"<strong>{text[:40]}</strong>{text[40:]}"
        blocks.append(f"<p>{text}</p>")
        left -= length
        index += 1
    return "".join(blocks)


def pick_tags(rng: random.Random, tags: list[int], weights, count: int) -> set[int]:
    """``count`` different tags, popular ones (low rank) more often."""
    chosen: set[int] = set()
    count = min(count, len(tags))
    while len(chosen) < count:
        chosen.update(rng.choices(tags, weights, k=count - len(chosen)))
    return chosen


def timed(stdout, label: str):
    """Context manager printing how long a step took."""

    class _Timer:
        def __enter__(self):
            self.start = time.perf_counter()
            return self

        def __exit__(self, *exc):
            if exc[0] is None:
                seconds = time.perf_counter() - self.start
                stdout.write(f"  {label:<28} {seconds:7.1f} s")

    return _Timer()


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
        # Extension points: data of the feature apps.
        for label, step in [
            ("comments", add_comments),
            ("daily view counts", add_daily_views),
            ("votes", add_votes),
        ]:
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


# --- Extension points: data of the feature apps -------------------------------
# Each function gets the random generator, the scale, "now", the ids of all
# articles (oldest first; drafts included) and the featured article, inserts its
# rows in batches (bulk_create, or executemany of plain tuples where there are
# millions or several tables), and returns a one-line note. They look the
# models up through the app registry so that ``articles`` imports no feature app.


# How the comments of an article thread: this share of them answers an earlier
# comment (up to xtd's maximum thread level), the rest start a thread.
REPLY_SHARE = 0.4
COMMENT_FLUSH = 20_000  # comments per transaction (comments.bulk)
_ASCII = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def comment_pools(rng: random.Random) -> tuple[list[str], list[tuple[str, str, str]]]:
    """A few hundred comment texts and a few thousand commenters (name, e-mail,
    website), drawn from for every comment: a million sentences would cost more
    time than the inserts."""
    texts = [
        " ".join(sentence(rng, rng.randint(6, 18)) for _ in range(rng.randint(1, 4)))
        for _ in range(400)
    ]
    people = []
    for number in range(3_000):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        local = f"{first}.{last}{number}".lower().translate(_ASCII)
        url = f"https://example.org/{local}" if rng.random() < 0.2 else ""
        people.append((f"{first} {last}", f"{local}@example.org", url))
    return texts, people


def thread_plan(rng: random.Random, count: int, max_level: int, chain: bool = False):
    """The parent (an index, or ``None`` for a new thread) and level of each of
    ``count`` comments in the order they were written. ``chain``: the first
    comments answer each other down to ``max_level`` (so the deepest level is
    always there)."""
    parents: list[int | None] = []
    levels: list[int] = []
    repliable: list[int] = []  # comments below the maximum level
    for index in range(count):
        if chain and 0 < index <= max_level:
            parent = index - 1
        elif repliable and rng.random() < REPLY_SHARE:
            # An answer to one of the latest comments, as in a discussion.
            parent = rng.choice(repliable[-6:])
        else:
            parent = None
        level = 0 if parent is None else levels[parent] + 1
        parents.append(parent)
        levels.append(level)
        if level < max_level:
            repliable.append(index)
    return parents, levels


class CommentInserter:
    """Comments of many articles, written in batches by the comments app's
    ``comments.bulk.comments_insert`` (multi-row INSERTs into the three tables of
    ``ArticleComment``, thread fields as xtd's ``save()`` sets them): a million
    model instances through ``save()`` would take hours, and ``bulk_create``
    refuses multi-table models."""

    def __init__(self, content_type):
        from comments.bulk import NewComment, comments_insert

        self.new_comment, self.insert = NewComment, comments_insert
        self.content_type = content_type
        self.rows: list = []
        self.written = 0

    def add_article(self, article_id: int, dates, parents, people, texts, rng):
        """Comments on one article in the order they were written (``dates``
        ascending, ``parents`` from :func:`thread_plan`)."""
        offset = len(self.rows)
        object_pk = str(article_id)
        for date, parent in zip(dates, parents, strict=True):
            name, email, url = rng.choice(people)
            self.rows.append(
                self.new_comment(
                    object_pk=object_pk,
                    user_name=name,
                    user_email=email,
                    user_url=url,
                    comment=rng.choice(texts),
                    submit_date=date,
                    # No address: the app keeps truncated ones 30 days only.
                    parent=None if parent is None else offset + parent,
                )
            )
        if len(self.rows) >= COMMENT_FLUSH:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        with transaction.atomic():
            self.insert(self.rows, content_type=self.content_type)
        self.written += len(self.rows)
        self.rows = []

    def finish(self) -> int:
        self.flush()
        return self.written


def add_comments(*, rng, size: Scale, now, article_ids, featured) -> str:
    """``size.comments`` approved comments spread over the published articles
    (a few popular articles get many, most a handful, some none), plus exactly
    ``FEATURED_COMMENTS`` approved ones on the featured article, written within
    its first hour. Part of them are replies, down to xtd's maximum thread level
    (``COMMENTS_XTD_MAX_THREAD_LEVEL``), with the thread fields and reply counts
    xtd's own ``save()`` would have stored; the comment counts of the lists are
    counted from these rows (``comments.models.approved_count_subquery``), so
    there is nothing else to keep in step. No IP addresses: the comments app
    blanks its truncated ones after ``COMMENTS_IP_RETENTION_DAYS``."""
    if not apps.is_installed("comments"):
        return "skipped: the comments app is not installed"
    from django.contrib.contenttypes.models import ContentType
    from django_comments_xtd.models import max_thread_level_for_content_type

    content_type = ContentType.objects.get_for_model(Article)
    max_level = max_thread_level_for_content_type(content_type)
    inserter = CommentInserter(content_type)
    texts, people = comment_pools(rng)
    published = list(
        Article.objects.published()
        .filter(pk__in=article_ids)
        .exclude(pk=featured.pk)
        .order_by("pk")
        .values_list("pk", "publish_at")
    )
    counts = [0] * len(published)
    if published:
        # A long tail, capped: the most discussed article gets about a thousand.
        weights = [min(rng.paretovariate(1.2), 500) for _ in published]
        for index in rng.choices(range(len(published)), weights, k=size.comments):
            counts[index] += 1
    replies = 0
    for (pk, publish_at), count in zip(published, counts, strict=True):
        if not count:
            continue
        # Most comments in the first days, a few much later; never after "now".
        span = (now - publish_at).total_seconds()
        offsets = []
        for _ in range(count):
            offset = rng.expovariate(1 / 172_800)  # mean: two days
            offsets.append(offset if offset < span else rng.uniform(0, span))
        offsets.sort()
        parents, levels = thread_plan(rng, count, max_level)
        replies += sum(level > 0 for level in levels)
        dates = [publish_at + timedelta(seconds=offset) for offset in offsets]
        inserter.add_article(pk, dates, parents, people, texts, rng)
    # The featured article: its first hour (published an hour before "now").
    offsets = sorted(rng.uniform(60, 3_540) for _ in range(FEATURED_COMMENTS))
    parents, levels = thread_plan(rng, FEATURED_COMMENTS, max_level, chain=True)
    dates = [featured.publish_at + timedelta(seconds=offset) for offset in offsets]
    inserter.add_article(featured.pk, dates, parents, people, texts, rng)
    replies += sum(level > 0 for level in levels)
    written = inserter.finish()
    commented = sum(1 for count in counts if count) + 1
    return (
        f"{written:,} comments ({replies:,} replies) on {commented:,} articles, "
        f"{FEATURED_COMMENTS} threaded on the featured article"
    )


def add_daily_views(*, rng, size: Scale, now, article_ids, featured) -> str:
    """A row of ``counters.DailyViews`` for each of the last ``size.view_days``
    days of every published article (from its publication day on), a few hundred
    views a day for new articles and a handful for old ones, with a long tail of
    popular ones; and an imported starting value (``ViewOffset``) for every tenth
    article, as after a move from WP-PostViews."""
    try:
        DailyViews = apps.get_model("counters", "DailyViews")
        ViewOffset = apps.get_model("counters", "ViewOffset")
    except LookupError:
        return "skipped: the counters app is not installed"
    today = timezone.localdate(now)
    days = [today - timedelta(days=back) for back in range(size.view_days)]
    adapted = {day: connection.ops.adapt_datefield_value(day) for day in days}
    # Millions of rows: a plain executemany of tuples, not model instances.
    table = connection.ops.quote_name(DailyViews._meta.db_table)
    insert = f'INSERT INTO {table} ("article_id", "day", "count") VALUES (%s, %s, %s)'
    published = Article.objects.published().filter(pk__in=article_ids)
    rows = offsets = 0
    for start in range(0, len(article_ids), BATCH):
        chunk = article_ids[start : start + BATCH]
        batch, imported = [], []
        for pk, publish_at in published.filter(pk__in=chunk).values_list(
            "pk", "publish_at"
        ):
            first_day = timezone.localdate(publish_at)
            age = max((today - first_day).days, 0)
            popularity = rng.paretovariate(1.5) * (200 if age < 30 else 5)
            batch.extend(
                (pk, adapted[day], 1 + int(popularity * rng.uniform(0.3, 1.0)))
                for day in days
                if day >= first_day
            )
            if pk % 10 == 0:
                imported.append(ViewOffset(article_id=pk, views=int(popularity * 365)))
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(insert, batch)
            ViewOffset.objects.bulk_create(imported, batch_size=BATCH)
        rows += len(batch)
        offsets += len(imported)
    return f"{rows:,} daily view rows, {offsets:,} imported totals"


def add_votes(*, rng, size: Scale, now, article_ids, featured) -> str:
    """``size.votes`` votes (scores 1–5, mostly good) on published articles, a
    few popular articles getting many, and the matching ``RatingSummary`` rows
    (count and sum), as ``ratings.services`` would have left them."""
    try:
        Vote = apps.get_model("ratings", "Vote")
        RatingSummary = apps.get_model("ratings", "RatingSummary")
    except LookupError:
        return "skipped: the ratings app is not installed"
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
