#!/usr/bin/env bash
# Bring the production recipe up on this machine with real processes on
# loopback — nginx (TLS, a self-signed certificate) in front of gunicorn, and the
# job worker — run the smoke test (ops/smoke.py) through nginx, and stop it all.
#
#   ops/smoke.sh                     # SQLite in a temporary folder, no Redis
#   SMOKE_DATABASE_URL=postgres://postgres@127.0.0.1:5432/redaktion_smoke \
#   SMOKE_REDIS_URL=redis://127.0.0.1:6379/3 ops/smoke.sh
#
# The environment file is made from ops/redaktion.env.example (loopback values
# replace the example's), gunicorn and the worker are started with the ExecStart
# lines of ops/systemd/redaktion-{gunicorn,worker}.service and nginx with
# ops/nginx/redaktion.conf (ports, certificate and folders replaced), so the
# shipped files are what is tested. Needs nginx and openssl.
# A PostgreSQL database named in SMOKE_DATABASE_URL is dropped and created anew,
# the Redis database in SMOKE_REDIS_URL emptied.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
work=$(mktemp -d /tmp/redaktion-smoke-XXXXXX)
chmod 755 "$work"  # nginx's workers (user nobody) read the media folder
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  .venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
wait_for_port() {  # port, pid, log
  for _ in $(seq 1 60); do
    if .venv/bin/python -c "import socket; socket.create_connection(('127.0.0.1', $1), 1)" 2>/dev/null; then return 0; fi
    if ! kill -0 "$2" 2>/dev/null; then cat "$3"; exit 1; fi
    sleep 0.5
  done
  echo "nothing listens on port $1"; cat "$3"; exit 1
}
port=$(free_port)        # gunicorn
http_port=$(free_port)   # nginx, plain HTTP (/healthz, redirects)
https_port=$(free_port)  # nginx, TLS
database=${SMOKE_DATABASE_URL:-sqlite:///$work/db.sqlite3}
case "$database" in
  postgres://*)
    # The loopback server of CI and development (trust auth, user postgres).
    PGOPTIONS="-c client_min_messages=warning" \
      dropdb -h 127.0.0.1 -U postgres --if-exists --force "${database##*/}"
    createdb -h 127.0.0.1 -U postgres "${database##*/}"
    ;;
esac

# The Redis database named in SMOKE_REDIS_URL is emptied too: what an earlier run
# left there (django-imagekit's "this rendition exists" entries) would name files
# that this run's fresh media folder does not have.
if [ -n "${SMOKE_REDIS_URL:-}" ]; then
  .venv/bin/python -c 'import redis, sys; redis.Redis.from_url(sys.argv[1]).flushdb()' \
    "$SMOKE_REDIS_URL"
fi

secret=$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(50))')
sed -e "s|^DJANGO_SECRET_KEY=.*|DJANGO_SECRET_KEY=$secret|" \
    -e "s|^DJANGO_ALLOWED_HOSTS=.*|DJANGO_ALLOWED_HOSTS=127.0.0.1|" \
    -e "s|^DJANGO_SITE_DOMAIN=.*|DJANGO_SITE_DOMAIN=127.0.0.1:$https_port|" \
    -e "s|^DATABASE_URL=.*|DATABASE_URL=$database|" \
    -e "s|^REDIS_URL=.*|REDIS_URL=${SMOKE_REDIS_URL:-}|" \
    -e "s|^DJANGO_MEDIA_ROOT=.*|DJANGO_MEDIA_ROOT=$work/media|" \
    -e "s|^DJANGO_STATIC_ROOT=.*|DJANGO_STATIC_ROOT=$work/static|" \
    -e "s|^DJANGO_EMAIL_BACKEND=.*|DJANGO_EMAIL_BACKEND=django.core.mail.backends.locmem.EmailBackend|" \
    -e "s|^GUNICORN_BIND=.*|GUNICORN_BIND=127.0.0.1:$port|" \
    -e "s|^GUNICORN_ACCESSLOG=.*|GUNICORN_ACCESSLOG=|" \
    ops/redaktion.env.example > "$work/redaktion.env"
echo "GUNICORN_WORKERS=2" >> "$work/redaktion.env"
echo "DJANGO_JOBS_WORKERS=1" >> "$work/redaktion.env"
mkdir -p "$work/media"
export REDAKTION_ENV=$work/redaktion.env
# The deploy checks with the example's HTTPS settings (a warning fails).
ops/manage.sh check --deploy --fail-level WARNING >/dev/null

ops/manage.sh migrate --noinput -v0
# Demo content and its known logins: for this throw-away smoke site only.
ops/manage.sh seed_demo --allow-production > "$work/seed.log" 2>&1 || { cat "$work/seed.log"; exit 1; }
ops/manage.sh collectstatic --noinput -v0

# The units' ExecStart lines, with the units' environment file.
unit_command() { sed -n 's|^ExecStart=/srv/redaktion/app/||p' "ops/systemd/$1.service"; }
(set -a; . "$REDAKTION_ENV"; set +a; exec $(unit_command redaktion-gunicorn)) > "$work/gunicorn.log" 2>&1 &
pids+=($!)
wait_for_port "$port" "${pids[-1]}" "$work/gunicorn.log"
(set -a; . "$REDAKTION_ENV"; set +a; exec $(unit_command redaktion-worker)) > "$work/worker.log" 2>&1 &
pids+=($!)

# nginx with the shipped site, a self-signed certificate for 127.0.0.1.
mkdir -p "$work/nginx/tmp"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=127.0.0.1" \
  -addext "subjectAltName=IP:127.0.0.1" \
  -keyout "$work/nginx/key.pem" -out "$work/nginx/cert.pem" 2>/dev/null
# `$host` has no port; on loopback the TLS port is not 443, so the Host header
# passed on keeps it (`$http_host`) for Django's CSRF origin check.
sed -e "s|listen 80;|listen 127.0.0.1:$http_port;|" \
    -e "s|listen 443 ssl http2;|listen 127.0.0.1:$https_port ssl http2;|" \
    -e "/listen \[::\]/d" \
    -e "s|server_name magazin.example.org;|server_name 127.0.0.1;|" \
    -e "s|/etc/letsencrypt/live/magazin.example.org/fullchain.pem|$work/nginx/cert.pem|" \
    -e "s|/etc/letsencrypt/live/magazin.example.org/privkey.pem|$work/nginx/key.pem|" \
    -e "s|alias /srv/redaktion/media/;|alias $work/media/;|" \
    -e "s|proxy_pass http://127.0.0.1:8000;|proxy_pass http://127.0.0.1:$port;|" \
    -e 's|proxy_set_header Host $host;|proxy_set_header Host $http_host;|' \
    -e "s|https://\$host\$request_uri|https://\$host:$https_port\$request_uri|" \
    ops/nginx/redaktion.conf > "$work/nginx/site.conf"
cat > "$work/nginx/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 128; }
http {
  include /etc/nginx/mime.types;
  access_log $work/nginx/access.log;
  client_body_temp_path $work/nginx/tmp/body;
  proxy_temp_path $work/nginx/tmp/proxy;
  fastcgi_temp_path $work/nginx/tmp/fastcgi;
  uwsgi_temp_path $work/nginx/tmp/uwsgi;
  scgi_temp_path $work/nginx/tmp/scgi;
  include $work/nginx/site.conf;
}
NGINX
nginx -t -q -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log"
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" -g "daemon off;" \
  > "$work/nginx/stdout.log" 2>&1 &
pids+=($!)
wait_for_port "$https_port" "${pids[-1]}" "$work/nginx/error.log"

show_logs() {
  for log in gunicorn.log worker.log nginx/error.log; do echo "--- $log"; tail -40 "$work/$log"; done
}
if ! SSL_CERT_FILE=$work/nginx/cert.pem SMOKE_HTTP=http://127.0.0.1:$http_port \
    .venv/bin/python ops/smoke.py "https://127.0.0.1:$https_port"; then
  show_logs; exit 1
fi
# The worker took the jobs that seed_demo's articles queued (PDFs ahead).
done_jobs=0
for _ in $(seq 1 60); do
  done_jobs=$(ops/manage.sh shell -v0 -c "from django_q.models import Success; print(Success.objects.count())")
  [ "$done_jobs" -gt 0 ] && break
  sleep 2
done
if [ "$done_jobs" -lt 1 ]; then echo "FAIL the job worker ran no job"; show_logs; exit 1; fi
echo "ok   the job worker ran $done_jobs jobs"
