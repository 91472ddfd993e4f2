#!/usr/bin/env bash
# manage.py with the production environment, for cron jobs and the runbook:
#   ops/manage.sh migrate
# Reads REDAKTION_ENV (default /etc/redaktion/redaktion.env).
set -euo pipefail
set -a
# shellcheck disable=SC1090
. "${REDAKTION_ENV:-/etc/redaktion/redaktion.env}"
set +a
cd "$(dirname "$0")/.."
exec .venv/bin/python manage.py "$@"
