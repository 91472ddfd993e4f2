from django.core.management.base import BaseCommand

from articles.search_index import search_index_update, uses_full_text


class Command(BaseCommand):
    help = (
        "Recompute the full-text search vector of every article (PostgreSQL). "
        "Run it after imports that bypass save() and signals (bulk_create, update)."
    )

    def handle(self, *args, **options):
        if not uses_full_text():
            self.stdout.write(
                "SQLite searches the columns directly; there is no index to rebuild."
            )
            return
        count = search_index_update()
        self.stdout.write(
            self.style.SUCCESS(f"Search index rebuilt: {count} articles.")
        )
