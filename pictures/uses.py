"""Where a picture is used, found through Django's reverse relations only:
the library does not know which apps point at it (articles' featured images
and figures in the text, authors' portraits). A related row that stands for a
use of something else (a figure in an article's text) names that thing in a
``used_by`` property."""

from dataclasses import dataclass

from django.db import models
from django.urls import NoReverseMatch, reverse

from pictures.models import Picture


@dataclass(frozen=True)
class Use:
    kind: str  # "featured image", "picture in the text", "portrait" (use_kind)
    obj: models.Model

    @property
    def admin_url(self) -> str:
        meta = self.obj._meta
        try:
            return reverse(
                f"admin:{meta.app_label}_{meta.model_name}_change", args=[self.obj.pk]
            )
        except NoReverseMatch:
            return ""


def picture_relations() -> list:
    """The foreign keys of other models that point at pictures."""
    return [
        relation
        for relation in Picture._meta.related_objects
        if relation.one_to_many and not relation.related_model._meta.auto_created
    ]


def use_kind(relation) -> str:
    """How a relation uses the picture: the row's own name when it stands for
    a use of something else („Bild im Text“), else the field's
    („Aufmacherbild“, „Porträt“)."""
    if hasattr(relation.related_model, "used_by"):
        return str(relation.related_model._meta.verbose_name)
    return str(relation.field.verbose_name)


def with_uses(queryset):
    """``queryset`` with every use prefetched, one query per kind of
    relation whatever the number of pictures; read by ``prefetched_uses``."""
    lookups = []
    for relation in picture_relations():
        model = relation.related_model
        accessor = relation.get_accessor_name()
        if hasattr(model, "used_by"):
            targets = [
                field.name
                for field in model._meta.fields
                if field.is_relation and field.name != relation.field.name
            ]
            rows = model._default_manager.select_related(*targets)
            lookups.append(models.Prefetch(accessor, queryset=rows))
        else:
            lookups.append(accessor)
    return queryset.prefetch_related(*lookups)


def prefetched_uses(picture: Picture) -> list[Use]:
    """The uses of a picture read by ``with_uses`` (no queries)."""
    return [
        Use(use_kind(relation), getattr(row, "used_by", row))
        for relation in picture_relations()
        for row in getattr(picture, relation.get_accessor_name()).all()
    ]


def picture_uses(picture: Picture) -> list[Use]:
    """Every use of ``picture``, one query per kind of relation."""
    uses = []
    for relation in picture_relations():
        model = relation.related_model
        rows = model._default_manager.filter(**{relation.field.name: picture})
        if hasattr(model, "used_by"):
            # e.g. InlinePicture → its article, read in the same query.
            target = [field.name for field in model._meta.fields if field.is_relation]
            rows = rows.select_related(
                *[name for name in target if name != relation.field.name]
            )
        for row in rows:
            uses.append(Use(use_kind(relation), getattr(row, "used_by", row)))
    return uses
