"""Import steps for the feature apps, written with each app's own services.

Registered by ``register_installed_steps()`` (called when the importer module
is loaded) only for the apps that are installed, so removing a feature app
removes its step and the importer reports that app's data as skipped.

* ``views`` (counters): WP-PostViews' total becomes the article's starting
  value via ``counters.services.view_total_set`` (an offset, not a fake daily
  row, so "most read this week" stays true). Views counted here since an earlier
  import stay on top of it.

A value that cannot be right (``views`` = "viele") is reported and skipped; the
post itself still goes in.
"""

from django.apps import apps

from articles.wordpress.features import DataError, views_total


def import_views(context) -> None:
    from counters.services import view_total_set

    try:
        total = views_total(context.item)
    except DataError as exc:
        context.report.skipped("views", str(exc), example=str(context.item.wp_id))
        return
    if total is None:
        return
    view_total_set(article_id=context.article.pk, total=total)
    if context.created:
        context.report.created("views")
    else:
        context.report.updated("views")


def register_installed_steps(register) -> None:
    if apps.is_installed("counters"):
        register("views", import_views)
