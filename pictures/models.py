"""The picture library: every picture once, with its credits, rights and focal
point; articles (featured image, figures in the text) and authors (portrait)
point at it. The library knows its users only through Django's reverse
relations (``pictures.uses``)."""

import datetime
import functools
import operator

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import Image

from core.uploads import strip_metadata_of_new_upload, validate_image_upload


def today() -> datetime.date:
    return timezone.localdate()


def usable_q(prefix: str = "", on: datetime.date | None = None) -> Q:
    """Pictures whose usage rights have not ended (``on`` defaults to today),
    also through a relation: ``usable_q("picture__")``."""
    on = on or today()
    return Q(**{f"{prefix}rights_end__isnull": True}) | Q(
        **{f"{prefix}rights_end__gte": on}
    )


class PictureQuerySet(models.QuerySet):
    def usable(self, on: datetime.date | None = None) -> "PictureQuerySet":
        """What may be shown publicly: rights open-ended or not yet ended."""
        return self.filter(usable_q(on=on))

    def rights_ending(self, *, within_days: int = 14) -> "PictureQuerySet":
        """Pictures whose rights end today or within the next ``within_days``."""
        start = today()
        end = start + datetime.timedelta(days=within_days)
        return self.filter(rights_end__range=(start, end))

    def rights_ended(self) -> "PictureQuerySet":
        return self.filter(rights_end__lt=today())

    def in_use(self, used: bool = True) -> "PictureQuerySet":
        """Pictures that something points at (an article, a figure in a text,
        an author), or with ``used=False`` those nothing points at; found
        through the reverse relations, one ``EXISTS`` each."""
        from pictures.uses import picture_relations

        exists = [
            Exists(
                relation.related_model._default_manager.filter(
                    **{relation.field.name: OuterRef("pk")}
                )
            )
            for relation in picture_relations()
        ]
        if not exists:
            return self.none() if used else self.all()
        condition = functools.reduce(operator.or_, exists)
        return self.filter(condition if used else ~condition)


class Picture(models.Model):
    file = models.ImageField(
        _("image file"),
        upload_to="pictures/%Y/%m/",
        validators=[validate_image_upload],
        help_text=_("JPEG, PNG, WebP or GIF; at most 10 MB and 40 megapixels."),
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        help_text=_("Describes the image for readers who cannot see it."),
    )
    caption = models.CharField(
        _("default caption"),
        max_length=300,
        blank=True,
        help_text=_("Suggested wherever the picture is used; each use may change it."),
    )
    photographer = models.CharField(
        _("photographer"), max_length=150, blank=True, db_index=True
    )
    source = models.CharField(
        _("source or agency"),
        max_length=150,
        blank=True,
        help_text=_("Shown after the photographer: „Bild: © Photographer, Source“."),
    )
    licence = models.TextField(
        _("licence or usage note"),
        blank=True,
        help_text=_("For the newsroom only: what the licence allows, whom to ask."),
    )
    rights_end = models.DateField(
        _("usage rights end"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "Last day the picture may be shown. After it, the picture "
            "disappears from every public page, feed and PDF."
        ),
    )
    focal_x = models.PositiveSmallIntegerField(
        _("focal point x (%)"),
        default=50,
        validators=[MaxValueValidator(100)],
        help_text=_("From the left edge; crops keep this point in view."),
    )
    focal_y = models.PositiveSmallIntegerField(
        _("focal point y (%)"),
        default=50,
        validators=[MaxValueValidator(100)],
        help_text=_("From the top edge."),
    )
    width = models.PositiveIntegerField(_("width"), default=0, editable=False)
    height = models.PositiveIntegerField(_("height"), default=0, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    objects = PictureQuerySet.as_manager()

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = _("picture")
        verbose_name_plural = _("pictures")
        constraints = [
            models.CheckConstraint(
                condition=Q(focal_x__lte=100) & Q(focal_y__lte=100),
                name="focal_point_in_picture",
            )
        ]

    def __str__(self) -> str:
        return self.caption or self.alt_text or self.file.name

    def save(self, *args, **kwargs):
        if self.file and not self.file._committed:
            strip_metadata_of_new_upload(self.file)  # no EXIF/GPS, upright
            self.width, self.height = _dimensions(self.file.file)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("admin:pictures_picture_change", args=[self.pk])

    @property
    def credit_line(self) -> str:
        """„© Photographer, Source“: the part after „Bild:“."""
        parts = [part for part in (self.photographer, self.source) if part]
        return "© " + ", ".join(parts) if parts else ""

    @property
    def is_usable(self) -> bool:
        return self.rights_end is None or self.rights_end >= today()

    @property
    def rights_end_soon(self) -> bool:
        return self.rights_end is not None and (
            today() <= self.rights_end <= today() + datetime.timedelta(days=14)
        )


def _dimensions(file) -> tuple[int, int]:
    file.seek(0)
    with Image.open(file) as image:
        size = image.size
    file.seek(0)
    return size
