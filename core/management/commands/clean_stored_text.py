"""Remove control characters from text stored before they were refused on save.

Since issue #21 every save cleans text fields (``core.text.clean_text_fields``),
but rows written earlier may still hold a ``\\x0b`` that breaks the feeds or a
line break in a title that breaks a mail subject. Run this once after upgrading;
it is safe to run again (rows already clean are left alone) and reads every
model's text fields in batches of primary keys. Rows are updated with
``QuerySet.update()``: nothing but the cleaned fields changes (no ``updated_at``,
no signals, no revision); pages cached before renew within their cache lifetime.
"""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import models, transaction

from core.text import multi_line, single_line

BATCH = 500


def _text_fields(model) -> list[tuple[str, object]]:
    fields = []
    for field in model._meta.concrete_fields:
        if field.choices or field.primary_key:
            continue
        if isinstance(field, models.TextField):
            fields.append((field.attname, multi_line))
        elif isinstance(field, models.CharField):
            fields.append((field.attname, single_line))
    return fields


def model_text_clean(model) -> int:
    """Clean the stored text of every row of ``model``; returns rows changed."""
    fields = _text_fields(model)
    if not fields or model._meta.proxy or not model._meta.managed:
        return 0
    changed = 0
    names = [name for name, _ in fields]
    rows = model._base_manager.values_list("pk", *names).order_by("pk")
    for pk, *values in rows.iterator(chunk_size=BATCH):
        update = {
            name: clean(value)
            for (name, clean), value in zip(fields, values, strict=True)
            if isinstance(value, str) and clean(value) != value
        }
        if update:
            with transaction.atomic():
                model._base_manager.filter(pk=pk).update(**update)
            changed += 1
    return changed


class Command(BaseCommand):
    help = "Remove control characters from text stored before they were refused."

    def handle(self, *args, **options):
        total = 0
        for model in apps.get_models():
            changed = model_text_clean(model)
            if changed:
                self.stdout.write(f"{model._meta.label}: {changed} rows cleaned")
            total += changed
        self.stdout.write(f"{total} rows cleaned")
