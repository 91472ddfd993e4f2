"""Create the editorial groups with their permissions on every fresh database.

Permissions are normally created after all migrations ran (post_migrate); we
create them here first so the groups can be given them.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = {
    # Writes articles, edits only their own (enforced in ArticleAdmin), submits
    # them for review; cannot publish.
    "Journalist": [
        "articles.add_article",
        "articles.change_article",
        "articles.view_article",
        "articles.view_category",
        "authors.view_author",
        "articles.add_tag",
        "articles.view_tag",
    ],
    # All articles; publishes and schedules; manages categories and authors.
    "Editor": [
        "articles.add_article",
        "articles.change_article",
        "articles.delete_article",
        "articles.view_article",
        "articles.publish_article",
        "articles.add_category",
        "articles.change_category",
        "articles.delete_category",
        "articles.view_category",
        "authors.add_author",
        "authors.change_author",
        "authors.delete_author",
        "authors.view_author",
        "articles.add_tag",
        "articles.change_tag",
        "articles.delete_tag",
        "articles.view_tag",
        "auth.view_user",
    ],
    # No article rights; comment permissions are added by the comments app.
    "Moderator": [],
}


def create_groups(apps, schema_editor):
    for app_label in ("auth", "articles", "authors"):
        # The global app config passes create_permissions' "models loaded"
        # check; the permissions themselves are made from the historical models.
        create_permissions(
            global_apps.get_app_config(app_label), apps=apps, verbosity=0
        )
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for dotted in codenames:
            app_label, codename = dotted.split(".")
            group.permissions.add(
                Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("authors", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
