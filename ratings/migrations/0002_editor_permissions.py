"""Editors may switch ratings off per article, see the votes and reset them."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PERMISSIONS = [
    "add_ratingsummary",  # the "ratings enabled" inline creates the row
    "view_ratingsummary",
    "change_ratingsummary",
    "reset_ratings",
    "view_vote",
]


def grant(apps, schema_editor):
    create_permissions(global_apps.get_app_config("ratings"), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editor, _created = Group.objects.get_or_create(name="Editor")
    editor.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="ratings", codename__in=EDITOR_PERMISSIONS
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Editor"):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="ratings", codename__in=EDITOR_PERMISSIONS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("ratings", "0001_initial"),
        ("articles", "0002_create_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
