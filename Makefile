# cwguard: `make run` serves the scoring service, `make test` runs every test.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
CHROMIUM ?= /usr/bin/chromium

MODEL := service/cwguard/model/message-model.bin
MODEL_INPUTS := $(wildcard tests/service/data/*.jsonl corpus/train/*.jsonl service/cwguard/model/*.py) \
	service/cwguard/engine/normalize.py

.PHONY: run test test-deps lint eval bench load extension screenshots clean model

$(VENV)/.run-installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml $(VENV)/.run-installed
	$(PIP) install -q -e '.[test]'
	touch $@

node_modules/.installed: package.json
	npm install --no-audit --no-fund --silent
	touch $@

# The message model: trained from the labelled corpora (deterministic, a few minutes), retrained
# when a corpus or the model code changes.
$(MODEL): $(VENV)/.run-installed $(MODEL_INPUTS)
	$(PY) -m cwguard.training

model: $(VENV)/.run-installed
	$(PY) -m cwguard.training

run: $(VENV)/.run-installed $(MODEL)
	$(VENV)/bin/cwguard serve

test-deps: $(VENV)/.test-installed node_modules/.installed $(MODEL)
	bash scripts/ensure-browser.sh

lint: $(VENV)/.test-installed
	$(VENV)/bin/ruff check service tests bench scripts

test: test-deps lint
	node --test tests/extension/unit/
	$(VENV)/bin/pytest -q tests

eval: $(VENV)/.run-installed $(MODEL)
	$(PY) scripts/evaluate.py

bench: test-deps
	$(PY) bench/run.py

load: $(VENV)/.run-installed
	$(PY) bench/load.py

extension:
	bash scripts/build-extension.sh

screenshots: test-deps
	$(PY) scripts/screenshots.py

clean:
	rm -rf $(VENV) node_modules dist
