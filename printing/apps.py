from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrintingConfig(AppConfig):
    """The print view and the PDF of an article, and the cache of its PDFs."""

    name = "printing"
    verbose_name = _("Print and PDF")

    def ready(self):
        from printing import jobs

        jobs.connect_signals()
