import os

from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext_lazy as _


class VisitorSecretQuerySet(models.QuerySet):
    def for_day(self, day) -> bytes:
        """The day's secret, created at random on first use (safe under races)."""
        secret = self.filter(day=day).values_list("secret", flat=True).first()
        if secret is None:
            try:
                with transaction.atomic():
                    secret = self.create(day=day, secret=os.urandom(32)).secret
            except IntegrityError:  # another worker created it first
                secret = self.get(day=day).secret
        return bytes(secret)


class VisitorSecret(models.Model):
    """The random secret behind a day's visitor keys (see ``core.visitors``)."""

    day = models.DateField(_("day"), unique=True)
    secret = models.BinaryField(_("secret"), max_length=32)

    objects = VisitorSecretQuerySet.as_manager()

    class Meta:
        # Created by the articles app before the site machinery had an app of
        # its own; the table kept its name (core/migrations/0001).
        db_table = "articles_visitorsecret"
        ordering = ["-day"]
        verbose_name = _("visitor secret")
        verbose_name_plural = _("visitor secrets")

    def __str__(self) -> str:
        return self.day.isoformat()
