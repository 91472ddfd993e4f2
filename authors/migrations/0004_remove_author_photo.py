from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("authors", "0003_photos_to_library")]

    operations = [migrations.RemoveField(model_name="author", name="photo")]
