# Redaktion – the two commands of the README, and a few helpers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Every package pinned with its hashes (`make lock` writes it from pyproject.toml).
LOCK := requirements.lock
# The demo runs with debug on and lets Django serve uploaded media.
DEV_ENV := DJANGO_DEBUG=1 DJANGO_SERVE_MEDIA=1

.PHONY: run run-cached test install lock lint format messages

## run: install, migrate, load the demo content and serve on http://127.0.0.1:8000
## (with the background-job worker beside gunicorn, ended with it)
run: install
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput -v0
	$(DEV_ENV) $(BIN)/python manage.py seed_demo
	$(DEV_ENV) $(BIN)/python manage.py collectstatic --noinput -v0
	$(DEV_ENV) DJANGO_JOBS_WORKER=1 $(BIN)/python manage.py qcluster & worker=$$!; \
		trap 'kill $$worker' EXIT; \
		$(DEV_ENV) DJANGO_JOBS_WORKER=1 $(BIN)/gunicorn -c config/gunicorn.conf.py

## run-cached: the demo as `make run`, served through the HTTP cache
## (Varnish with ops/varnish/redaktion.vcl) on http://127.0.0.1:8080 in front
## of gunicorn on 127.0.0.1:8000; views are counted by the page's live request
## and every change purges the cache. Needs Debian's varnish.
VARNISHD ?= $(shell command -v varnishd || echo /usr/sbin/varnishd)
CACHED_ENV := DJANGO_CACHE_PURGE_URLS=http://127.0.0.1:8080 DJANGO_VIEW_COUNT_BEACON=1 \
	DJANGO_TRUSTED_PROXY_COUNT=1
run-cached: install
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput -v0
	$(DEV_ENV) $(BIN)/python manage.py seed_demo
	$(DEV_ENV) $(BIN)/python manage.py collectstatic --noinput -v0
	$(VARNISHD) -F -j none -n $(CURDIR)/.varnish -a 127.0.0.1:8080 -T 127.0.0.1:0 \
		-f $(CURDIR)/ops/varnish/redaktion.vcl -s malloc,256m & varnish=$$!; \
		$(DEV_ENV) $(CACHED_ENV) DJANGO_JOBS_WORKER=1 $(BIN)/python manage.py qcluster & worker=$$!; \
		trap 'kill $$varnish $$worker' EXIT; \
		$(DEV_ENV) $(CACHED_ENV) DJANGO_JOBS_WORKER=1 $(BIN)/gunicorn -c config/gunicorn.conf.py

## test: the whole test suite (SQLite, or the database in DATABASE_URL)
test: install
	$(BIN)/python -m pytest -q

## install: a virtualenv with exactly the locked packages (hashes checked)
install: $(VENV)/.installed

$(VENV)/.installed: $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --quiet --disable-pip-version-check \
		--require-hashes --no-deps -r $(LOCK)
	touch $@

## lock: pin the packages of pyproject.toml (and their dependencies) again;
## `make lock UPGRADE=1` moves every pin to the newest release its range allows
lock: install
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --universal \
		--python-version 3.11 --quiet $(if $(UPGRADE),--upgrade) -o $(LOCK)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-logo

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## messages: update the German catalogue after changing UI strings, then compile it
# Feature apps keep their own catalogue in <app>/locale/, the rest is in locale/.
FEATURE_APPS := ratings counters comments
messages: install
	$(DEV_ENV) $(BIN)/python manage.py makemessages -l de --no-location --ignore=.venv \
		--ignore=tests $(addprefix --ignore=,$(FEATURE_APPS))
	for app in $(FEATURE_APPS); do \
		(cd $$app && $(DEV_ENV) ../$(BIN)/python ../manage.py makemessages -l de --no-location); done
	$(DEV_ENV) $(BIN)/python manage.py compilemessages --ignore=.venv
