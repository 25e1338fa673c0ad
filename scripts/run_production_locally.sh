#!/usr/bin/env bash
# `make prod`: what production runs, on this machine, over plain http on loopback.
#   collectstatic, migrate, then gunicorn (engagement.settings.production, gunicorn.conf.py),
#   one celery worker and celery beat, until Ctrl-C stops all three.
# Against the local PostgreSQL and Redis, in a database of its own (engagement_prod) and two Redis
# databases of its own. DEMO=1 loads the demo contents and accounts first.
#
# The values below are for this local trial ONLY: a secret key that is not secret, no HTTPS redirect
# and no Secure cookies (the browser talks plain http to 127.0.0.1). A real server sets its own
# values (.env.example, docs/deployment.md) and sits behind a TLS proxy.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=.venv/bin
PORT=${PORT:-8000}
STATE_DIR=${STATE_DIR:-.prod}
mkdir -p "$STATE_DIR"

export DJANGO_SETTINGS_MODULE=engagement.settings.production
export DATABASE_URL=${PROD_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/engagement_prod}
export CELERY_BROKER_URL=${PROD_CELERY_BROKER_URL:-redis://127.0.0.1:6379/10}
export CACHE_URL=${PROD_CACHE_URL:-rediscache://127.0.0.1:6379/11}
export DJANGO_SECRET_KEY=${DJANGO_SECRET_KEY:-local-trial-only-not-a-secret-$(hostname)}
export DJANGO_ALLOWED_HOSTS=${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost}
export WAGTAILADMIN_BASE_URL=${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$PORT}
export DJANGO_SECURE_SSL_REDIRECT=false
export DJANGO_SECURE_COOKIES=false
export EMAIL_URL=${EMAIL_URL:-consolemail://}
export STATIC_ROOT=${STATIC_ROOT:-$PWD/$STATE_DIR/static}
export MEDIA_ROOT=${MEDIA_ROOT:-$PWD/$STATE_DIR/media}
export GUNICORN_BIND=127.0.0.1:$PORT
export LOG_FORMAT=${LOG_FORMAT:-json}

echo "Lokaler Produktionslauf – nur für diesen Rechner: Schlüssel, HTTP ohne TLS und Cookies ohne"
echo "'Secure' sind Werte für den Versuch, nie für einen Server (siehe docs/deployment.md)."

"$BIN/python" - <<'PY'
import os
from urllib.parse import urlsplit

import psycopg

url = urlsplit(os.environ["DATABASE_URL"])
name = url.path.lstrip("/")
admin = url._replace(path="/postgres").geturl()
with psycopg.connect(admin, autocommit=True) as connection:
    if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
        connection.execute(f'CREATE DATABASE "{name}"')
        print(f"Datenbank {name} angelegt.")
PY
"$BIN/python" manage.py collectstatic --noinput --verbosity 0
"$BIN/python" manage.py migrate --noinput --verbosity 0
if [ "${DEMO:-0}" = "1" ]; then
  # The demo needs demo mode, which production settings forbid: loaded with the dev settings into the
  # same database, tasks inline. Only ever for a local trial.
  DJANGO_SETTINGS_MODULE=engagement.settings.dev DEMO_MODE=true CELERY_BROKER_URL= CACHE_URL=locmemcache:// \
    "$BIN/python" manage.py load_demo
fi

pids=()
stop() { for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done; wait; }
trap stop EXIT INT TERM

"$BIN/gunicorn" --config gunicorn.conf.py & pids+=($!)
"$BIN/celery" --app engagement worker --queues engagement --concurrency 2 --loglevel info \
  --without-gossip --without-mingle & pids+=($!)
"$BIN/celery" --app engagement beat --loglevel info --schedule "$STATE_DIR/celerybeat-schedule" & pids+=($!)

cat <<EOT

Portal:      http://127.0.0.1:$PORT/
Verwaltung:  http://127.0.0.1:$PORT/admin/   $( [ "${DEMO:-0}" = "1" ] && echo "(Demo-Zugänge, Passwort demo)" || echo "(Zugang anlegen: DJANGO_SETTINGS_MODULE=engagement.settings.production DATABASE_URL=$DATABASE_URL … manage.py createsuperuser, oder make prod DEMO=1)")
Zustand:     http://127.0.0.1:$PORT/healthz  http://127.0.0.1:$PORT/readyz
Mails erscheinen in der Ausgabe des Workers. Beenden mit Strg+C.

EOT
wait -n "${pids[@]}"
