"""Autosave of the writing screen: per person and article, never into the
article (``ArticleAutosave``).

The page's script (static/js/autosave.js) posts the form's content as JSON
within five seconds after typing stops and at least every 30 seconds while
typing goes on. Opening the article again while an autosave newer than the
stored article (and different from it) exists shows when it was made, with
"Wiederherstellen" (the change page with the autosave as the form's initial
values: nothing is stored until the person saves) and "Verwerfen". A
successful save removes the person's autosave of that article.

The endpoints are admin views (login, staff, CSRF), check the change
permission on that very article (a foreign one is a 404, as in the admin), and
refuse oversized bodies (413), malformed content (400) and more than
``RATE_LIMITS["autosave"]`` saves per person (429).
"""

import json

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest, JsonResponse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from articles.models import Article, ArticleAutosave
from core.ratelimit import rate_limit_hit

# The form fields an autosave keeps (text a person types or picks).
FIELDS = (
    "title",
    "lead",
    "body",
    "category",
    "tags",
    "slug",
    "meta_description",
    "picture",  # the library picture picked (an upload in place is not kept)
    "image_caption",
)
RESTORE_PARAMETER = "autosave"


def max_bytes() -> int:
    """The body may be ``ARTICLE_BODY_MAX_CHARS`` characters of up to four
    bytes each in UTF-8 and JSON; the other fields are short."""
    return settings.ARTICLE_BODY_MAX_CHARS * 4 + 64 * 1024


class BadAutosave(ValueError):
    pass


def parse_fields(raw: bytes) -> dict[str, str]:
    try:
        payload = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BadAutosave("not JSON") from error
    fields = payload.get("fields") if isinstance(payload, dict) else None
    if not isinstance(fields, dict) or not fields:
        raise BadAutosave("no fields")
    if set(fields) - set(FIELDS):
        raise BadAutosave("unknown fields")
    if not all(isinstance(value, str) for value in fields.values()):
        raise BadAutosave("values must be text")
    return fields


def autosave_store(*, user, article: Article | None, fields: dict) -> ArticleAutosave:
    """Create or replace this person's autosave of ``article`` (or of their
    new article when ``None``)."""
    defaults = {"fields": fields, "saved_at": timezone.now()}
    try:
        with transaction.atomic():
            autosave, _created = ArticleAutosave.objects.update_or_create(
                user=user, article=article, defaults=defaults
            )
    except IntegrityError:  # two tabs created it at once: the other won, update
        ArticleAutosave.objects.filter(user=user, article=article).update(**defaults)
        autosave = ArticleAutosave.objects.get(user=user, article=article)
    return autosave


def autosave_discard(*, user, article: Article | None) -> None:
    ArticleAutosave.objects.filter(user=user, article=article).delete()


def differs(autosave: ArticleAutosave, article: Article | None) -> bool:
    if article is None:
        return any(value.strip() for value in autosave.fields.values())
    for name, value in autosave.fields.items():
        stored = getattr(article, name, None)
        if name in ("category", "tags", "picture") or stored is None:
            continue
        if str(stored) != value:
            return True
    return False


def pending_autosave(user, article: Article | None) -> ArticleAutosave | None:
    """The autosave to offer on opening the form: newer than the stored
    article and different from it."""
    autosave = ArticleAutosave.objects.filter(user=user, article=article).first()
    if autosave is None:
        return None
    if article is not None and autosave.saved_at <= article.updated_at:
        return None
    return autosave if differs(autosave, article) else None


def saved_label(autosave: ArticleAutosave) -> str:
    when = formats.time_format(timezone.localtime(autosave.saved_at), "H:i")
    return _("Saved automatically at %(time)s") % {"time": when}


def autosave_response(request: HttpRequest, article: Article | None) -> JsonResponse:
    """The endpoint's work once the admin has checked login, CSRF and the
    permission for ``article``."""
    if len(request.body) > max_bytes():
        return JsonResponse({"ok": False, "error": _("Too large.")}, status=413)
    limit = rate_limit_hit(scope="autosave", key=f"user-{request.user.pk}")
    if not limit.allowed:
        response = JsonResponse({"ok": False, "error": _("Too many.")}, status=429)
        response["Retry-After"] = str(limit.retry_after)
        return response
    try:
        fields = parse_fields(request.body)
    except BadAutosave:
        return JsonResponse({"ok": False, "error": _("Malformed.")}, status=400)
    autosave = autosave_store(user=request.user, article=article, fields=fields)
    return JsonResponse(
        {
            "ok": True,
            "saved_at": autosave.saved_at.isoformat(),
            "label": saved_label(autosave),
        }
    )
