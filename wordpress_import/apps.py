from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WordPressImportConfig(AppConfig):
    """``manage.py import_wordpress`` and the old addresses it keeps working."""

    name = "wordpress_import"
    verbose_name = _("WordPress import")
