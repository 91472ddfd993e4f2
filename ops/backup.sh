#!/usr/bin/env bash
# Back up the database and the media into one folder.
#
#   ops/backup.sh BACKUP_DIR
#
# Reads DATABASE_URL (default: the project's SQLite file) and the media settings
# (DJANGO_MEDIA_ROOT, or DJANGO_S3_* for a bucket): the media are copied through
# the storage (`manage.py media_backup`, cached PDFs left out) into media.tar.gz,
# from the local disk or the bucket alike. Safe while the site runs: SQLite's
# online backup and pg_dump both take a consistent snapshot. Needs the sqlite3 or
# pg_dump client.
set -euo pipefail
target=${1:?usage: ops/backup.sh BACKUP_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
url=${DATABASE_URL:-sqlite:///$root/db.sqlite3}
mkdir -p "$target"

case "$url" in
  sqlite:///*)
    sqlite3 "${url#sqlite:///}" ".backup '$target/db.sqlite3'"
    ;;
  postgres://* | postgresql://*)
    pg_dump --format=custom --no-owner --file="$target/db.dump" "$url"
    ;;
  *)
    echo "backup.sh: unsupported DATABASE_URL scheme: ${url%%:*}" >&2
    exit 2
    ;;
esac

"$root/.venv/bin/python" "$root/manage.py" media_backup "$target/media.tar.gz" >/dev/null
echo "Backup written to $target"
