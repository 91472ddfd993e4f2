"""The test settings without the feature apps named in ``REDAKTION_WITHOUT``
(comma-separated: ``ratings``, ``counters``, ``comments``), on a fresh SQLite
file. Used by ``site_check`` in a process of its own: an app registry cannot
lose an app once it is loaded."""

import os

from tests.settings import *  # noqa: F403
from tests.settings import INSTALLED_APPS

# What each feature app brings into INSTALLED_APPS (comments wraps xtd).
FEATURE_APPS = {
    "ratings": ["ratings"],
    "counters": ["counters"],
    "comments": ["comments", "django_comments_xtd", "django_comments"],
}
removed = [
    app
    for feature in filter(None, os.environ["REDAKTION_WITHOUT"].split(","))
    for app in FEATURE_APPS[feature]
]
INSTALLED_APPS = [app for app in INSTALLED_APPS if app not in removed]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ["REDAKTION_DB"],
    }
}
