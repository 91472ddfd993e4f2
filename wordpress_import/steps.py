"""How feature apps import their part of a post.

The importer maps posts onto articles. What WordPress plugins and comments add
to a post (WP-PostViews' views, WP-PostRatings' votes, the comment threads) is
stored by the app that owns it, each with its own services. Such an app has a
module ``wordpress.py`` that registers a step for its kind of data::

    from wordpress_import.steps import post_step

    @post_step("views")
    def import_views(context: PostContext) -> None: ...

The importer finds those modules itself when it starts
(``installed_steps``), so an app that is not installed has no step, and its
data is reported as skipped with the reason, never dropped silently. A step
runs for every imported post, inside the post's transaction, after the post's
own fields, terms, byline, featured image and old addresses; it reads the
WordPress data, already checked, from ``wordpress_import.plugin_data``.

In tests, ``with steps.registered("views", step):`` replaces a step (or, with
``None``, removes it) for the duration of a block.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils.module_loading import autodiscover_modules

from wordpress_import import parser
from wordpress_import.report import Report

if TYPE_CHECKING:
    from wordpress_import.importer import WordPressImporter

# The kinds of feature data in an export, in the order their steps run, and
# the app whose wordpress.py imports each (named in the "skipped" report).
FEATURE_DATA = {
    "views": "counters",
    "ratings": "ratings",
    "comments": "comments",
}


@dataclass
class PostContext:
    importer: "WordPressImporter"
    item: parser.Item
    article: Any  # articles.Article, saved
    created: bool
    complete: bool = True  # False: something was missing (e.g. an image); retry

    @property
    def report(self) -> Report:
        return self.importer.report


PostStep = Callable[[PostContext], None]
_steps: dict[str, PostStep] = {}


def post_step(name: str) -> Callable[[PostStep], PostStep]:
    """Register ``step(context)`` for the feature data ``name`` (a key of
    ``FEATURE_DATA``)."""
    if name not in FEATURE_DATA:
        raise ValueError(f"Unknown feature data {name!r}; known: {list(FEATURE_DATA)}")

    def register(step: PostStep) -> PostStep:
        _steps[name] = step
        return step

    return register


def installed_steps() -> dict[str, PostStep]:
    """The steps of the installed apps (their ``wordpress.py`` modules)."""
    autodiscover_modules("wordpress")
    return dict(_steps)


@contextmanager
def registered(name: str, step: PostStep | None) -> Iterator[None]:
    installed_steps()  # so the app's own step does not come back later
    previous = _steps.get(name)
    if step is None:
        _steps.pop(name, None)
    else:
        _steps[name] = step
    try:
        yield
    finally:
        if previous is None:
            _steps.pop(name, None)
        else:
            _steps[name] = previous
