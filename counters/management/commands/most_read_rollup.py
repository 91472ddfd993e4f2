from django.core.management.base import BaseCommand

from counters.rollups import most_read_rollup


class Command(BaseCommand):
    help = (
        "Compute the most-read rankings (7 days, all time) into their roll-up. "
        "The job worker runs it every few minutes (JOBS_PERIODIC)."
    )

    def handle(self, *args, **options):
        places = most_read_rollup()
        self.stdout.write(self.style.SUCCESS(f"Most-read roll-up: {places} places."))
