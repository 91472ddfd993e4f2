"""``VisitorSecret`` moves from ``articles`` to ``core``: only Django's idea of
where the model lives changes; the table (``articles_visitorsecret``) and its
rows stay as they are."""

from django.db import migrations, models


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    old = ContentType.objects.filter(app_label="articles", model="visitorsecret")
    if ContentType.objects.filter(app_label="core", model="visitorsecret").exists():
        old.delete()
    else:
        old.update(app_label="core")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("articles", "0010_content_version"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="VisitorSecret",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("day", models.DateField(unique=True, verbose_name="day")),
                        ("secret", models.BinaryField(max_length=32, verbose_name="secret")),
                    ],
                    options={
                        "verbose_name": "visitor secret",
                        "verbose_name_plural": "visitor secrets",
                        "ordering": ["-day"],
                        "db_table": "articles_visitorsecret",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, migrations.RunPython.noop),
    ]
