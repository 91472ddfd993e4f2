from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Author(models.Model):
    class Pronoun(models.TextChoices):
        FEMININE = "f", _("she/her")
        MASCULINE = "m", _("he/him")
        NEUTRAL = "n", _("they/them")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author_profile",
        verbose_name=_("login"),
        help_text=_("Optional: freelance authors may have no login."),
    )
    honorific = models.CharField(
        _("title"),
        max_length=40,
        blank=True,
        help_text=_("Academic or honorific title shown before the name, e.g. “Dr.”"),
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    pronoun = models.CharField(
        _("pronoun"),
        max_length=1,
        choices=Pronoun.choices,
        default=Pronoun.NEUTRAL,
        help_text=_("Used in the bio box: “Mehr über … auf ihrer/seiner Website”."),
    )
    short_bio = models.TextField(
        _("short bio"),
        max_length=400,
        blank=True,
        help_text=_("Two sentences for the bio box under each article."),
    )
    bio = models.TextField(_("long bio"), blank=True)
    portrait = models.ForeignKey(
        "pictures.Picture",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="authors",
        verbose_name=_("portrait"),
        help_text=_("From the picture library; cropped square around its focal point."),
    )
    website = models.URLField(_("website"), blank=True)
    topics = models.CharField(
        _("topics"),
        max_length=255,
        blank=True,
        help_text=_("Topics the author specialises in, separated by commas."),
    )
    email = models.EmailField(
        _("contact e-mail"),
        blank=True,
        help_text=_("For the editorial team only; never shown on the site."),
    )

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self) -> str:
        return self.display_name

    def get_absolute_url(self) -> str:
        return reverse("authors:detail", kwargs={"slug": self.slug})

    @property
    def public_portrait(self):
        """The portrait if it may be shown (its rights have not ended)."""
        portrait = self.portrait
        return portrait if portrait is not None and portrait.is_usable else None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def display_name(self) -> str:
        """The name as printed in bylines: “Dr. Anna Berger”."""
        return f"{self.honorific} {self.full_name}".strip()

    @property
    def topic_list(self) -> list[str]:
        return [topic.strip() for topic in self.topics.split(",") if topic.strip()]
