"""``WordPressObject`` and ``LegacyURL`` move from ``articles`` to
``wordpress_import``: only Django's idea of where the models live changes; the
tables (``articles_wordpressobject``, ``articles_legacyurl``) and their rows
stay as they are, and so do the permissions given for them."""

import django.db.models.deletion
from django.db import migrations, models


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in ("wordpressobject", "legacyurl"):
        old = ContentType.objects.filter(app_label="articles", model=model)
        if ContentType.objects.filter(app_label="wordpress_import", model=model):
            old.delete()
        else:
            old.update(app_label="wordpress_import")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("articles", "0011_visitor_secret_to_core"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="LegacyURL",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("path", models.CharField(max_length=500, unique=True, verbose_name="path")),
                        ("article", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="legacy_urls", to="articles.article", verbose_name="article")),
                    ],
                    options={
                        "verbose_name": "old address",
                        "verbose_name_plural": "old addresses",
                        "ordering": ["path"],
                        "db_table": "articles_legacyurl",
                    },
                ),
                migrations.CreateModel(
                    name="WordPressObject",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("kind", models.CharField(choices=[("author", "Author"), ("category", "Category"), ("tag", "Tag"), ("post", "Post"), ("page", "Page"), ("comment", "Comment")], max_length=20, verbose_name="kind")),
                        ("wp_id", models.PositiveBigIntegerField(verbose_name="WordPress ID")),
                        ("object_id", models.PositiveBigIntegerField(verbose_name="object ID")),
                        ("fingerprint", models.CharField(blank=True, max_length=64, verbose_name="fingerprint")),
                        ("imported_at", models.DateTimeField(auto_now=True, verbose_name="imported")),
                    ],
                    options={
                        "verbose_name": "WordPress object",
                        "verbose_name_plural": "WordPress objects",
                        "ordering": ["kind", "wp_id"],
                        "db_table": "articles_wordpressobject",
                        "constraints": [models.UniqueConstraint(fields=("kind", "wp_id"), name="one_row_per_wordpress_object")],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, migrations.RunPython.noop),
    ]
