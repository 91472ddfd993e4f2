from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CountersConfig(AppConfig):
    name = "counters"
    verbose_name = _("View counters")

    def ready(self):
        # What counters adds to articles, and the receiver that counts views,
        # are in counters/hooks.py (found by articles).
        from core.signals import demo_content_created
        from counters.signals import add_demo_views

        demo_content_created.connect(add_demo_views, dispatch_uid="counters-demo")
