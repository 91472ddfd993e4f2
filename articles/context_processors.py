from django.conf import settings

from articles.models import Category


def site(request):
    """Site name and the category navigation, on every page.

    The categories are a lazy queryset: pages that do not render the navigation
    (admin, error pages) do not query them.
    """
    return {
        "site_name": settings.SITE_NAME,
        "site_tagline": settings.SITE_TAGLINE,
        "nav_categories": Category.objects.only("name", "slug"),
    }
