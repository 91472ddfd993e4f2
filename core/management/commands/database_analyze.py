"""Refresh the database planner's statistics. Scheduled daily in the worker."""

from django.core.management.base import BaseCommand

from core.database import database_analyze


class Command(BaseCommand):
    help = "Refresh the query planner's statistics (ANALYZE)."

    def handle(self, *args, **options):
        database_analyze()
        if options["verbosity"] > 1:
            self.stdout.write("Statistics refreshed.")
