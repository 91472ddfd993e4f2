from django.apps import AppConfig
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Site machinery every other app may use; it knows none of them."""

    name = "core"
    verbose_name = _("Site machinery")

    def ready(self):
        from core.text import clean_text_fields

        # Every model, whichever app it belongs to: no control characters in
        # text, whatever path saves it (see core.text).
        pre_save.connect(clean_text_fields, dispatch_uid="core-clean-text-fields")
