"""Lookups on relations that find nothing, rather than crash, for ids out of range.

Django answers ``filter(pk=10**20)`` on an integer column with an empty result
(its ``IntegerFieldOverflow``), but not on a relation: a foreign key, or the
primary key of a child model (``ArticleComment``, ``RatingSummary``), goes to the
database as it is, and SQLite raises ``OverflowError`` (a 500 for
``/kommentare/antworten/99999999999999999999/`` or the admin's change page).
``RelatedExactInRange`` applies Django's own range check to the column the
relation points at; ``CoreConfig.ready`` registers it for every relation.
"""

from django.core.exceptions import EmptyResultSet
from django.db.models.fields.related_lookups import RelatedExact


def _concrete_target(field):
    """The column a relation finally points at (through parent links)."""
    while getattr(field, "remote_field", None) is not None and hasattr(
        field, "target_field"
    ):
        field = field.target_field
    return field


class RelatedExactInRange(RelatedExact):
    def process_rhs(self, compiler, connection):
        value = self.rhs
        path_infos = getattr(self.lhs.output_field, "path_infos", None)
        if isinstance(value, int) and not isinstance(value, bool) and path_infos:
            target = _concrete_target(path_infos[-1].target_fields[-1])
            try:
                low, high = connection.ops.integer_field_range(
                    target.get_internal_type()
                )
            except KeyError:  # not an integer column
                low = high = None
            if (low is not None and value < low) or (high is not None and value > high):
                raise EmptyResultSet
        return super().process_rhs(compiler, connection)
