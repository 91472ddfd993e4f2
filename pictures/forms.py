"""Upload a library picture in place, from the form of what uses it (an
article's featured image, an author's portrait): the upload becomes a library
picture like any other, validated and stripped of its metadata."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.uploads import validate_image_upload
from pictures.models import Picture
from pictures.services import picture_create


class PictureUploadMixin(forms.Form):
    """Mixed into a ``ModelForm`` whose model has a foreign key to
    ``Picture`` named ``picture_field``; the admin calls
    ``uploaded_picture(user=…)`` before saving."""

    picture_field = "picture"

    picture_upload = forms.ImageField(
        label=_("or upload a new picture"),
        required=False,
        validators=[validate_image_upload],
        help_text=_(
            "JPEG, PNG, WebP or GIF; at most 10 MB and 40 megapixels. "
            "It goes into the picture library."
        ),
    )
    picture_upload_alt = forms.CharField(
        label=_("its alternative text"), required=False, max_length=250
    )
    picture_upload_photographer = forms.CharField(
        label=_("its photographer"), required=False, max_length=150
    )
    picture_upload_source = forms.CharField(
        label=_("its source or agency"), required=False, max_length=150
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("picture_upload") and not cleaned.get("picture_upload_alt"):
            self.add_error(
                "picture_upload_alt",
                forms.ValidationError(
                    _("Describe the new picture for readers who cannot see it."),
                    code="required",
                ),
            )
        return cleaned

    def uploaded_picture(self, *, user) -> Picture | None:
        """The uploaded picture, now in the library; None without an upload."""
        upload = self.cleaned_data.get("picture_upload")
        if not upload:
            return None
        return picture_create(
            file=upload,
            alt_text=self.cleaned_data["picture_upload_alt"],
            photographer=self.cleaned_data.get("picture_upload_photographer", ""),
            source=self.cleaned_data.get("picture_upload_source", ""),
            uploaded_by=user,
        )
