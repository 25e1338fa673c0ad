#!/usr/bin/env bash
# Restore a pg_dump (custom format) into a NEW database and check it, without touching the live one:
#   scripts/restore_database.sh engagement-2026-12-04.dump postgres://user@host:5432/engagement_restore
# Then point DATABASE_URL at it (or rename the databases while the app is stopped).
# A backup: pg_dump --format=custom --file=engagement-$(date +%F).dump "$DATABASE_URL"
set -euo pipefail
dump=$1
target=$2
name=${target##*/}
server=${target%/*}

psql --quiet --no-psqlrc "$server/postgres" -c "CREATE DATABASE \"$name\""
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$target" "$dump"
# The schema is the code's: no migration may be missing.
DATABASE_URL=$target "$(dirname "$0")/../.venv/bin/python" "$(dirname "$0")/../manage.py" migrate --check
echo "Wiederhergestellt in $name."
