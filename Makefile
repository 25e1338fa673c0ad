# Two commands: `make run` (embedded: SQLite, tasks in-process) and `make test` (PostgreSQL + Redis).
# `make prod` runs what production runs (gunicorn, celery worker and beat) against local services.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
DEMO ?= 0

# The test suite runs against real services, as production does.
TEST_ENV := DJANGO_SETTINGS_MODULE=engagement.settings.test \
	DATABASE_URL=$${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/engagement} \
	CELERY_BROKER_URL=$${TEST_CELERY_BROKER_URL:-redis://127.0.0.1:6379/15}

# The entry points that must never answer 500 run once more on SQLite, the quick start's database
# (in memory, a database of its own; tasks run eagerly as in the main run).
SQLITE_TEST_ENV := DJANGO_SETTINGS_MODULE=engagement.settings.test DATABASE_URL=sqlite:///test-sqlite.db \
	CELERY_BROKER_URL=$${TEST_CELERY_BROKER_URL:-redis://127.0.0.1:6379/15}
SQLITE_TESTS := tests/search/test_no_server_error.py tests/search/test_finder_no_server_error.py \
	tests/search/test_relevance.py tests/test_nul_bytes.py

.PHONY: install css messages makemessages chromium pango java run serve prod test test-sqlite test-e2e lint format services lock bench wrk mutate clean

install: pango $(VENV)/.installed node_modules/.installed frontend/dist/kern.css messages

# What the pages load of KERN UX (frontend/build.mjs, frontend/purge.json): its stylesheet cut to the classes
# our templates, Python code and scripts can emit, and the fonts it needs. Built again when one of them
# changes; `make css` builds it now.
FRONTEND_SOURCES := $(shell find templates engagement home search static -name '*.html' -o -name '*.py' -o -name '*.js' -o -name '*.css')
frontend/dist/kern.css: node_modules/.installed frontend/build.mjs frontend/purge.json $(FRONTEND_SOURCES)
	npm run --silent build

css: node_modules/.installed
	npm run --silent build

# German and English catalogues (locale/*/LC_MESSAGES/django.po), compiled with GNU gettext's msgfmt.
messages: $(VENV)/.installed
	command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext)
	$(BIN)/python manage.py compilemessages --ignore=$(VENV) --ignore=node_modules -v 0

# After changing UI texts: collect them into both catalogues, then translate the new English entries.
makemessages: $(VENV)/.installed
	$(BIN)/python manage.py makemessages -l de -l en --ignore=$(VENV) --ignore=node_modules --no-obsolete

# The browser tests drive Debian's Chromium (no browser downloads).
chromium:
	test -x /usr/bin/chromium || (apt-get update -qq && apt-get install -y -qq chromium)

# The Engagementnachweis (engagement/hours/pdf.py): WeasyPrint renders with Debian's Pango; the tests read
# the PDF with pypdf and render it to PNG with poppler's pdftoppm.
pango:
	test -e /usr/lib/x86_64-linux-gnu/libpango-1.0.so.0 -o -e /usr/lib/aarch64-linux-gnu/libpango-1.0.so.0 \
		|| (apt-get update -qq && apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0)
	command -v pdftoppm >/dev/null || (apt-get update -qq && apt-get install -y -qq poppler-utils)

# The W3C Nu HTML checker (npm vnu-jar, tests/test_html_validity.py) runs on Debian's Java.
java:
	command -v java >/dev/null || (apt-get update -qq && apt-get install -y -qq default-jre-headless)

$(VENV)/.installed: pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The address served goes to the settings (engagement/settings/dev.py): links in mails, the portal's
# site and the cities' own hosts follow it.
RUN_ENV := DEV_HOST=$(HOST) DEV_PORT=$(PORT)

run: install
	@$(MAKE) --no-print-directory serve

# The quick start without installing: migrate, demo data, every periodic job once, then celery beat
# for the schedule (without a broker each job runs inside beat: no worker, no Redis) beside the
# development server. Stopping the server (Ctrl-C) stops beat too.
serve:
	$(RUN_ENV) $(BIN)/python manage.py migrate --noinput
	$(RUN_ENV) $(BIN)/python manage.py load_demo
	mkdir -p .cache
	$(RUN_ENV) $(BIN)/python manage.py run_due_jobs
	@echo "Portal: http://$(HOST):$(PORT)/   Verwaltung: http://$(HOST):$(PORT)/admin/"
	$(RUN_ENV) $(BIN)/celery -A engagement --quiet beat --schedule .cache/celerybeat-schedule --loglevel WARNING & \
	trap 'kill $$!' EXIT; $(RUN_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# Production settings on this machine: collectstatic, migrate, gunicorn, a worker and beat against the
# local PostgreSQL (database engagement_prod) and Redis; plain http on loopback. DEMO=1 loads the demo.
prod: install services
	PORT=$(PORT) DEMO=$(DEMO) bash scripts/run_production_locally.sh

# Two processes (pytest-xdist), one per core; each gets its own test database and Redis database.
# The order is random (pytest-randomly prints its seed; repeat an order with -p randomly --randomly-seed=N).
test: install chromium java services lint
	$(TEST_ENV) $(BIN)/pytest -n 2
	$(SQLITE_TEST_ENV) $(BIN)/pytest $(SQLITE_TESTS)

test-sqlite: install services
	$(SQLITE_TEST_ENV) $(BIN)/pytest $(SQLITE_TESTS)

# Only the browser tests (screenshots land in tests/e2e/screenshots/).
test-e2e: install chromium services
	$(TEST_ENV) $(BIN)/pytest tests/e2e

# Style, then the import contracts of docs/architecture.md (pyproject.toml, [tool.importlinter]).
lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

services:
	bash scripts/ensure_services.sh

# Re-resolve the pinned versions after changing pyproject.toml.
lock:
	rm -rf /tmp/engagement-lock && $(PYTHON) -m venv /tmp/engagement-lock
	/tmp/engagement-lock/bin/pip install --quiet -e ".[dev]"
	/tmp/engagement-lock/bin/pip freeze --exclude-editable | grep -v '^-e' > requirements.lock

# The load benchmark (benchmarks/load.py, benchmarks/README.md): a database of OPPORTUNITIES offers
# (reused when it already holds that many), the production server, wrk, one table into the README.
OPPORTUNITIES ?= 100000
bench: install services wrk
	$(TEST_ENV) BENCH_OPPORTUNITIES=$(OPPORTUNITIES) $(BIN)/python -m benchmarks.load

# The load generator of `make bench`, from Debian.
wrk:
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)

# Mutation testing, on demand (it takes hours, not minutes): mutmut changes the service, permission,
# retention and search modules one small mutation at a time ([tool.mutmut] in pyproject.toml) and runs
# the tests that cover each change; a mutant no test notices shows a gap. See benchmarks/README.md.
mutate: install services
	rm -rf mutants && mkdir mutants  # it must exist when Python starts, to be on its path
	$(TEST_ENV) PYTHONPATH=$(CURDIR)/mutants $(BIN)/mutmut run --max-children 1
	$(BIN)/mutmut results

clean:
	rm -rf $(VENV) node_modules frontend/dist staticfiles db.sqlite3 mutants .prod .cache .bench
