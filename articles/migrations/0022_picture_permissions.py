"""Journalists upload, change and use library pictures; editors also delete
them (a picture in use cannot be deleted: its uses protect it)."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "Journalist": ["add_picture", "change_picture", "view_picture"],
    "Editor": ["add_picture", "change_picture", "delete_picture", "view_picture"],
}


def grant(apps, schema_editor):
    create_permissions(global_apps.get_app_config("pictures"), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="pictures", codename__in=GRANTS[group.name]
            )
        )


class Migration(migrations.Migration):
    dependencies = [("articles", "0021_inline_picture")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
