"""Hooks through which feature apps (ratings, counters, comments…) plug into articles.

``articles`` never imports a feature app. A feature app registers, in its
``AppConfig.ready()``:

* a queryset hook that joins or prefetches its per-article data, so every page that
  lists or shows articles gets it in a constant number of queries::

      extensions.register_queryset_hook(lambda qs: qs.select_related("rating_summary"))

* a structured-data hook that adds its part to an article's schema.org dict::

      extensions.register_json_ld_hook(add_aggregate_rating)  # (article, data) -> None

* a live part of the article page: a piece that differs from reader to reader
  or from second to second (a count, a form with its CSRF token). The page
  for readers is cached as a shell with a marker in its place
  (``articles.page_shells``); the renderer ``(article, request) -> str`` runs
  on every request. Templates place it with ``{% live "name" article %}``::

      extensions.register_live_part("view_count", render_view_count)

  and, where the app's part of the page changes with time rather than with a
  save, a shell key part ``(article) -> str`` (e.g. "comments still open")::

      extensions.register_shell_key_part(lambda article: str(comments_open(article)))

* admin additions for the article admin: an inline (e.g. a per-article settings
  row such as "ratings enabled") and a column for the change list (a callable
  ``(article) -> str`` with ``short_description``, as ``list_display`` accepts)::

      extensions.register_admin_inline(RatingSummaryInline)
      extensions.register_admin_column(rating_column)

  The article admin's queryset also runs the queryset hooks, so a column reads
  joined data without a query per row.
"""

from collections.abc import Callable
from typing import Any

QuerysetHook = Callable[[Any], Any]
JsonLdHook = Callable[[Any, dict[str, Any]], None]
LivePart = Callable[[Any, Any], str]

_queryset_hooks: list[QuerysetHook] = []
_json_ld_hooks: list[JsonLdHook] = []
_admin_inlines: list[type] = []
_admin_columns: list[Callable[[Any], Any]] = []
_live_parts: dict[str, LivePart] = {}
_shell_key_parts: list[Callable[[Any], str]] = []


def register_live_part(name: str, renderer: LivePart) -> LivePart:
    _live_parts[name] = renderer
    return renderer


def render_live_part(name: str, article, request) -> str:
    """The part's HTML; an unregistered part (its app is not installed) is empty."""
    renderer = _live_parts.get(name)
    return renderer(article, request) if renderer is not None else ""


def register_shell_key_part(part: Callable[[Any], str]) -> Callable[[Any], str]:
    if part not in _shell_key_parts:
        _shell_key_parts.append(part)
    return part


def shell_key_parts(article) -> list[str]:
    return [part(article) for part in _shell_key_parts]


def register_queryset_hook(hook: QuerysetHook) -> QuerysetHook:
    if hook not in _queryset_hooks:
        _queryset_hooks.append(hook)
    return hook


def register_json_ld_hook(hook: JsonLdHook) -> JsonLdHook:
    if hook not in _json_ld_hooks:
        _json_ld_hooks.append(hook)
    return hook


def register_admin_inline(inline: type) -> type:
    if inline not in _admin_inlines:
        _admin_inlines.append(inline)
    return inline


def register_admin_column(column: Callable[[Any], Any]) -> Callable[[Any], Any]:
    if column not in _admin_columns:
        _admin_columns.append(column)
    return column


def admin_inlines() -> list[type]:
    return list(_admin_inlines)


def admin_columns() -> list[Callable[[Any], Any]]:
    return list(_admin_columns)


def apply_queryset_hooks(queryset):
    for hook in _queryset_hooks:
        queryset = hook(queryset)
    return queryset


def apply_json_ld_hooks(article, data: dict[str, Any]) -> None:
    for hook in _json_ld_hooks:
        hook(article, data)
