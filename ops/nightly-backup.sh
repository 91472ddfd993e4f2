#!/usr/bin/env bash
# Nightly: ops/backup.sh into BACKUPS/<date>, then drop folders older than 14 days.
#   ops/nightly-backup.sh /srv/redaktion/backups
set -euo pipefail
backups=${1:?usage: ops/nightly-backup.sh BACKUPS_DIR}
set -a
# shellcheck disable=SC1090
. "${REDAKTION_ENV:-/etc/redaktion/redaktion.env}"
set +a
"$(dirname "$0")/backup.sh" "$backups/$(date +%F)"
find "$backups" -mindepth 1 -maxdepth 1 -type d -mtime +14 -exec rm -r {} +
