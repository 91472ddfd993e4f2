"""``python manage.py import_wordpress EXPORT.xml [--media-dir DIR] [--dry-run]``"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wordpress_import.importer import WordPressImporter
from wordpress_import.parser import WXRError

PROGRESS_EVERY = 250


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR file from Tools → Export): authors, "
        "categories, tags, posts, featured and inline images, old addresses. "
        "Safe to run again: updates what changed, creates no duplicates."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", type=Path, help="the WXR file")
        parser.add_argument(
            "--media-dir",
            type=Path,
            help="a copy of wp-content/uploads; without it images are downloaded",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="report only, write nothing"
        )
        parser.add_argument(
            "--create-users",
            action="store_true",
            help="create an inactive login (no password) for each author",
        )
        parser.add_argument(
            "--timeout",
            type=float,
            default=20.0,
            help="seconds per image download (default 20)",
        )

    def handle(self, *args, export: Path, media_dir, dry_run, **options):
        if media_dir is not None and not media_dir.is_dir():
            raise CommandError(f"--media-dir {media_dir}: not a directory.")
        verbosity = options["verbosity"]

        def progress(number: int, total: int) -> None:
            if verbosity and (number % PROGRESS_EVERY == 0 or number == total):
                self.stderr.write(f"{number}/{total} items")

        importer = WordPressImporter(
            export,
            media_dir=media_dir,
            dry_run=dry_run,
            create_users=options["create_users"],
            timeout=options["timeout"],
            progress=progress,
        )
        try:
            report = importer.run()
        except WXRError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(report.as_text())
