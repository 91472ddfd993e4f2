"""What feature apps (ratings, counters, comments…) may add to articles.

``articles`` never imports a feature app; the feature apps fill these
registries. Each puts its additions in a module named ``hooks.py``, which
``ArticlesConfig.ready()`` imports for every installed app (as the admin does
with ``admin.py`` and Wagtail with ``wagtail_hooks.py``). Removing an app from
``INSTALLED_APPS`` removes its additions and nothing else.

The kinds of additions, each with its decorator:

``@hooks.queryset``
    ``(queryset) -> queryset``: joins or prefetches the app's per-article data,
    so every page that lists or shows articles (``with_related``) gets it in a
    constant number of queries. The article admin runs them too.
``@hooks.json_ld``
    ``(article, data) -> None``: adds the app's part to an article's schema.org
    dict (``aggregateRating``, ``commentCount`` …).
``@hooks.live_part("name")``
    ``(article, request) -> str``: a piece of the article page that differs from
    reader to reader or second to second (a count, a form with its CSRF token).
    The page for readers is cached as a shell with a marker in its place
    (``articles.page_shells``); templates place it with ``{% live "name" article %}``.
``@hooks.live_data``
    ``(article, request) -> dict``: the app's part of the answer to the page's
    one live request (``POST /live/<id>/``, ``articles.views.live``): counts
    the view, returns the current count, rating summary, whether comments are
    open, the form's security fields. The page itself, cached for every
    reader, carries placeholders (``core.http_cache``).
``@hooks.shell_key``
    ``(article) -> str``: what else the cached shell depends on, when it changes
    with time rather than with a save (e.g. "comments still open").
``@hooks.page_part("slot", order=…)``
    ``(context) -> str``: a block on a page that the project's templates
    compose, placed with ``{% page_parts "slot" %}``. Slots: ``home_sidebar``
    (the home page's sidebar), ``article_end`` (under the article).
``hooks.admin_inline(InlineClass)``, ``hooks.admin_column(callable)``
    an inline and a change-list column for the article admin.
``@hooks.dashboard_block(order=…)``
    ``(request) -> str``: a block of the newsroom dashboard (the admin index,
    ``articles.newsroom``), empty for people it is not meant for (the comments
    app's block only for moderators). A block reads a fixed number of rows,
    so the dashboard's queries do not grow with the content.
``@hooks.article_figure``
    ``(article) -> str``: a figure shown beside an article on the dashboard
    („1.234 Aufrufe“), read from what the app's queryset hook joined.

In tests, ``with hooks.LIVE_PARTS.temporarily(render, key="name"):`` (and the
same on every registry) registers something for the duration of a block.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.template import Context


@dataclass(frozen=True)
class _Entry:
    item: Any
    key: str
    order: int


class Registry:
    """Registered items, each under a key (a live part's name, a page slot)
    and sorted by ``order``; registering the same item twice keeps one."""

    def __init__(self) -> None:
        self._entries: list[_Entry] = []

    def add(self, item, *, key: str = "", order: int = 0):
        if not any(e.item == item and e.key == key for e in self._entries):
            self._entries.append(_Entry(item, key, order))
        return item

    def remove(self, item, *, key: str = "") -> None:
        self._entries = [
            e for e in self._entries if not (e.item == item and e.key == key)
        ]

    def items(self, key: str = "") -> list:
        entries = sorted(
            (e for e in self._entries if e.key == key), key=lambda e: e.order
        )
        return [e.item for e in entries]

    @contextmanager
    def temporarily(self, item, *, key: str = "", order: int = 0) -> Iterator[Any]:
        """Register ``item`` for the duration of a ``with`` block (tests)."""
        already = item in self.items(key)
        self.add(item, key=key, order=order)
        try:
            yield item
        finally:
            if not already:
                self.remove(item, key=key)


QUERYSETS = Registry()
JSON_LD = Registry()
LIVE_PARTS = Registry()
LIVE_DATA = Registry()
SHELL_KEYS = Registry()
PAGE_PARTS = Registry()
ADMIN_INLINES = Registry()
ADMIN_COLUMNS = Registry()
DASHBOARD_BLOCKS = Registry()
ARTICLE_FIGURES = Registry()

PAGE_SLOTS = ("home_sidebar", "article_end")


# --- Registering (feature apps' hooks.py) ---


def queryset(hook: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return QUERYSETS.add(hook)


def json_ld(hook: Callable[[Any, dict], None]) -> Callable[[Any, dict], None]:
    return JSON_LD.add(hook)


def live_part(name: str):
    def register(renderer: Callable[[Any, Any], str]) -> Callable[[Any, Any], str]:
        return LIVE_PARTS.add(renderer, key=name)

    return register


def live_data(contribute: Callable[[Any, Any], dict]) -> Callable[[Any, Any], dict]:
    return LIVE_DATA.add(contribute)


def shell_key(part: Callable[[Any], str]) -> Callable[[Any], str]:
    return SHELL_KEYS.add(part)


def page_part(slot: str, *, order: int = 50):
    if slot not in PAGE_SLOTS:
        raise ValueError(f"Unknown page slot {slot!r}; known: {PAGE_SLOTS}")

    def register(renderer: Callable[[Context], str]) -> Callable[[Context], str]:
        return PAGE_PARTS.add(renderer, key=slot, order=order)

    return register


def admin_inline(inline: type) -> type:
    return ADMIN_INLINES.add(inline)


def admin_column(column: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return ADMIN_COLUMNS.add(column)


def dashboard_block(*, order: int = 50):
    def register(renderer: Callable[[Any], str]) -> Callable[[Any], str]:
        return DASHBOARD_BLOCKS.add(renderer, order=order)

    return register


def article_figure(figure: Callable[[Any], str]) -> Callable[[Any], str]:
    return ARTICLE_FIGURES.add(figure)


# --- Using them (articles, and the pages the project composes) ---


def apply_queryset_hooks(queryset):
    for hook in QUERYSETS.items():
        queryset = hook(queryset)
    return queryset


def apply_json_ld_hooks(article, data: dict[str, Any]) -> None:
    for hook in JSON_LD.items():
        hook(article, data)


def render_live_part(name: str, article, request) -> str:
    """The part's HTML; a part nobody registered (its app is not installed)
    is empty."""
    return "".join(renderer(article, request) for renderer in LIVE_PARTS.items(name))


def collect_live_data(article, request) -> dict[str, Any]:
    """The installed apps' parts of the live answer, merged."""
    data: dict[str, Any] = {}
    for contribute in LIVE_DATA.items():
        data.update(contribute(article, request))
    return data


def render_dashboard_blocks(request) -> list[str]:
    """The feature apps' dashboard blocks that have something for this person."""
    blocks = (renderer(request) for renderer in DASHBOARD_BLOCKS.items())
    return [block for block in blocks if block]


def article_figures(article) -> list[str]:
    return [figure(article) for figure in ARTICLE_FIGURES.items()]


def shell_key_parts(article) -> list[str]:
    return [part(article) for part in SHELL_KEYS.items()]


def render_page_parts(slot: str, context: Context) -> str:
    return "".join(renderer(context) for renderer in PAGE_PARTS.items(slot))


def render_in_context(context: Context, template_name: str, values: dict) -> str:
    """A template rendered with ``values`` in a context like the page's (its
    autoescaping, request and CSRF token), as an inclusion tag would: for
    page parts."""
    template = context.template.engine.get_template(template_name)
    new_context = context.new(values)
    if context.get("csrf_token") is not None:
        new_context["csrf_token"] = context["csrf_token"]
    return template.render(new_context)
