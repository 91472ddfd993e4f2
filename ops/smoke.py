"""Smoke test of a running Redaktion: what a deploy must never break.

    python ops/smoke.py https://127.0.0.1:8443
    SMOKE_HTTP=http://127.0.0.1:8080 python ops/smoke.py https://127.0.0.1:8443

Checks /healthz, the home page, an article, its pictures, its PDF, an editor's
admin login and a reader's vote, each as a browser would send it (cookies, CSRF
token). With SMOKE_HTTP (nginx's plain-HTTP address) also that /healthz answers
there and every other address is sent to HTTPS. Exits 1 with the failing check
named. Expects the demo content (seed_demo).
"""

import http.cookiejar
import json
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

ARTICLE = "/artikel/vertrieb-3-0/"
BROWSER_AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
MEDIA = re.compile(r'<img[^>]+src="((?:https?://[^"]+)?/media/[^"]+)"')
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
LIVE_URL = re.compile(r'data-live-url="([^"]+)"')


class Browser:
    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirects
        )

    def request(self, path, data=None, headers=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        # A browser's User-Agent: urllib's own is on the bot list, and bots'
        # page views are not counted.
        headers = {"User-Agent": BROWSER_AGENT, **(headers or {})}
        request = urllib.request.Request(self.base + path, data=body, headers=headers)
        try:
            with self.opener.open(request, timeout=60) as answer:
                return answer.status, dict(answer.headers), answer.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def cookie(self, name: str) -> str:
        return next(c.value for c in self.jar if c.name == name)

    def form_token(self, article_path: str) -> str:
        """The CSRF token a reader's forms use, got as the page's script gets
        it: readers' pages carry none (a cache may share them), the page's one
        live request answers it and sets the cookie."""
        _, _, page = self.request(article_path)
        live = LIVE_URL.search(page.decode()).group(1)
        status, _, body = self.request(
            live, {}, {"Accept": "application/json", "Origin": self.base}
        )
        assert status == 200, f"live request: {status} {body[:200]!r}"
        return json.loads(body)["csrf_token"]


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def check(name: str, condition: bool, detail: str = "") -> None:
    print(f"{'ok  ' if condition else 'FAIL'} {name}")
    if not condition:
        print(detail[:2000])
        sys.exit(1)


def main(base: str) -> None:
    reader = Browser(base)
    status, _, body = reader.request("/healthz")
    check("/healthz answers ok", status == 200 and json.loads(body)["status"] == "ok")
    status, headers, body = reader.request("/")
    check("home page", status == 200 and b"<main" in body, str(status))
    status, _, body = reader.request(ARTICLE)
    check(
        "article page", status == 200 and "Artikelaufrufe" in body.decode(), str(status)
    )
    picture = MEDIA.search(body.decode())
    if picture:  # the demo's pictures, from the media folder (nginx) or the bucket
        address = picture.group(1)
        status, headers, _ = reader.request(address.removeprefix(base))
        check(
            "a picture of the article",
            status == 200 and headers.get("Content-Type", "").startswith("image/"),
            f"{address} {status}",
        )
    if plain := os.environ.get("SMOKE_HTTP"):
        status, _, body = Browser(plain).request("/healthz")
        check("/healthz over plain HTTP", status == 200, str(status))
        status, headers, _ = Browser(plain).request("/")
        check(
            "plain HTTP is sent to HTTPS",
            status == 301 and headers.get("Location", "").startswith("https://"),
            f"{status} {headers}",
        )

    # The first PDF may still be typesetting ("PDF wird erstellt", 503).
    for _ in range(12):
        status, headers, body = reader.request(ARTICLE + "pdf/")
        if status != 503:
            break
        time.sleep(5)
    check("PDF", status == 200 and body.startswith(b"%PDF"), f"{status} {headers}")

    status, _, body = reader.request(
        ARTICLE + "bewerten/",
        {"score": "5"},
        {
            "Accept": "application/json",
            "X-CSRFToken": reader.form_token(ARTICLE),
            "Referer": base + ARTICLE,
        },
    )
    check(
        "a reader's vote",
        status in (200, 201) and json.loads(body)["ok"],
        body.decode(),
    )

    editor = Browser(base)
    status, _, body = editor.request("/admin/login/")
    token = TOKEN.search(body.decode()).group(1)
    status, headers, body = editor.request(
        "/admin/login/?next=/admin/",
        {
            "csrfmiddlewaretoken": token,
            "username": "editor",
            "password": "redaktion-editor",
            "next": "/admin/",
        },
        {"Referer": base + "/admin/login/"},
    )
    check(
        "admin login",
        status == 302 and headers.get("Location") == "/admin/",
        f"{status} {body[:500]!r}",
    )
    status, _, body = editor.request("/admin/")
    check(
        "admin index for the editor",
        status == 200 and b"logout" in body.lower(),
        str(status),
    )


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"))
