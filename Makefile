# Two commands a newcomer needs: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test serve migrate samples install install-dev check-deploy bench clean

run: install migrate samples serve

test: install-dev
	$(BIN)/python -m pytest

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when a requirements file changes.
$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

migrate: install
	DEBUG=1 $(BIN)/python manage.py migrate --noinput

samples: install
	DEBUG=1 $(BIN)/python manage.py import_pages samples/

serve: install
	DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

check-deploy: install
	DEBUG=0 SECRET_KEY=$${SECRET_KEY:-check-deploy-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGH} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-films.example.org} $(BIN)/python manage.py check --deploy --fail-level WARNING

bench: install-dev
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) staticfiles test-artifacts .pytest_cache
