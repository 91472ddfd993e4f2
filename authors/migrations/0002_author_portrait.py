import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("authors", "0001_initial"),
        ("pictures", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="author",
            name="portrait",
            field=models.ForeignKey(
                blank=True,
                help_text="From the picture library; cropped square around its focal point.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="authors",
                to="pictures.picture",
                verbose_name="portrait",
            ),
        ),
    ]
