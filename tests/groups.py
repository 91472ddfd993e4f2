"""The Journalist/Editor/Moderator groups of the data migrations, for tests.

Transactional tests end with a flush that empties every table, including the
rows data migrations made; a later test that logs in a role would find no
group. ``editorial_groups_restore()`` puts them back (idempotently)."""

import importlib

# The data migrations that make the groups and grant them permissions, in order.
DATA_MIGRATIONS_FOR_GROUPS = [
    ("articles.migrations.0002_create_groups", "create_groups"),
    ("articles.migrations.0005_byline_permissions", "grant"),
    ("comments.migrations.0002_moderator_permissions", "grant"),
    ("articles.migrations.0022_picture_permissions", "grant"),
]
ROLES = ("Journalist", "Editor", "Moderator")


def editorial_groups_restore(*, force: bool = False) -> None:
    from django.apps import apps
    from django.contrib.auth.models import Group

    if not force and Group.objects.filter(name__in=ROLES).count() == len(ROLES):
        return
    for module, function in DATA_MIGRATIONS_FOR_GROUPS:
        getattr(importlib.import_module(module), function)(apps, None)
