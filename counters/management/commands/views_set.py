"""Set view totals: a starting value for migrated articles, or a correction.

    manage.py views_set --article vertrieb-3-0 --total 2574
    manage.py views_set --csv postviews.csv     # lines "slug,total" (WP-PostViews)

The daily rows (this week's reads, the admin chart) stay as they are; the
difference is kept as the article's offset, so the total becomes exactly N.
"""

import csv
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.models import Article
from counters.services import view_total_set


class Command(BaseCommand):
    help = "Set the view total of one article, or of many from a CSV file."

    def add_arguments(self, parser):
        parser.add_argument("--article", help="slug of the article")
        parser.add_argument("--total", type=int, help="the new total (>= 0)")
        parser.add_argument(
            "--csv",
            dest="csv_file",
            type=Path,
            help='file with lines "slug,total" (no header)',
        )

    def handle(self, *args, article=None, total=None, csv_file=None, **options):
        if csv_file is not None:
            if article or total is not None:
                raise CommandError("Use either --csv or --article with --total.")
            pairs = self.read_csv(csv_file)
        elif article and total is not None:
            if total < 0:
                raise CommandError("A total cannot be negative.")
            pairs = [(article, total)]
        else:
            raise CommandError("Give --article SLUG --total N, or --csv FILE.")
        ids = dict(
            Article.objects.filter(slug__in=[slug for slug, _ in pairs]).values_list(
                "slug", "pk"
            )
        )
        unknown = [slug for slug, _ in pairs if slug not in ids]
        if unknown:
            raise CommandError(f"No article with the slug: {', '.join(unknown)}")
        with transaction.atomic():  # all or nothing
            for slug, value in pairs:
                view_total_set(article_id=ids[slug], total=value)
        for slug, value in pairs:
            self.stdout.write(f"{slug}: {value}")
        self.stdout.write(self.style.SUCCESS(f"{len(pairs)} totals set."))

    @staticmethod
    def read_csv(path: Path) -> list[tuple[str, int]]:
        try:
            with path.open(newline="", encoding="utf-8") as handle:
                rows = [row for row in csv.reader(handle) if row]
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error}") from None
        pairs = []
        for number, row in enumerate(rows, start=1):
            try:
                slug, value = row[0].strip(), int(row[1])
            except (IndexError, ValueError):
                raise CommandError(
                    f"Line {number}: expected 'slug,total', got {row!r}"
                ) from None
            if value < 0:
                raise CommandError(f"Line {number}: a total cannot be negative.")
            pairs.append((slug, value))
        return pairs
