"""Settings for Redaktion: one module, driven by environment variables.

Every variable is listed in the README. Development defaults are safe; production
sets ``DJANGO_DEBUG=0`` and must then provide ``DJANGO_SECRET_KEY``.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from pictures.editor import JS_MODULE as PICTURE_REFERENCE_JS
from pictures.editor import picture_reference_options
from pictures.references import allow_picture_reference

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be 1 or 0, not {value!r}.")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    try:
        return int(value) if value else default
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} must be a whole number, not {value!r}."
        ) from None


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item]


# === Django and the project ===

DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. It is required when DJANGO_DEBUG is off; "
            "set it to a long random string, or set DJANGO_DEBUG=1 for development."
        )
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"
# Rotating the key: the old one here keeps sessions and signed links valid.
SECRET_KEY_FALLBACKS = env_list("DJANGO_SECRET_KEY_FALLBACKS", "")

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    # Django's admin with the newsroom's site (dashboard, the magazine's name).
    "config.apps.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sites",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.flatpages",
    "axes",
    "csp",
    "django.contrib.sitemaps",  # sitemap.xml (discovery/sitemaps.py)
    # Comments: django-comments-xtd must come before django-contrib-comments.
    "django_comments_xtd",
    "django_comments",
    "django_prose_editor",
    "imagekit",
    "taggit",  # the tag admin of django-taggit; our Tag model lives in articles
    "django_q",  # background jobs (core.jobs)
    "core",
    "pictures",
    "authors",
    "articles",
    "discovery",
    "printing",
    "wordpress_import",
    "demo",
    "ratings",
    "counters",
    "comments",
]

MIDDLEWARE = [
    # /healthz for load balancers, before HTTPS redirects and host checks.
    "core.health.HealthCheckMiddleware",
    # A request id on every log line and X-Request-ID; slow requests logged.
    "core.request_log.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Readers' pages kept whole per worker when no HTTP cache is in front
    # (PAGE_STORE_SECONDS); after the security headers, before the rest.
    "core.page_store.PageStoreMiddleware",
    # 400 for bodies and addresses Django cannot read (before CSRF reads them).
    "config.middleware.UnreadableRequestMiddleware",
    # The page's live request from readers without a session: answered here,
    # past the security headers and the host check, without the rest.
    "articles.middleware.LiveRequestMiddleware",
    # gzip for readers' pages and feeds (not the admin; see its docstring).
    "config.middleware.ReaderCompressionMiddleware",
    # Cache-Control for a shared HTTP cache (public reader pages, private rest);
    # before sessions, locale and CSRF so it sees the headers they add.
    "core.http_cache.HttpCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "config.csp.AdminInlineScriptsMiddleware",
    "config.middleware.PermissionsPolicyMiddleware",
    "config.middleware.DatabaseUnavailableMiddleware",
    "axes.middleware.AxesMiddleware",
    # Old WordPress addresses → 301 (looks only at 404s and /?p=ID).
    "wordpress_import.middleware.LegacyRedirectMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses logins while locked out
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "articles.context_processors.site",
            ],
        },
    },
]

# Database: SQLite file by default, PostgreSQL (or any other) through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=600,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work at once; IMMEDIATE transactions take
    # the write lock up front, so several gunicorn workers queue for it (up to
    # ``timeout`` seconds) instead of failing with "database is locked".
    # Connections persist (``conn_max_age`` above) as on PostgreSQL: a new one
    # costs more than a small request (Django registers its SQL functions, the
    # PRAGMAs run, and closing the last connection checkpoints the WAL). Safe
    # with gunicorn because no connection is opened before the workers fork
    # (no ``preload_app``); between requests none holds a transaction.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (shared by all hosts), local memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache that degrades to "no cache" while Redis is down.
            "BACKEND": "config.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "redaktion",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "redaktion",
        }
    }
# Readers' whole pages (core.page_store): in each worker's memory, also with
# Redis (a hit costs no round trip; the key holds the content version, which
# every worker reads from the database, so no copy is stale). 300 pages of
# 10–40 KB each at most.
CACHES["pages"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "redaktion-pages",
    "OPTIONS": {"MAX_ENTRIES": 300},
}

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: German first, English second.
LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

# Static files: collected and served by WhiteNoise with hashed, compressed names.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]

# Media: uploaded files on the local disk (or object storage, see README).
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# Let Django serve MEDIA_ROOT itself: right for the demo and one small host; in
# production the web server or object storage serves media instead.
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", DEBUG)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Media on S3-compatible object storage (django-storages) when DJANGO_S3_BUCKET
# is set: what several app hosts need, as none of them keeps media on its disk.
# Readers fetch media from DJANGO_S3_PUBLIC_URL (a CDN, or the bucket's public
# address); without it every media URL is signed (valid an hour). Either way a
# URL is computed without a request to the store.
S3_BUCKET = os.environ.get("DJANGO_S3_BUCKET", "")
S3_PUBLIC_URL = os.environ.get("DJANGO_S3_PUBLIC_URL", "").rstrip("/")
MEDIA_ORIGINS = []  # where readers' browsers fetch media from (CSP img-src)
if S3_BUCKET:
    _public = urlsplit(S3_PUBLIC_URL)
    _endpoint = os.environ.get("DJANGO_S3_ENDPOINT_URL", "")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": _endpoint or None,
            "region_name": os.environ.get("DJANGO_S3_REGION", "") or None,
            "access_key": os.environ.get("DJANGO_S3_ACCESS_KEY_ID", ""),
            "secret_key": os.environ.get("DJANGO_S3_SECRET_ACCESS_KEY", ""),
            "custom_domain": (_public.netloc + _public.path) if S3_PUBLIC_URL else None,
            "url_protocol": f"{_public.scheme or 'https'}:",
            "querystring_auth": not S3_PUBLIC_URL,
            "querystring_expire": 3600,
            "file_overwrite": False,  # two uploads of "bild.jpg" keep both
            "default_acl": None,  # the bucket's policy decides who may read
        },
    }
    MEDIA_URL = f"{S3_PUBLIC_URL}/" if S3_PUBLIC_URL else MEDIA_URL
    _origin = urlsplit(S3_PUBLIC_URL or _endpoint or "https://s3.amazonaws.com")
    MEDIA_ORIGINS = [f"{_origin.scheme}://{_origin.netloc}"]


# E-mail: printed to the console unless an SMTP server is configured. Every
# mail is a background job (core.jobs) that sends it through this backend.
EMAIL_DELIVERY_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_BACKEND = "core.jobs.QueuedEmailBackend"
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get(
    "DJANGO_DEFAULT_FROM_EMAIL", "Redaktion <redaktion@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Who is mailed when an article is submitted for review (comma-separated);
# empty: every active member of the Editor group.
REVIEW_MAIL_TO = [a for a in env_list("DJANGO_REVIEW_MAIL_TO", "") if a]

LOGIN_URL = "admin:login"
# Where the admin lives; a less guessable path keeps some noise out of the logs.
ADMIN_URL = os.environ.get("DJANGO_ADMIN_URL", "admin/").strip("/") + "/"

# Logs on standard error (gunicorn and systemd's journal collect them), each
# line with the request's id; DJANGO_LOG_JSON=1 writes JSON lines for a log
# shipper. Requests slower than DJANGO_SLOW_REQUEST_MS are logged with their path.
SLOW_REQUEST_MS = env_int("DJANGO_SLOW_REQUEST_MS", 500)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "core.request_log.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "core.request_log.JsonLineFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "json" if env_bool("DJANGO_LOG_JSON", False) else "plain",
        }
    },
    "root": {
        "handlers": ["console"],
        "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO"),
    },
    "loggers": {"axes": {"level": "WARNING"}},
}


# === Security: HTTPS, headers, login lockout, CSP, sessions ===

# HTTPS. Behind TLS, DJANGO_HTTPS=1 switches on the redirect, HSTS and secure
# cookies together; each can still be set on its own.
HTTPS = env_bool("DJANGO_HTTPS", False)
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", HTTPS)
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31_536_000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", HTTPS)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", HTTPS)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", HTTPS)
if env_bool("DJANGO_TRUST_X_FORWARDED_PROTO", False):
    # Only behind a proxy that sets (and never passes on) X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Security headers on every response (see also config/middleware.py).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()"
)

# Login lockout (django-axes): 5 failed logins for one user name from one network
# lock that pair out for 15 minutes. Addresses are stored truncated (/24, /48).
AXES_FAILURE_LIMIT = env_int("DJANGO_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("DJANGO_LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # no log of successful logins
AXES_CLIENT_IP_CALLABLE = "core.visitors.anonymized_client_ip"
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_VERBOSE = False

# Content Security Policy (django-csp): everything from the site itself, no inline
# scripts (see config/csp.py for the admin editor's import map), no framing.
# Extra image hosts (object storage, CDN) come from DJANGO_CSP_IMG_HOSTS.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        # Inline style attributes (admin, editor); styles cannot run code.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": [
            "'self'",
            "data:",
            *MEDIA_ORIGINS,
            *env_list("DJANGO_CSP_IMG_HOSTS", ""),
        ],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Only staff log in; their sessions end after a working day.
SESSION_COOKIE_AGE = env_int("DJANGO_SESSION_COOKIE_AGE", 8 * 3600)


# === core: visitors, rate limits, uploads, the site's address ===

# The site's public address, for absolute links outside a request (mails);
# written into the Sites framework's site SITE_ID after every migrate.
SITE_ID = 1
SITE_DOMAIN = os.environ.get("DJANGO_SITE_DOMAIN", "localhost:8000")
SITE_SCHEME = "https" if HTTPS else "http"

# Number of reverse proxies in front of gunicorn that append to X-Forwarded-For;
# 0 means clients connect directly and REMOTE_ADDR is their address.
TRUSTED_PROXY_COUNT = env_int("DJANGO_TRUSTED_PROXY_COUNT", 0)

# Uploads: limits enforced by the image validators (see core/uploads.py).
MAX_IMAGE_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
# Frames of an animated image; their pixels count together against the limit.
MAX_IMAGE_FRAMES = 200
IMAGEKIT_DEFAULT_CACHEFILE_STRATEGY = "imagekit.cachefiles.strategies.JustInTime"

# Rate limits per network ("count/period", period s, m, h, d or seconds; see
# core/ratelimit.py), counted where every worker sees them (core/windows.py).
RATE_LIMITS = {
    "vote": os.environ.get("DJANGO_RATE_LIMIT_VOTE", "20/m"),
    "comment": os.environ.get("DJANGO_RATE_LIMIT_COMMENT", "5/600"),
    "search": os.environ.get("DJANGO_RATE_LIMIT_SEARCH", "60/m"),
    # Per e-mail address, from any network: comment confirmation mails.
    "confirmation_mail": os.environ.get("DJANGO_RATE_LIMIT_CONFIRMATION_MAIL", "3/h"),
    # Per staff member: the writing screen's autosaves (one every 5 s per tab).
    "autosave": os.environ.get("DJANGO_RATE_LIMIT_AUTOSAVE", "40/m"),
}


# === articles: the site's name, the editor, cached fragments ===

SITE_NAME = os.environ.get("DJANGO_SITE_NAME", "Redaktion")
SITE_TAGLINE = os.environ.get(
    "DJANGO_SITE_TAGLINE", "Fachmagazin für Vertrieb, Technik und Arbeit"
)

# Seconds between the writing screen's heartbeats ("who else is editing");
# a person counts as gone after three missed ones.
ARTICLE_EDIT_HEARTBEAT_SECONDS = env_int("DJANGO_ARTICLE_EDIT_HEARTBEAT_SECONDS", 20)

# Days a shareable preview link of a draft lives unless its creator picks
# another number (at most PREVIEW_LINK_MAX_DAYS); see articles.newsroom.preview_links.
PREVIEW_LINK_DAYS = env_int("DJANGO_PREVIEW_LINK_DAYS", 7)
PREVIEW_LINK_MAX_DAYS = 30

# Seconds a cached HTML fragment of a public page is kept (articles.fragments).
# Fragments are keyed on the content version, so they are never stale; this
# only bounds how long unused ones take room in the cache.
FRAGMENT_CACHE_SECONDS = env_int("DJANGO_FRAGMENT_CACHE_SECONDS", 3600)

# The longest article body (characters of HTML) the editor and the importer
# accept: about 15,000 words; WeasyPrint typesets that in about five seconds.
ARTICLE_BODY_MAX_CHARS = env_int("DJANGO_ARTICLE_BODY_MAX_CHARS", 100_000)

# Rich-text editor: what journalists may use, and (the same list) what the
# sanitiser lets through, whatever path the body is saved by.
ARTICLE_BODY_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    # Figures with captions and inline images (also what the WordPress import
    # turns [caption] shortcodes and <img> into).
    "Figure": True,
    "Caption": True,
    "Image": True,
    # Figures that refer to a library picture by id (pictures/body.py), with
    # the editor's „Bild einfügen“ button and its picker (pictures/editor.py).
    "PictureReference": picture_reference_options(),
}
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [PICTURE_REFERENCE_JS],
        "extensions": {"PictureReference": allow_picture_reference},
    },
]


# === printing: PDFs ===

# Print and PDF (printing/pdf.py): rendered PDFs are cached in the media
# storage under pdf/ (the local disk or the bucket), shared by all hosts.
# The most one PDF may take to typeset (seconds, in a child process); a version
# that needs longer is answered with a 503 page until the article changes.
PDF_RENDER_SECONDS = env_int("DJANGO_PDF_RENDER_SECONDS", 60)
# How long a request waits for a PDF being typeset before it answers 503
# „PDF wird erstellt“ with Retry-After (keep it below GUNICORN_TIMEOUT).
PDF_WAIT_SECONDS = env_int("DJANGO_PDF_WAIT_SECONDS", 10)


# === The shared HTTP cache in front (ops/varnish) ===

# How long a shared HTTP cache (ops/varnish) keeps a reader's page; list pages
# never past the next scheduled publication (core.http_cache).
CACHE_PAGE_SECONDS = env_int("DJANGO_CACHE_PAGE_SECONDS", 300)
# Where purges go after a change (comma-separated base URLs of the caches, e.g.
# http://127.0.0.1:8080); empty: no cache in front (core.purge).
CACHE_PURGE_URLS = env_list("DJANGO_CACHE_PURGE_URLS", "")
# Seconds a worker answers readers from its copy of a page (core.page_store)
# when no HTTP cache is in front: the view count and rating in the HTML may be
# that old (the page's live request shows the current ones). 0: off, the
# default with CACHE_PURGE_URLS (the cache in front keeps the pages).
PAGE_STORE_SECONDS = env_int("DJANGO_PAGE_STORE_SECONDS", 0 if CACHE_PURGE_URLS else 10)
# Wrong CSRF token on a reader's form: the form again, filled in (core.csrf).
CSRF_FAILURE_VIEW = "core.csrf.csrf_failure"


# === counters: article view counts ===

# Count from the page's one live request (POST /live/<id>/, articles.views.live)
# instead of the page request itself: for sites behind the HTTP cache.
VIEW_COUNT_BEACON = env_bool("DJANGO_VIEW_COUNT_BEACON", False)
# Count views of logged-in staff (editors reading their own articles) too.
VIEW_COUNT_STAFF = env_bool("DJANGO_VIEW_COUNT_STAFF", False)
# Seconds within which repeated views of an article by one visitor count once.
VIEW_COUNT_WINDOW = env_int("DJANGO_VIEW_COUNT_WINDOW", 30 * 60)
# Without a shared cache, view and rate-limit windows are rows (core.windows);
# one window write in this many also deletes the expired rows, so the table
# stays small between the daily privacy_cleanup runs.
WINDOW_CLEANUP_CHANCE = 1 / 500
# Counted views of one article that one network (an IPv4 address, an IPv6 /64)
# may add per window: a client that changes its User-Agent is a new visitor
# each time, not a new network. 30 leaves room for an office or a mobile
# carrier's shared address; 0 switches the cap off (load tests from one host).
VIEW_COUNT_PER_NETWORK = env_int("DJANGO_VIEW_COUNT_PER_NETWORK", 30)
# Seconds the home page's "Meistgelesen" block is cached.
VIEW_COUNT_MOST_READ_CACHE = env_int("DJANGO_VIEW_COUNT_MOST_READ_CACHE", 300)
# Seconds its all-time ranking is cached (it sums every daily row; barely moves).
VIEW_COUNT_MOST_READ_ALL_TIME_CACHE = env_int(
    "DJANGO_VIEW_COUNT_MOST_READ_ALL_TIME_CACHE", 3600
)


# === comments (django-comments-xtd) ===

# Days the truncated IP address of a comment is kept (manage.py privacy_cleanup).
COMMENTS_IP_RETENTION_DAYS = env_int("DJANGO_COMMENTS_IP_RETENTION_DAYS", 30)
# django-comments-xtd over django-contrib-comments; our policy lives in comments/.
COMMENTS_APP = "django_comments_xtd"
COMMENTS_XTD_MODEL = "comments.models.ArticleComment"
COMMENTS_XTD_FORM_CLASS = "comments.forms.ArticleCommentForm"
COMMENTS_XTD_MAX_THREAD_LEVEL = 2  # levels 0, 1, 2: replies two levels deep
COMMENTS_XTD_LIST_ORDER = ("thread_id", "order")  # oldest thread first, threaded
COMMENTS_XTD_CONFIRM_EMAIL = True  # anonymous commenters confirm their address
# xtd sends that mail with the subject "comment confirmation request", which its
# own catalogue leaves English; the project's catalogue (LOCALE_PATHS, asked
# before any app's) has it in German. Named here so makemessages keeps it.
_XTD_CONFIRMATION_SUBJECT = gettext_noop("comment confirmation request")
COMMENTS_XTD_SEND_HTML_EMAIL = False  # plain-text mails only
COMMENTS_XTD_THREADED_EMAILS = env_bool("DJANGO_COMMENTS_THREADED_EMAILS", False)
COMMENTS_XTD_SALT = b"redaktion-comments"
COMMENTS_XTD_FROM_EMAIL = DEFAULT_FROM_EMAIL
COMMENTS_XTD_CONTACT_EMAIL = DEFAULT_FROM_EMAIL
COMMENTS_XTD_APP_MODEL_OPTIONS = {
    "articles.article": {
        "who_can_post": "all",
        "allow_flagging": False,
        "allow_feedback": False,
        "show_feedback": False,
    }
}
COMMENT_MAX_LENGTH = 3000
COMMENTS_CLOSE_AFTER_DAYS = env_int("DJANGO_COMMENTS_CLOSE_AFTER_DAYS", 365)
# Days a mailed confirmation link stays valid (comments.views.confirm).
COMMENTS_CONFIRMATION_DAYS = env_int("DJANGO_COMMENTS_CONFIRMATION_DAYS", 3)
# WordPress's "comment author must have a previously approved comment".
COMMENTS_TRUST_APPROVED_AUTHORS = env_bool("DJANGO_COMMENTS_TRUST_APPROVED", False)
COMMENTS_MAX_LINKS = 2  # more links than this: held, whatever the trust rule
COMMENTS_MIN_SUBMIT_SECONDS = env_int("DJANGO_COMMENTS_MIN_SUBMIT_SECONDS", 3)
# New held comments are mailed here; empty: to every active Moderator.
COMMENTS_MODERATOR_EMAIL = os.environ.get("DJANGO_COMMENTS_MODERATOR_EMAIL", "")
PRIVACY_URL = os.environ.get("DJANGO_PRIVACY_URL", "/datenschutz/")


# === ratings ===

# Ratings (ratings app): "best rated" ranks by a Bayesian average that adds
# this many imaginary 3-star votes to every article, so a single 5-star vote does
# not outrank many votes averaging 4.8 (see ratings/queries.py).
RATINGS_PRIOR_VOTES = env_int("DJANGO_RATINGS_PRIOR_VOTES", 10)
# Seconds the home page's "Am besten bewertet" block is cached.
RATINGS_BEST_RATED_CACHE = env_int("DJANGO_RATINGS_BEST_RATED_CACHE", 300)
# New votes on one article that one network (an IPv4 address, an IPv6 /64) may
# cast per day; changing one's own vote is always allowed. 0: no cap.
VOTES_PER_NETWORK = env_int("DJANGO_VOTES_PER_NETWORK", 5)


# Background jobs (core.jobs, django-q2 with the Django ORM broker: the queue is
# in the site's database). Without a worker (the embedded default) every job
# runs right after the commit in the process that made it; with
# DJANGO_JOBS_WORKER=1 `manage.py qcluster` runs them, retries failures and
# runs the periodic work (core.schedules).
JOBS_WORKER = env_bool("DJANGO_JOBS_WORKER", False)
Q_CLUSTER = {
    "name": "redaktion",
    "orm": "default",
    "sync": not JOBS_WORKER,
    "workers": env_int("DJANGO_JOBS_WORKERS", 2),
    # A job may run this long; one not acknowledged after `retry` seconds
    # (its worker died) is delivered again, at most `max_attempts` times.
    "timeout": env_int("DJANGO_JOBS_TIMEOUT", 120),
    "retry": env_int("DJANGO_JOBS_RETRY", env_int("DJANGO_JOBS_TIMEOUT", 120) + 30),
    "max_attempts": env_int("DJANGO_JOBS_ATTEMPTS", 5),
    "ack_failures": False,  # a failed job stays queued and is retried
    "save_limit": 1000,
    "poll": 1,
    "catch_up": False,
    "label": "Jobs",
}
# Periodic work the worker runs (management command → minutes between runs).
JOBS_PERIODIC = {"privacy_cleanup": 24 * 60, "database_analyze": 24 * 60}
if "comments" in INSTALLED_APPS:
    JOBS_PERIODIC["comments_notify_moderators"] = 10
if "counters" in INSTALLED_APPS:
    JOBS_PERIODIC["most_read_rollup"] = env_int("DJANGO_MOST_READ_ROLLUP_MINUTES", 5)
