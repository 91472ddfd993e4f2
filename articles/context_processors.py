from django.conf import settings

from articles.fragments import lazy_content_version
from articles.models import Category


def site(request):
    """Site name and the category navigation, on every page.

    The categories are a lazy queryset: pages that do not render the navigation
    (admin, error pages) do not query them; so is the version that keys the
    cached fragments (``articles.fragments``).
    """
    return {
        "site_name": settings.SITE_NAME,
        "site_tagline": settings.SITE_TAGLINE,
        "nav_categories": Category.objects.only("name", "slug"),
        "content_version": lazy_content_version(request),
        "fragment_seconds": settings.FRAGMENT_CACHE_SECONDS,
    }
