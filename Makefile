# Chorus: `make` lists the targets. The two set-up commands are `make run` and `make test`.
.DEFAULT_GOAL := help
SHELL := /bin/bash

VENV ?= .venv
PYTHON := $(VENV)/bin/python
MANAGE := $(PYTHON) manage.py
PORT ?= 8000
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | md5sum | cut -c1-12)

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	@test -x $(PYTHON) || python3.11 -m venv $(VENV) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -c constraints.txt -e ".[dev]"
	@rm -f $(VENV)/.installed-*; touch $@

install: $(STAMP) ## Create .venv and install Chorus with its development tools

run: export DJANGO_DEBUG ?= 1
run: export WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)
run: install ## Install, migrate, load the demo and serve on http://127.0.0.1:$(PORT)
	@mkdir -p data
	$(MANAGE) migrate --no-input
	$(MANAGE) compilemessages_polib
	$(MANAGE) collectstatic --no-input --verbosity 0
	$(MANAGE) load_demo --once
	@echo "  Digests due now, printed here rather than sent (the demo employee chose a weekly one):"
	$(MANAGE) send_digests
	@echo
	@echo "  Chorus is starting on http://127.0.0.1:$(PORT)/ (French: /fr/, English: /en/, admin: /admin/)"
	@echo "  Log in with one of the demo accounts listed above (before the digest). Stop with Ctrl+C."
	@echo
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# The browser tests' Chromium is found, or installed once (chorus_site.browser), unless
# PYTEST_ARGS leaves them out (-m "not e2e").
test: install ## Run the whole test suite, browser tests included (DATABASE_URL=… for PostgreSQL)
	@chromium=$$($(if $(findstring not e2e,$(PYTEST_ARGS)),true,$(PYTHON) -m chorus_site.browser)) && \
		CHROMIUM_PATH="$$chromium" $(VENV)/bin/pytest $(PYTEST_ARGS)

lint: install ## Ruff, templates, Django checks, migrations, messages, bandit, pip-audit
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	git ls-files '*.html' | xargs $(VENV)/bin/djhtml --check
	DJANGO_DEBUG=1 $(MANAGE) check
	DJANGO_DEBUG=1 $(MANAGE) makemigrations --check --dry-run
	DJANGO_DEBUG=1 $(MANAGE) compilemessages_polib --check
	$(VENV)/bin/bandit -q -r site home stories guides referents -x '*/migrations/*,tests'
	$(PYTHON) -m chorus_site.audit

format: install ## Format Python and templates in place
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	git ls-files '*.html' | xargs $(VENV)/bin/djhtml

messages: install ## Extract UI strings to locale/ and compile them
	DJANGO_DEBUG=1 $(MANAGE) makemessages -l fr -l en --ignore=.venv --ignore=static --ignore=tests
	DJANGO_DEBUG=1 $(MANAGE) compilemessages_polib

bench: install ## Measure speed, queries and page weight (see README)
	$(PYTHON) -m chorus_site.bench
	$(PYTHON) -m chorus_site.bench_digests

cluster: install ## Two app hosts on their own PostgreSQL and Redis, checked over HTTP (see README)
	$(PYTHON) -m chorus_site.cluster

clean: ## Remove the virtualenv, collected static files and the local database
	rm -rf $(VENV) static data/*.sqlite3 data/media

.PHONY: help install run test lint format messages bench cluster clean
