from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def forget_machine_keys(sender, now, **kwargs):
    """Daily privacy clean-up: machine keys only ever match on their own day."""
    from django.utils import timezone

    from ratings.services import vote_machine_keys_forget

    start_of_today = timezone.localtime(now).replace(hour=0, minute=0, second=0)
    changed = vote_machine_keys_forget(before=start_of_today)
    return ("machine keys of earlier days' votes blanked", changed)


class RatingsConfig(AppConfig):
    name = "ratings"
    verbose_name = _("Ratings")

    def ready(self):
        # What ratings adds to articles is in ratings/hooks.py (found by
        # articles), its demo data in ratings/demo.py (found by demo).
        from core.signals import privacy_cleanup_requested

        privacy_cleanup_requested.connect(
            forget_machine_keys, dispatch_uid="ratings-privacy-cleanup"
        )
        # Purges of the shared HTTP cache after a vote (core.purge).
        from ratings import caching

        caching.connect()
