#!/usr/bin/env bash
# Bring the production recipe up on this machine with real processes on
# loopback, run the smoke test (ops/smoke.py) against it, and stop it again.
#
#   ops/smoke.sh                     # SQLite in a temporary folder, no Redis
#   SMOKE_DATABASE_URL=postgres://postgres@127.0.0.1:5432/redaktion_smoke \
#   SMOKE_REDIS_URL=redis://127.0.0.1:6379/3 ops/smoke.sh
#
# The environment file is made from ops/redaktion.env.example (loopback values
# replace the example's), and gunicorn is started with the ExecStart line of
# ops/systemd/redaktion-gunicorn.service, so the shipped files are what is tested.
# A PostgreSQL database named in SMOKE_DATABASE_URL is dropped and created anew.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
work=$(mktemp -d /tmp/redaktion-smoke-XXXXXX)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

port=$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
database=${SMOKE_DATABASE_URL:-sqlite:///$work/db.sqlite3}
case "$database" in
  postgres://*)
    # The loopback server of CI and development (trust auth, user postgres).
    PGOPTIONS="-c client_min_messages=warning" \
      dropdb -h 127.0.0.1 -U postgres --if-exists --force "${database##*/}"
    createdb -h 127.0.0.1 -U postgres "${database##*/}"
    ;;
esac

secret=$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(50))')
sed -e "s|^DJANGO_SECRET_KEY=.*|DJANGO_SECRET_KEY=$secret|" \
    -e "s|^DJANGO_ALLOWED_HOSTS=.*|DJANGO_ALLOWED_HOSTS=127.0.0.1|" \
    -e "s|^DJANGO_SITE_DOMAIN=.*|DJANGO_SITE_DOMAIN=127.0.0.1:$port|" \
    -e "s|^DATABASE_URL=.*|DATABASE_URL=$database|" \
    -e "s|^REDIS_URL=.*|REDIS_URL=${SMOKE_REDIS_URL:-}|" \
    -e "s|^DJANGO_MEDIA_ROOT=.*|DJANGO_MEDIA_ROOT=$work/media|" \
    -e "s|^DJANGO_STATIC_ROOT=.*|DJANGO_STATIC_ROOT=$work/static|" \
    -e "s|^DJANGO_EMAIL_BACKEND=.*|DJANGO_EMAIL_BACKEND=django.core.mail.backends.locmem.EmailBackend|" \
    -e "s|^GUNICORN_BIND=.*|GUNICORN_BIND=127.0.0.1:$port|" \
    -e "s|^GUNICORN_ACCESSLOG=.*|GUNICORN_ACCESSLOG=|" \
    ops/redaktion.env.example > "$work/production.env"
mkdir -p "$work/media"
# The deploy checks with the example's HTTPS settings (a warning fails) ...
REDAKTION_ENV=$work/production.env ops/manage.sh check --deploy --fail-level WARNING >/dev/null
# ... then plain HTTP on loopback, where no nginx terminates TLS.
sed -e "s|^DJANGO_HTTPS=.*|DJANGO_HTTPS=0|" \
    -e "s|^DJANGO_TRUST_X_FORWARDED_PROTO=.*|DJANGO_TRUST_X_FORWARDED_PROTO=0|" \
    "$work/production.env" > "$work/redaktion.env"
echo "GUNICORN_WORKERS=2" >> "$work/redaktion.env"
export REDAKTION_ENV=$work/redaktion.env

ops/manage.sh migrate --noinput -v0
# Demo content and its known logins: for this throw-away smoke site only.
ops/manage.sh seed_demo --allow-production >/dev/null
ops/manage.sh collectstatic --noinput -v0

# The unit's ExecStart, with the unit's environment file.
exec_start=$(sed -n 's|^ExecStart=/srv/redaktion/app/||p' ops/systemd/redaktion-gunicorn.service)
(set -a; . "$REDAKTION_ENV"; set +a; exec $exec_start) > "$work/gunicorn.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 60); do
  if .venv/bin/python -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then cat "$work/gunicorn.log"; exit 1; fi
  sleep 0.5
done
if ! .venv/bin/python ops/smoke.py "http://127.0.0.1:$port"; then
  echo "--- gunicorn log"; tail -50 "$work/gunicorn.log"; exit 1
fi
