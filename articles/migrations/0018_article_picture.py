import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0017_searchdocument"),
        ("pictures", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="picture",
            field=models.ForeignKey(
                blank=True,
                help_text="Choose from the picture library or upload a new picture.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="articles",
                to="pictures.picture",
                verbose_name="featured image",
            ),
        ),
        migrations.AlterField(
            model_name="article",
            name="image_caption",
            field=models.CharField(
                blank=True,
                help_text="For this article; empty: the picture's default caption.",
                max_length=300,
                verbose_name="caption",
            ),
        ),
    ]
