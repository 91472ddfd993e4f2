from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Site machinery every other app may use; it knows none of them."""

    name = "core"
    verbose_name = _("Site machinery")
