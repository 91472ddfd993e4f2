"""Content Security Policy helpers (the policy itself is in settings).

The policy allows scripts only from the site itself: no ``'unsafe-inline'``. The
one inline script the project needs is the import map of the admin's rich-text
editor (django-prose-editor renders ``<script type="importmap">``); it is allowed
by the SHA-256 hash of its exact content, computed once from the same Media
object the admin renders.
"""

import base64
import functools
import hashlib
import re

from django.conf import settings

_IMPORTMAP = re.compile(r'<script type="importmap"[^>]*>(.*?)</script>', re.S)


@functools.cache
def admin_inline_script_hashes() -> tuple[str, ...]:
    from django_prose_editor.widgets import prose_editor_media

    rendered = str(prose_editor_media(preset="configurable"))
    return tuple(_sha256_source(script) for script in _IMPORTMAP.findall(rendered))


def _sha256_source(script: str) -> str:
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    return f"'sha256-{digest}'"


class AdminInlineScriptsMiddleware:
    """Add the editor's import-map hash to the policy of admin pages only.

    Must come after ``csp.middleware.CSPMiddleware`` in ``MIDDLEWARE`` so that it
    sees the response first and the CSP middleware then builds the header.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = f"/{settings.ADMIN_URL}"

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(self.admin_prefix):
            response._csp_update = {"script-src": list(admin_inline_script_hashes())}
        return response
