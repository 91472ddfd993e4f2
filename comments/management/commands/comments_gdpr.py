"""GDPR requests for commenters: export or erase all comments of one address.

manage.py comments_gdpr export person@example.org > comments.json
manage.py comments_gdpr erase person@example.org --yes
"""

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from comments import services


class Command(BaseCommand):
    help = (
        "Export (access request) or erase (erasure request) all comments of "
        "one e-mail address."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "erase"])
        parser.add_argument("email")
        parser.add_argument(
            "--yes", action="store_true", help="Erase without asking for confirmation."
        )

    def handle(self, *args, action, email, yes=False, **options):
        try:
            validate_email(email)
        except ValidationError:
            raise CommandError(f"Not an e-mail address: {email!r}") from None
        if action == "export":
            data = services.comments_export(email=email)
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        if not yes:
            raise CommandError("Erasing cannot be undone: repeat with --yes.")
        count = services.comments_erase(email=email)
        self.stdout.write(self.style.SUCCESS(f"{count} comments of {email} erased."))
