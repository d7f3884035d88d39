# The README's two commands. Each one creates or updates the local virtualenv (.venv) from
# pyproject.toml by itself, registers the project's Jupyter kernel, then does its job.
#
#   make run     run the main job: every notebook in notebooks/ on the bundled corpus -> outputs/<run>/
#   make test    run the test suite
#
# Variables: PYTHON (interpreter that creates the venv, default python3, must be >= 3.11),
# VENV (default .venv), ARGS (extra arguments for `reportlib run` or pytest).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.reportlib-installed
TEST_STAMP := $(VENV)/.reportlib-test-installed
KERNEL := reportlib

.PHONY: run test install clean

run: $(STAMP)
	$(BIN)/reportlib run $(ARGS)

test: $(TEST_STAMP)
	$(BIN)/python -m pytest $(ARGS)

install: $(STAMP)

# Rebuilt whenever pyproject.toml changes (new dependency, new version). `make run` installs the
# package and its dependencies only; `make test` adds the test extra on top.
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "reportlib needs Python >= 3.11; found " + sys.version.split()[0] + " (set PYTHON=python3.x)")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python (reportlib)"
	@touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --disable-pip-version-check -e ".[test]"
	@touch $(TEST_STAMP)

clean:
	rm -rf $(VENV) outputs .pytest_cache .hypothesis
