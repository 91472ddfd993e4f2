from django.utils.formats import number_format
from django.utils.translation import ngettext


def views_label(count: int) -> str:
    """„2.574 Artikelaufrufe“ / "2,574 views", grouped in the active locale."""
    return ngettext("%(count)s view", "%(count)s views", count) % {
        "count": number_format(count, force_grouping=True)
    }
