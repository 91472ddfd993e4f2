from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PdfRender(models.Model):
    """A render of one cached PDF at work, on any host: the row is the lock.

    ``name`` is the PDF's name in the media storage
    (``pdf/<article>/<lang>-<key>.pdf``); the unique constraint lets only one
    worker of all hosts claim it. A row
    older than ``PDF_RENDER_SECONDS`` (plus a margin) belongs to a render that
    died and is taken over. Rows of finished renders are removed by the next
    render of the article and when its PDFs are dropped (``printing.jobs``).
    """

    name = models.CharField(_("name"), max_length=255, unique=True)
    started_at = models.DateTimeField(_("started at"), default=timezone.now)

    class Meta:
        verbose_name = _("PDF render")
        verbose_name_plural = _("PDF renders")

    def __str__(self) -> str:
        return self.name
