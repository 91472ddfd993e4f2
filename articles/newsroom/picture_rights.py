"""Dashboard block „Bildrechte laufen ab“ for editors: the library pictures in
use whose usage rights end within 14 days, the soonest first, each with its
uses, and a link to the library filtered the same way.

The library (``pictures``) lies below ``articles`` and cannot fill the
dashboard's registry itself; the newsroom, which knows both, registers the
block through ``articles.hooks.dashboard_block`` like any feature app's.
Five queries whatever the size of the library: the rows, their count, and one
per kind of use (featured images, pictures in the text, portraits).
"""

from urllib.parse import urlencode

from django.template.loader import render_to_string
from django.urls import reverse

from articles import hooks
from articles.newsroom.dashboard import BLOCK_ROWS, is_editor
from pictures.admin import picker_row
from pictures.models import Picture, today
from pictures.uses import prefetched_uses, with_uses

RIGHTS_DAYS = 14


def library_url() -> str:
    """The library's list with the same filter as the block."""
    query = urlencode({"rights": "ending", "used": "yes"})
    return f"{reverse('admin:pictures_picture_changelist')}?{query}"


@hooks.dashboard_block(order=35)
def picture_rights_block(request) -> str:
    if not is_editor(request.user):
        return ""
    ending = (
        Picture.objects.rights_ending(within_days=RIGHTS_DAYS)
        .in_use()
        .order_by("rights_end", "pk")
    )
    pictures = list(with_uses(ending)[:BLOCK_ROWS])
    first_day = today()
    rows = [
        {
            "picture": picture,
            "thumbnail": picker_row(picture)["thumbnail"],
            "days_left": (picture.rights_end - first_day).days,
            "uses": prefetched_uses(picture),
        }
        for picture in pictures
    ]
    return render_to_string(
        "admin/newsroom/_picture_rights_block.html",
        {
            "rows": rows,
            "total": ending.count(),
            "link": library_url(),
        },
        request=request,
    )
