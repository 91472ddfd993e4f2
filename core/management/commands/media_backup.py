"""Copy the media (local disk or bucket) into a tar file: ``manage.py
media_backup /backups/2026-12-02/media.tar.gz`` (see ``core.media_backup``)."""

from pathlib import Path

from django.core.management.base import BaseCommand

from core.media_backup import media_backup


class Command(BaseCommand):
    help = "Copy every media file (local disk or bucket) into a .tar.gz file."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        count = media_backup(into=file)
        self.stdout.write(f"{count} media files written to {file}")
