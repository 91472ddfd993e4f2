"""The article page for readers, cached whole as a shell with live parts.

For an anonymous reader, an article page is the same for everyone but for a few
*live parts*: the view count, the rating (summary, and the widget with its CSRF
token), the comment form (CSRF token, signed timestamp) and the JSON-LD with
the counts. Each is placed in the template with ``{% live "name" article %}``
and rendered by a function the owning app registered
(``articles.hooks.live_part``).

The page is rendered once with a marker where each live part goes (the
``shell`` context flag) and cached under everything that decides the rest of
the page: the article's last change, the content version
(``articles.fragments``: any change to articles, authors, categories, tags,
comments, and the passing of a scheduled publication time), the language, and
what feature apps add (``hooks.shell_key``, e.g. whether comments are still
open). Not the request's host, scheme or query string: every absolute URL on
the page comes from the configured site address (``core.site``) and every link
from the path, so one shell serves every reader whatever ``Host`` says.
Every request then renders only the live parts and puts them in: nobody sees
a stale count, rating or token, and a change anywhere is on the next page
served.

Staff, logged-in readers (the comment form greets them by name), pages with
messages to show, previews and addresses with a query string are rendered
the ordinary way.
"""

import hashlib
import re

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.utils.translation import get_language

from articles import hooks
from articles.fragments import content_version

MARKER = "<!--live:{}-->"
_MARKER = re.compile(r"<!--live:([a-z_]+)-->")


def applies(request, article) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.GET
        and not request.user.is_authenticated
        and article.is_published
        and not len(get_messages(request))  # len() leaves them unread
    )


def shell_key(request, article) -> str:
    parts = [
        article.pk,
        article.updated_at.timestamp(),
        content_version(request),
        get_language(),
        *hooks.shell_key_parts(article),
    ]
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:40]
    return f"article-shell:{digest}"


def page(request, article, render_shell) -> str:
    """The page's HTML: the cached shell (rendered by ``render_shell()`` when
    missing) with this request's live parts put in."""
    key = shell_key(request, article)
    shell = cache.get(key)
    if shell is None:
        shell = render_shell()
        cache.set(key, shell, settings.FRAGMENT_CACHE_SECONDS)
    return fill(shell, article, request)


def fill(shell: str, article, request) -> str:
    return _MARKER.sub(
        lambda match: hooks.render_live_part(match[1], article, request), shell
    )
