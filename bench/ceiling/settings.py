"""The ceiling of the benchmark: the least a Django page can do.

No database, no templates, no middleware, no sessions: one view that returns an
article-sized HTML body held in memory. Served by gunicorn exactly like the site
(same configuration file, same number of sync workers), it shows how many
requests per second any Django page can reach on this machine, and every page of
the site is measured as a share of it.
"""

import os

DEBUG = False
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "ceiling.urls"
WSGI_APPLICATION = "ceiling.wsgi.application"
INSTALLED_APPS: list[str] = []
MIDDLEWARE: list[str] = []
DATABASES: dict = {}
USE_I18N = False
USE_TZ = True
LOGGING_CONFIG = None
