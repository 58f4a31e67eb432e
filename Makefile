# The README's two commands: `make run` serves the portal, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test lint bench messages screenshots clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else "Python 3.12 or newer is needed (see README).")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

run: $(VENV)/.installed
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py migrate --no-input
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py load_demo
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py collectstatic --no-input --verbosity 0
	@echo "\nThe portal is at http://127.0.0.1:$(PORT)/ (Ctrl+C stops it).\n"
	DEBUG=$${DEBUG:-true} $(BIN)/gunicorn ovhportal.wsgi --bind 127.0.0.1:$(PORT) --workers 2 --worker-class gthread --threads 8 \
		--access-logfile - --access-logformat '%(h)s %(t)s "%(m)s %(U)s" %(s)s %(b)s %(L)ss'

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	OVHPORTAL_TESTING=1 $(BIN)/python manage.py makemigrations --check --dry-run

test: lint
	OVHPORTAL_TESTING=1 $(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.installed
	@command -v wrk >/dev/null || [ "$$(id -u)" != 0 ] || apt-get install -y -qq wrk >/dev/null
	OVHPORTAL_TESTING=1 $(BIN)/python -m benchmarks

screenshots: $(VENV)/.installed
	OVHPORTAL_TESTING=1 $(BIN)/python scripts/screenshots.py

messages: $(VENV)/.installed
	OVHPORTAL_TESTING=1 $(BIN)/python manage.py makemessages -l fr -l en --ignore=.venv --ignore=tests --ignore=benchmarks --ignore=build --no-obsolete
	OVHPORTAL_TESTING=1 $(BIN)/python manage.py french_typography
	OVHPORTAL_TESTING=1 $(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 .pytest_cache .ruff_cache
