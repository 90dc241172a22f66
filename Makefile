# Two-command quick start: `make demo`, `make test`. Everything else builds on these.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: demo test install install-test lint bench eval clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(TEST_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(STAMP)

install-test: $(TEST_STAMP)

demo: $(STAMP)
	$(BIN)/linimasa run --db demo.db --out demo.json

test: $(TEST_STAMP)
	$(BIN)/python -m pytest
	$(BIN)/ruff check .

lint: $(TEST_STAMP)
	$(BIN)/ruff check .

# Benchmarks read ../shared/data; each reports a ratio against a baseline measured in the same run.
bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python bench/clean.py
	$(BIN)/python bench/timex.py
	$(BIN)/python bench/entities.py
	$(BIN)/python bench/events.py --json bench/results/events.json
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/incremental.py --json bench/results/incremental.json
	$(BIN)/python bench/hostile.py --json bench/results/hostile.json

# Scores of each stage on the public benchmarks in ../shared/data.
eval: $(STAMP)
	$(BIN)/linimasa eval clean
	$(BIN)/linimasa eval timex
	$(BIN)/linimasa eval ner
	$(BIN)/linimasa eval events

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info demo.db demo.json
