from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CountersConfig(AppConfig):
    name = "counters"
    verbose_name = _("View counters")
    # What counters adds to articles, and the receiver that counts views, are
    # in counters/hooks.py (found by articles); its demo data in counters/demo.py.
