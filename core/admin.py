"""Admin machinery shared by the apps' admins.

``SafeDateHierarchyMixin``: Django's change list turns the date hierarchy's
``?<field>__year=…`` into a ``datetime`` and catches only ``ValueError``; a year
like ``99999999999999999999`` raises ``OverflowError`` and ``9999`` fails one
step later (the year after it), both as a 500. With the mixin they are treated
like any other bad filter: Django's change list shows its "?e=1" page.
"""

from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList


class BoundedDateChangeList(ChangeList):
    def get_filters(self, request):
        try:
            return super().get_filters(request)
        except (OverflowError, ValueError) as exc:
            raise IncorrectLookupParameters(exc) from exc


class SafeDateHierarchyMixin:
    """For every ``ModelAdmin`` with a ``date_hierarchy``."""

    def get_changelist(self, request, **kwargs):
        return BoundedDateChangeList


def bound_every_date_hierarchy(site) -> None:
    """Give every admin of ``site`` that has a date hierarchy the bound, third-party
    ones included (django-axes' login logs): called once all admins are registered."""
    for model_admin in site._registry.values():
        if model_admin.date_hierarchy and not isinstance(
            model_admin, SafeDateHierarchyMixin
        ):
            unbounded = type(model_admin)
            model_admin.__class__ = type(
                unbounded.__name__, (SafeDateHierarchyMixin, unbounded), {}
            )
