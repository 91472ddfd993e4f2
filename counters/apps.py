from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CountersConfig(AppConfig):
    name = "counters"
    verbose_name = _("View counters")

    def ready(self):
        from articles import extensions
        from core.signals import demo_content_created
        from counters.queries import with_view_total
        from counters.signals import add_demo_views, add_interaction_statistic
        from counters.templatetags.counter_tags import render_view_count

        # Every article from with_related() carries ``view_total`` (no extra query).
        extensions.register_queryset_hook(with_view_total)
        extensions.register_json_ld_hook(add_interaction_statistic)
        extensions.register_live_part("view_count", render_view_count)
        demo_content_created.connect(add_demo_views, dispatch_uid="counters-demo")
