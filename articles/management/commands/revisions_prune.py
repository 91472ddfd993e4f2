"""``manage.py revisions_prune --keep N --older-than DAYS``."""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from articles.revisions import revisions_prune


class Command(BaseCommand):
    help = (
        "Delete old saved revisions of articles: per article, the newest KEEP "
        "stay, and so does every revision older than DAYS that was published."
    )

    def add_arguments(self, parser):
        parser.add_argument("--keep", type=int, required=True)
        parser.add_argument("--older-than", type=int, required=True, dest="older_than")

    def handle(self, *args, keep: int, older_than: int, **options):
        if keep < 0 or older_than < 0:
            raise CommandError("--keep and --older-than must not be negative.")
        deleted = revisions_prune(
            keep=keep, before=timezone.now() - timedelta(days=older_than)
        )
        if options["verbosity"]:
            self.stdout.write(f"{deleted} revisions deleted.")
