from django.db import migrations, models


def analyze(apps, schema_editor):
    # The planner needs statistics to prefer the new index (core.database).
    from core.database import database_analyze

    database_analyze()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0025_preview_link"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["id", "status", "publish_at"], name="article_id_visibility"
            ),
        ),
        migrations.RunPython(analyze, migrations.RunPython.noop, elidable=True),
    ]
