"""Give the Moderator group exactly the comment permissions it needs, and the
Editor group the per-article comment switch.

Permissions are normally created after all migrations ran (post_migrate); we
create them here first, as articles/migrations/0002_create_groups.py does.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_PERMISSIONS = {
    # Read the queue, approve / reject / mark as spam (the admin actions need
    # "change"), keep the blocklist. No delete: erasure is a GDPR command.
    "Moderator": [
        "comments.view_articlecomment",
        "comments.change_articlecomment",
        "comments.view_blockedword",
        "comments.add_blockedword",
        "comments.change_blockedword",
        "comments.delete_blockedword",
    ],
    # Editors switch comments off per article (inline in the article admin).
    "Editor": [
        "comments.view_articlecommentsettings",
        "comments.add_articlecommentsettings",
        "comments.change_articlecommentsettings",
    ],
}


def grant(apps, schema_editor):
    create_permissions(global_apps.get_app_config("comments"), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUP_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for dotted in codenames:
            app_label, codename = dotted.split(".")
            group.permissions.add(
                Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                )
            )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUP_PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        for dotted in codenames:
            app_label, codename = dotted.split(".")
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label=app_label, codename=codename
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("articles", "0002_create_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
