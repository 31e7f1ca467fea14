# Two commands on a fresh machine (see README):  make serve  |  make test
# Both create .venv and install pinned dependencies from this repository's files.

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip install --disable-pip-version-check -q -c constraints.txt
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test outputs matrix benchmark browser clean

serve: $(VENV)/.docs node_modules/.package-lock.json  ## both languages, rebuilt on change, on http://127.0.0.1:8000/cross-entropy-handbook/
	$(BIN)/mkdocs serve -a 127.0.0.1:8000

build: $(VENV)/.docs node_modules/.package-lock.json  ## the complete site, both languages, strictly, into site/
	$(BIN)/mkdocs build --strict

test: $(VENV)/.docs $(VENV)/.frameworks node_modules/.package-lock.json browser  ## everything CI runs
	$(BIN)/python -m pytest

outputs: $(VENV)/.docs $(VENV)/.frameworks  ## re-run every Python block of docs/ (both languages), rewrite its output fence
	UPDATE_OUTPUTS=1 $(BIN)/python -m pytest docs -q
	$(BIN)/python -m docs_src.frameworks.probes --write
	@git diff --stat -- docs/ docs_src/frameworks/cells.json || true

matrix: $(VENV)/.docs $(VENV)/.frameworks  ## re-run the framework matrix's probes, print changed cells, rewrite cells.json
	$(BIN)/python -m docs_src.frameworks.probes --write

benchmark: $(VENV)/.docs $(VENV)/.frameworks  ## speed and memory against PyTorch (not a test)
	env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE $(BIN)/python benchmarks/bench_losses.py

$(VENV)/.docs: requirements.txt constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) -r requirements.txt
	$(BIN)/python -m pip install --disable-pip-version-check -q --no-deps -e .  # snippets, importable everywhere
	touch $@

$(VENV)/.frameworks: requirements-frameworks.txt constraints.txt $(VENV)/.docs
	$(PIP) -r requirements-frameworks.txt
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

# Debian's chromium for the browser tests (tests/e2e); playwright never downloads a browser of its own. Noto CJK:
# Chinese text in the browser, and Chinese labels of figures drawn at build time (hooks/executed.py).
browser:
	@if ! command -v chromium >/dev/null || ! fc-list 2>/dev/null | grep -q "Noto Sans CJK"; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium fonts-noto-cjk; \
	  else \
	    echo "chromium is missing: sudo apt-get install chromium fonts-noto-cjk (the browser tests skip without it, except under CI=true)"; \
	  fi; \
	fi

clean:
	rm -rf $(VENV) node_modules site artifacts .cache
