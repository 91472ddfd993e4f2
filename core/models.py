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


class WindowCount(models.Model):
    """A count (or a marker, count 1) that lives until ``expires_at``: the
    rate-limit windows and view windows of ``core.windows`` when the cache is
    not shared between processes (the embedded default's local memory).

    Keys hold HMACs under the day's visitor secret, never an address. Expired
    rows are deleted now and then by ``core.windows`` and by ``privacy_cleanup``.
    """

    key = models.CharField(_("key"), max_length=200, primary_key=True)
    count = models.PositiveIntegerField(_("count"), default=1)
    expires_at = models.DateTimeField(_("expires"), db_index=True)

    class Meta:
        ordering = ["expires_at"]
        verbose_name = _("window count")
        verbose_name_plural = _("window counts")

    def __str__(self) -> str:
        return f"{self.key}: {self.count}"


class JobDone(models.Model):
    """A job that must not repeat its effect (a mail sent) was done: a queue
    delivers at least once, so a job retried after its worker died checks
    here first (``core.jobs.job_once``)."""

    key = models.CharField(_("key"), max_length=255, unique=True)
    done_at = models.DateTimeField(_("done at"), auto_now_add=True)

    class Meta:
        verbose_name = _("finished job")
        verbose_name_plural = _("finished jobs")

    def __str__(self) -> str:
        return self.key
