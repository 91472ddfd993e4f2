from django.core.management.base import BaseCommand

from articles.search_index import search_index_rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the search index of every article (PostgreSQL: the stored "
        "vectors and their GIN index; SQLite: the stemmed documents and their "
        "FTS5 index). Run it after imports that bypass save() and signals "
        "(bulk_create, update)."
    )

    def handle(self, *args, **options):
        count = search_index_rebuild()
        self.stdout.write(
            self.style.SUCCESS(f"Search index rebuilt: {count} articles.")
        )
