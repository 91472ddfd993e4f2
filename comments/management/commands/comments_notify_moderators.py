"""Send the moderator mails that could not be sent when their comment came in
(the mail server was down). Safe to run at any time; run it from cron:

manage.py comments_notify_moderators
"""

from django.core.management.base import BaseCommand

from comments import services


class Command(BaseCommand):
    help = "Mail the moderators about held comments whose mail failed before."

    def handle(self, *args, **options):
        sent = services.moderators_notify_pending(limit=1000)
        if options["verbosity"]:
            self.stdout.write(f"{sent} moderator mails sent.")
