from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("articles", "0019_featured_images_to_library")]

    operations = [
        migrations.RemoveField(model_name="article", name="image"),
        migrations.RemoveField(model_name="article", name="image_alt"),
        migrations.RemoveField(model_name="article", name="image_credit"),
        migrations.RemoveField(model_name="article", name="image_source"),
    ]
