from django.apps import AppConfig
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Site machinery every other app may use; it knows none of them."""

    name = "core"
    verbose_name = _("Site machinery")

    def ready(self):
        from django.contrib import admin
        from django.db.models import ForeignObject

        from core.admin import bound_every_date_hierarchy
        from core.lookups import RelatedExactInRange
        from core.text import clean_text_fields

        # filter(relation=<an id out of the column's range>) finds nothing.
        ForeignObject.register_lookup(RelatedExactInRange)

        # Every model, whichever app it belongs to: no control characters in
        # text, whatever path saves it (see core.text).
        pre_save.connect(clean_text_fields, dispatch_uid="core-clean-text-fields")

        # The admin registered every app's admins in its own ready() (it comes
        # first in INSTALLED_APPS); third-party ones get the date bound too.
        bound_every_date_hierarchy(admin.site)

        # The worker's periodic work (core.jobs), kept current by `migrate`.
        from django.db.models.signals import post_migrate

        from core.jobs import jobs_schedule_periodic

        post_migrate.connect(
            jobs_schedule_periodic, sender=self, dispatch_uid="core-jobs-periodic"
        )
