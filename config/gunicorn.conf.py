"""Gunicorn settings; every value can be overridden on the command line."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# The classic formula for sync workers: two per core plus one.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
# Replace a worker after this many requests (plus up to 10 % jitter, so the
# workers do not restart together): a safety net against slow memory growth in
# some library. Every restart costs a fork and a cold worker (imports, empty
# in-process caches, first queries); at 2,000 that happened every few seconds
# under load, about ten times per worker in one benchmark run. 0 switches it
# off: bench/run.py does, so the peak memory it reports is that of workers that
# served the whole run.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None
errorlog = "-"
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
wsgi_app = "config.wsgi:application"
