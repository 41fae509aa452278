# make demo: set up and run kg on the sample article; make test: set up and run every check.
.POSIX:
.PHONY: demo test venv

PYTHON = python3
VENV = .venv

venv:
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)

demo: venv
	$(VENV)/bin/pip install -q .
	$(VENV)/bin/kg demo

# pytest exits 5 when it collects no tests; that fails the target like any other non-zero status.
test: venv
	$(VENV)/bin/pip install -q -e '.[test]'
	command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium; }
	$(VENV)/bin/ruff check kg tests
	$(VENV)/bin/ruff format --check kg tests
	$(VENV)/bin/mypy
	$(VENV)/bin/pytest -q
