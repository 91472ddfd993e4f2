"""Give journalists and editors the byline permissions.

The admin shows the byline inline only to users who may add/change bylines;
0002 forgot them, so editors could not set the authors of an article.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["add_byline", "change_byline", "delete_byline", "view_byline"]


def grant(apps, schema_editor):
    create_permissions(global_apps.get_app_config("articles"), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="articles", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name__in=["Journalist", "Editor"]):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_add_search_vector")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
