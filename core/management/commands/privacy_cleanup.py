"""Delete what identifies visitors once its purpose is served. Run it daily.

Safe to run at any time and more than once: every step is a single UPDATE or
DELETE of rows past their retention period. This app removes the visitor
secrets of past days (which makes every visitor key of those days irreversible),
expired rate-limit and view windows (``core.windows``) and old login-lockout
records; the feature apps add their steps through the
``privacy_cleanup_requested`` signal (ratings: machine keys of votes; comments:
the truncated IP addresses of old comments).
"""

from datetime import timedelta

from axes.models import AccessAttempt
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from core.models import VisitorSecret
from core.signals import privacy_cleanup_requested
from core.windows import windows_forget_expired


class Command(BaseCommand):
    help = "Delete visitor secrets, keys and addresses past their retention period."

    def handle(self, *args, **options):
        now = timezone.now()
        steps = []
        with transaction.atomic():
            # Yesterday's secret is still needed for the 30-minute view window
            # across midnight; everything older goes.
            keep_from = timezone.localdate(now) - timedelta(days=1)
            deleted, _ = VisitorSecret.objects.filter(day__lt=keep_from).delete()
            steps.append(("visitor secrets of past days deleted", deleted))
            deleted = windows_forget_expired(now=now)
            steps.append(("expired rate-limit and view windows deleted", deleted))
            cutoff = now - settings.AXES_COOLOFF_TIME
            deleted, _ = AccessAttempt.objects.filter(attempt_time__lt=cutoff).delete()
            steps.append(("expired login-lockout records deleted", deleted))
            for _receiver, result in privacy_cleanup_requested.send(
                sender=self.__class__, now=now
            ):
                steps.append(result)
        for description, count in steps:
            self.stdout.write(f"{count:>8}  {description}")
