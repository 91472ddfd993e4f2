"""A gunicorn worker's warm-up before its first request (``post_worker_init``
in ``config/gunicorn.conf.py``).

A fresh worker — at start, and whenever one is replaced after
``GUNICORN_MAX_REQUESTS`` requests — answered its first reader page in about
half a second (the article page: 530 ms, against 70 ms for a warm worker whose
caches are empty): Django builds the URL resolver of each language on first
use, loads the translation catalogues, compiles every template the page
extends and includes, and opens the database connection. Done here, before
the worker accepts a request, no reader waits for it.

Nothing here may stop a worker from serving: a database that is down at this
moment is the request's business (the styled 503), so each step that fails
is logged and skipped.
"""

import logging
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.template.loader import get_template
from django.urls import get_resolver
from django.utils import translation

logger = logging.getLogger(__name__)

# Templates of the staff's screens: compiled when first used, not by every
# worker at start (readers never wait for them).
STAFF_TEMPLATE_FOLDERS = ("admin", "registration")


def worker_warm() -> int:
    """Warm this process up; returns how many templates it compiled."""
    compiled = 0
    for step in (_resolvers_and_catalogues, _templates, _database):
        try:
            compiled += step() or 0
        except Exception:
            logger.warning("Warm-up step %s failed", step.__name__, exc_info=True)
    return compiled


def _resolvers_and_catalogues() -> None:
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            get_resolver().reverse_dict  # noqa: B018 - built per language on first use
            translation.gettext("Search")  # loads the language's catalogues


def _templates() -> int:
    names = reader_template_names()
    for name in names:
        get_template(name)  # the cached loader keeps it compiled
    return len(names)


def reader_template_names() -> list[str]:
    """The HTML templates of the project's folder and of its own apps (not
    those of installed libraries, which readers' pages do not use)."""
    folders = [Path(folder) for folder in settings.TEMPLATES[0]["DIRS"]]
    folders += [
        Path(config.path) / "templates"
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(settings.BASE_DIR)
    ]
    names = set()
    for folder in folders:
        for path in folder.rglob("*.html"):
            name = path.relative_to(folder).as_posix()
            if not name.startswith(STAFF_TEMPLATE_FOLDERS):
                names.add(name)
    return sorted(names)


def _database() -> None:
    connection.ensure_connection()
