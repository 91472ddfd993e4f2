"""``WordPressObject`` and ``LegacyURL`` now belong to ``wordpress_import``
(wordpress_import/migrations/0001); their tables stay where they are."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0011_visitor_secret_to_core"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="LegacyURL"),
                migrations.DeleteModel(name="WordPressObject"),
            ],
            database_operations=[],
        ),
    ]
