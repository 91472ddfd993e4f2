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
# X-Forwarded-Proto (and -Ssl, -Protocol) make gunicorn report https to Django:
# believed only behind a TLS proxy, the same switch as Django's own
# SECURE_PROXY_SSL_HEADER; otherwise any client on the allowed addresses could
# claim https.
_trust_proxy = os.environ.get("DJANGO_TRUST_X_FORWARDED_PROTO", "").lower() in {
    "1",
    "true",
    "yes",
    "on",
}
forwarded_allow_ips = (
    os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1") if _trust_proxy else ""
)
# The control socket (gunicornc) defaults to one file in the user's home folder
# that every instance on the host would share: off, unless an instance is given
# a path of its own.
_control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "")
if _control_socket:
    control_socket = _control_socket
else:
    control_socket_disable = True
wsgi_app = "config.wsgi:application"


def post_worker_init(worker):
    """Before a new worker's first request (config/warmup.py): without it, its
    first reader page took half a second."""
    from config.warmup import worker_warm

    worker.log.info("Warmed up for readers: %d templates compiled", worker_warm())
