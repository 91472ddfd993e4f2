"""The body editor's figure button: what the django-prose-editor extension
``PictureReference`` (``pictures/static/pictures/picture_reference.js``) is
told by the server. The settings put these options into the body's
extension config; the URLs and labels are lazy, so they are resolved (in the
editor's language) when the widget is rendered.

The button opens a picker over the library (``PictureAdmin.picker_view``,
JSON), inserts ``<figure data-picture="N"><figcaption>…</figcaption></figure>``
(``pictures.references``) and shows the picture inside the editor.
"""

from django.templatetags.static import static
from django.urls import reverse_lazy
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

JS_MODULE = lazy(static, str)("pictures/picture_reference.js")


def picture_reference_options() -> dict:
    return {
        "pickerUrl": reverse_lazy("admin:pictures_picture_picker"),
        "addUrl": reverse_lazy("admin:pictures_picture_add"),
        "labels": {
            "button": _("Insert picture"),
            "title": _("Insert a picture from the library"),
            "search": _("Search caption, alt text, photographer or source"),
            "results": _("Pictures in the library"),
            "caption": _("Caption for this use"),
            "insert": _("Insert"),
            "cancel": _("Cancel"),
            "upload": _("Upload a new picture (opens a new tab)"),
            "empty": _("No picture matches."),
            "more": _("More pictures match: refine the search."),
            "missing": _(
                "Picture %(id)s is not in the library: readers see nothing here."
            ),
            "hidden": _("Usage rights have ended: readers do not see this picture."),
            "defaultCaption": _("No caption of its own: readers see „%(caption)s“."),
            "credit": _("Image"),
            "error": _("The library could not be searched. Please try again."),
        },
    }
