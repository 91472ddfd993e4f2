from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The German demo magazine (``seed_demo``) and the benchmark data
    (``bench_data``)."""

    name = "demo"
    verbose_name = _("Demo content")
