"""``VisitorSecret`` now belongs to ``core`` (core/migrations/0001); its table
stays where it is."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0010_content_version"),
        ("core", "0001_visitor_secret_from_articles"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="VisitorSecret")],
            database_operations=[],
        ),
    ]
