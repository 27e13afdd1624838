# La Part Citoyenne — `make run` serves the site, `make test` runs the suite. Nothing else to install.
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

# A Python >= 3.12: the first on PATH, else one that pyenv has installed.
define FIND_PYTHON
for candidate in python3.13 python3.12 python3 python; do \
  if command -v $$candidate >/dev/null 2>&1 && $$candidate -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then \
    command -v $$candidate; exit 0; fi; \
done; \
if command -v pyenv >/dev/null 2>&1; then \
  for version in $$(pyenv versions --bare 2>/dev/null | sort -rV); do \
    candidate=$$(PYENV_VERSION=$$version pyenv which python 2>/dev/null) || continue; \
    if "$$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then \
      echo "$$candidate"; exit 0; fi; \
  done; \
fi; \
exit 1
endef

.PHONY: run test test-plugins example test-browser test-postgres test-topology prod bench install install-runtime migrate demo messages clean

# Two stamps: what running the site needs (make run), then the test tools on top (make test).
$(VENV)/.installed-runtime: pyproject.toml
	@if [ ! -x $(PY) ]; then \
	  python_bin=$$($(FIND_PYTHON)) || { echo "Python 3.12 or newer is required: install it (for example 'apt install python3.12' or 'pyenv install 3.12') and run make again." >&2; exit 1; }; \
	  echo "Creating $(VENV) with $$python_bin"; \
	  "$$python_bin" -m venv $(VENV); \
	fi
	@echo "Installing what the site needs to run (log: $(VENV)/install.log)"
	@$(PY) -m pip install --disable-pip-version-check --upgrade pip > $(VENV)/install.log 2>&1 && \
	$(PY) -m pip install --disable-pip-version-check -e . >> $(VENV)/install.log 2>&1 || \
	{ grep -v "^WARNING: Location" $(VENV)/install.log | tail -20; echo "Installing the dependencies failed." >&2; exit 1; }
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed-runtime
	@echo "Installing the test tools (log: $(VENV)/install.log)"
	@$(PY) -m pip install --disable-pip-version-check -e ".[test]" >> $(VENV)/install.log 2>&1 || \
	{ grep -v "^WARNING: Location" $(VENV)/install.log | tail -20; echo "Installing the test tools failed." >&2; exit 1; }
	@touch $@

install-runtime: $(VENV)/.installed-runtime
install: $(VENV)/.installed-test

migrate: install-runtime
	@$(PY) manage.py migrate --no-input -v 0

demo: migrate
	@$(PY) manage.py load_demo

# Links in e-mails and calendars sent without a request (tasks) point at SITE_URL: here, this server.
# DEBUG off: a resident trying the demo sees the site's French error pages (DEBUG=1 for Django's).
run: demo
	@echo "E-mails are written to files under $${EMAIL_FILE_PATH:-var/mail}/"
	@echo "La Part Citoyenne: http://$(HOST):$(PORT)/ (Ctrl-C stops it)"
	@DEBUG=$${DEBUG:-0} SITE_URL=$${SITE_URL:-http://$(HOST):$(PORT)} $(PY) manage.py serve $(HOST):$(PORT)

test: install
	@$(PY) manage.py check --fail-level WARNING -v 0
	@$(PY) manage.py makemigrations --check --dry-run -v 0
	@$(PY) -m pytest -m "not browser and not topology" $(PYTEST_ARGS)
	@$(MAKE) --no-print-directory test-plugins

# Each plugin in a foreign host of its own (tests/plugin_hosts/<plugin>.py): the frame, the plugin and
# only the apps it declares, on Django's own User, under the host's layout; its tests, and the host's.
PLUGINS := proposals comments councils surveys live moderation exports budgets
test-plugins: install
	@for plugin in $(PLUGINS); do \
	  echo "== participation.$$plugin in a host of its own"; \
	  $(PY) -m pytest -q -p no:cacheprovider --ds=tests.plugin_hosts.$$plugin -m "not browser" \
	    tests/participation/$$plugin tests/plugin_hosts/test_host.py $(PYTEST_ARGS) || exit 1; \
	done

# A foreign site mounting live rooms and questionnaires on its own pages (examples/host/README.md).
EXAMPLE_PORT ?= 8001
example: install-runtime
	@cd examples/host && ../../$(PY) manage.py migrate --no-input -v 0 && ../../$(PY) manage.py seed_example && \
	echo "The example host: http://$(HOST):$(EXAMPLE_PORT)/" && ../../$(PY) manage.py runserver $(HOST):$(EXAMPLE_PORT)

test-browser: install
	@$(PY) -m pytest -m browser $(PYTEST_ARGS)

test-postgres: install
	@DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/lapartcitoyenne} \
	REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/0} \
	$(PY) -m pytest -m "not browser and not topology" $(PYTEST_ARGS)

# The production topology started for real (tests/topology): nginx, granian, two uvicorn, the worker,
# a database <name>_topology of its own and its own Redis on port 9790. Installs Debian's nginx and
# redis-server when missing (as root, like .ci/run does Chromium).
test-topology: install
	@command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx >/dev/null; \
	    service nginx stop >/dev/null 2>&1 || true; }
	@command -v redis-server >/dev/null 2>&1 || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null; }
	@DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/lapartcitoyenne} \
	$(PY) -m pytest -m topology tests/topology $(PYTEST_ARGS)

# The production topology on this machine, in the foreground (README « Deploy », docs/deploy.md):
# settings from the environment or .env (.env.example), Ctrl-C stops it.
prod: install
	@$(PY) -m deploy.prod

bench: install
	@$(PY) -m bench

# Each app keeps its own French catalogue; the site's covers lapartcitoyenne/ and templates/.
APPS_WITH_MESSAGES := consultations $(wildcard participation/*/)
messages: install-runtime
	@for app in $(APPS_WITH_MESSAGES); do \
	  mkdir -p $$app/locale; \
	  (cd $$app && DJANGO_SETTINGS_MODULE=lapartcitoyenne.settings PYTHONPATH=$(CURDIR) \
	    $(CURDIR)/$(VENV)/bin/django-admin makemessages -l fr --no-obsolete -v 0); \
	done
	@$(PY) manage.py makemessages -l fr --no-obsolete -v 0 --ignore "$(VENV)/*" --ignore "var/*" \
	  --ignore "consultations/*" --ignore "participation/*" --ignore "tests/*"
	@$(PY) manage.py compilemessages -l fr -v 0 --ignore "$(VENV)/*"

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* var
