# Two commands on a fresh machine: `make run` and `make test`. Everything else is bootstrapped here:
# uv (pinned) in .state/bootstrap, the locked environment in .venv, Prefect's home in .state/prefect.
SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.9
STATE := $(CURDIR)/.state
UV := $(STATE)/bootstrap/bin/uv
VENV := $(CURDIR)/.venv
PY := $(VENV)/bin/python

export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
export PREFECT_HOME := $(STATE)/prefect
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS := 120
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export PREFECT_UI_ENABLED := false

.PHONY: env run test bench eval lint site clean-state

env: $(VENV)/.synced

$(UV):
	$(PYTHON) -m venv $(STATE)/bootstrap
	$(STATE)/bootstrap/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --python $(PYTHON)
	touch $@

run: env ## the whole pipeline on the bundled corpus (sources.yaml)
	$(PY) -m flows run

test: env ## the test suite (no network but loopback)
	$(PY) -m pytest

eval: env ## how extraction generalises, on ../shared/corpus (gold scores, coverage, consistency, work list)
	$(PY) -m evaluation

lint: env ## static checks (ruff: pyflakes, bugbear, import order)
	$(VENV)/bin/ruff check .

bench: env ## throughput benchmarks
	$(PY) bench/bench.py

site: env ## rebuild corpus/site from corpus/seeds
	$(PY) corpus/build_site.py

clean-state: ## forget the environment and Prefect state (raw/ and curated/ are kept)
	rm -rf $(VENV) $(STATE)
