from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscoveryConfig(AppConfig):
    """How readers and machines find articles: search, feeds, sitemaps,
    robots.txt, the archive, related articles and structured data."""

    name = "discovery"
    verbose_name = _("Discovery")
