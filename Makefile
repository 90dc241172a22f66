# Two-command quick start: `make demo`, `make test`. Everything else builds on these.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: demo test install install-test chromium lint bench eval clean

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
	@echo
	@echo "Read it in a browser:  $(BIN)/linimasa serve --db demo.db   (then open http://127.0.0.1:8000/)"

test: $(TEST_STAMP) chromium
	$(BIN)/python -m pytest
	$(BIN)/ruff check .

# The browser tests drive Debian's chromium through Playwright (never `playwright install`): install it
# when it is missing and we may (root, or password-less sudo, with apt-get); otherwise say so, and
# those tests skip with the same message.
chromium:
	@if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
	  sudo="sudo -n"; else sudo=none; fi; \
	if [ "$$sudo" = none ] || ! command -v apt-get >/dev/null 2>&1; then \
	  echo "make: chromium is not installed and cannot be (no apt-get, or not root): browser tests will be skipped"; \
	  exit 0; fi; \
	echo "make: installing chromium (Debian package) for the browser tests"; \
	{ $$sudo apt-get update -qq && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } \
	  >/tmp/linimasa-chromium-install.log 2>&1 \
	  || echo "make: installing chromium failed (see /tmp/linimasa-chromium-install.log): browser tests will be skipped"

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
	$(BIN)/python bench/api.py --json bench/results/api.json
	$(BIN)/python bench/hostile.py --json bench/results/hostile.json
	$(BIN)/python bench/extract.py --json bench/results/extract.json

# Scores of each stage on the public benchmarks in ../shared/data.
eval: $(STAMP)
	$(BIN)/linimasa eval clean
	$(BIN)/linimasa eval timex
	$(BIN)/linimasa eval ner
	$(BIN)/linimasa eval events

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info demo.db demo.json
