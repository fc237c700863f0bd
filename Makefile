# The project's vocabulary. Quick start: `make run`, then `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# The address a browser on this machine opens (0.0.0.0 and :: listen everywhere).
BROWSE_HOST = $(if $(filter 0.0.0.0,$(HOST)),127.0.0.1,$(if $(filter ::,$(HOST)),[::1],$(if $(findstring :,$(HOST)),[$(HOST)],$(HOST))))
SITE_URL = http://$(BROWSE_HOST):$(PORT)

.DEFAULT_GOAL := help
.PHONY: help run serve setup test test-fast bench lint format messages check clean \
	prod prod-stop prod-manage prod-deps test-deps

help:
	@echo "make run    - install, migrate, load the demo content and serve http://$(HOST):$(PORT)"
	@echo "make test   - run the whole test suite (DATABASE_URL if set, else SQLite)"
	@echo "make bench  - speed and memory benchmarks"
	@echo "make lint   - ruff, the import contracts (docs/architecture.md) and the migrations check"
	@echo "make messages - update and compile the translation catalogues"
	@echo "make prod   - the production stack without Docker: nginx, gunicorn, worker, scheduler"
	@echo "              on http://127.0.0.1:8080 (DATABASE_URL, REDIS_URL; see README 'Production')"
	@echo "make prod-stop - stop a running 'make prod' from another terminal"
	@echo "make prod-manage CMD=... - a manage.py command in make prod's environment"

$(VENV)/.installed-base: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade --quiet pip
	$(PIP) install --quiet -e ".[dev]"
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed-base pyproject.toml
	$(PIP) install --quiet -e ".[test,dev]"
	touch $@

setup: $(VENV)/.installed-base
	$(MANAGE) compile_translations --verbosity 0
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_content --address "$(HOST):$(PORT)"

run: setup serve

# Serve the site and, beside it, the worker that delivers contact mail and the scheduler that
# runs the periodic jobs (scheduled publishing every minute, purges); both stop with runserver.
# The address printed is the one runserver listens on (HOST, PORT from the environment or
# the command line: `PORT=8010 make run`); admin e-mails link to it unless
# WAGTAILADMIN_BASE_URL is set.
serve: export WAGTAILADMIN_BASE_URL ?= $(SITE_URL)
serve:
	@echo "URBACT Slovenija: $(SITE_URL)/  (admin: $(SITE_URL)/admin/)"
	@$(MANAGE) db_worker --backend mail --queue-name '*' --interval 2 & worker=$$!; \
	$(MANAGE) run_scheduler & scheduler=$$!; \
	trap 'kill $$worker $$scheduler 2>/dev/null; wait' EXIT INT TERM; \
	$(MANAGE) runserver $(HOST):$(PORT)

# The suite runs on every core (pytest-xdist, a database per worker, whole files per worker,
# the longest first: tests/conftest.py), one worker per core (3 workers on 2 cores were no
# faster on clean-clone CI runs: 16-17 min against 15). PYTEST_WORKERS=0 runs it in one
# process.
PYTEST_WORKERS ?= auto
test: $(VENV)/.installed-test test-deps
	$(MANAGE) compile_translations --verbosity 0
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadfile --no-loadscope-reorder --durations=15 $(PYTEST_ARGS)

test-fast: $(VENV)/.installed-test
	$(MANAGE) compile_translations --verbosity 0
	$(PY) -m pytest -m "not browser" $(PYTEST_ARGS)

# The production stack (deploy/): the same processes and config files as docker-compose.yml.
prod: $(VENV)/.installed-base prod-deps
	$(PY) deploy/run_prod.py $(PROD_ARGS)

# A manage.py command in make prod's environment: make prod-manage CMD="createsuperuser"
prod-manage: $(VENV)/.installed-base
	$(PY) deploy/run_prod.py --manage $(CMD)

prod-stop:
	@test -f var/prod/run/stack.pid && kill -TERM $$(cat var/prod/run/stack.pid) \
		|| echo "make prod is not running"

# nginx with its cache-purge and brotli modules, envsubst and pg_dump, from apt when missing.
prod-deps:
	@sh deploy/install-nginx.sh

# The same for the test suite; without root (and without them) the production-stack tests skip.
test-deps:
	@sh deploy/install-nginx.sh || echo "nginx is missing: the production-stack tests will skip"

# Speed, weight and memory against BASE (default 2b32feb), side by side (tests/bench.py).
BASE ?= 2b32feb
bench: $(VENV)/.installed-test prod-deps
	@command -v wrk >/dev/null 2>&1 || { apt-get install -y -qq wrk >/dev/null 2>&1 \
		|| { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }; }
	$(MANAGE) compile_translations --verbosity 0
	$(PY) -m tests.bench --base $(BASE)

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(MANAGE) makemigrations --check --dry-run

format: $(VENV)/.installed-test
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: $(VENV)/.installed-base
	$(MANAGE) makemessages -l sl -l en --ignore=.venv --ignore=var --ignore=staticfiles --no-location
	$(MANAGE) compile_translations

clean:
	rm -rf $(VENV) staticfiles var .pytest_cache .ruff_cache
