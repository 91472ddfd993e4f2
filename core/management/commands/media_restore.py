"""Put the media of a tar file made by ``media_backup`` into the media storage
(local disk or bucket, which must be empty): ``manage.py media_restore FILE``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.media_backup import MediaRestoreError, media_restore


class Command(BaseCommand):
    help = "Restore media files from a .tar.gz file into an empty media storage."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        try:
            count = media_restore(source=file)
        except MediaRestoreError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{count} media files restored from {file}")
