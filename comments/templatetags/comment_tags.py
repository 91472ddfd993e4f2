"""Template tags of the comments app (not ``comments.py``: that name belongs to
django-contrib-comments' ``{% load comments %}``)."""

from django import template
from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def comment_count_label(count) -> str:
    """„1 Kommentar“, „2.574 Kommentare“ (grouped as the active locale does)."""
    count = count or 0
    return ngettext("%(count)s comment", "%(count)s comments", count) % {
        "count": number_format(count, force_grouping=True)
    }


@register.simple_tag
def site_link(site, path: str) -> str:
    """Absolute link for mails: scheme from settings, domain from the Site."""
    return f"{settings.SITE_SCHEME}://{site.domain}{path}"
