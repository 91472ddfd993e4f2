#!/usr/bin/env bash
# Restore a backup made by ops/backup.sh into an EMPTY database and media folder.
#
#   ops/restore.sh BACKUP_DIR
#
# Reads DATABASE_URL and the media settings like backup.sh. For PostgreSQL the
# database must exist and be empty (createdb NAME); for SQLite the file must not
# exist yet; the media storage (folder or bucket) must be empty
# (`manage.py media_restore`). Stop the site (or point it elsewhere) while restoring.
set -euo pipefail
source_dir=${1:?usage: ops/restore.sh BACKUP_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
url=${DATABASE_URL:-sqlite:///$root/db.sqlite3}

case "$url" in
  sqlite:///*)
    file=${url#sqlite:///}
    if [ -e "$file" ]; then
      echo "restore.sh: $file exists; restore into a new file" >&2
      exit 2
    fi
    sqlite3 "$file" ".restore '$source_dir/db.sqlite3'"
    ;;
  postgres://* | postgresql://*)
    pg_restore --no-owner --exit-on-error --dbname="$url" "$source_dir/db.dump"
    ;;
  *)
    echo "restore.sh: unsupported DATABASE_URL scheme: ${url%%:*}" >&2
    exit 2
    ;;
esac

if [ -f "$source_dir/media.tar.gz" ]; then
  "$root/.venv/bin/python" "$root/manage.py" media_restore "$source_dir/media.tar.gz" >/dev/null
fi
echo "Restored from $source_dir"
