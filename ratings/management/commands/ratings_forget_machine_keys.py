"""Delete yesterday's (and older) machine keys of votes; run it daily (cron)."""

from datetime import datetime, time

from django.core.management.base import BaseCommand
from django.utils import timezone

from ratings import services


class Command(BaseCommand):
    help = (
        "Blank the daily machine keys of votes from before today: they can no "
        "longer match anyone and are not kept longer than needed."
    )

    def handle(self, *args, **options):
        start_of_today = timezone.make_aware(
            datetime.combine(timezone.localdate(), time.min)
        )
        count = services.vote_machine_keys_forget(before=start_of_today)
        self.stdout.write(f"Machine keys removed from {count} votes.")
