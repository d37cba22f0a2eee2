# newsstream — every set-up step lives here, so that a fresh clone needs only `make run` or `make test`.
# Needs: Python 3.11+, Java 17+, Maven (for the local Kafka jars). No Docker.

PYTHON      ?= python3
VENV        ?= .venv
PY          := $(VENV)/bin/python
KAFKA       := devtools/kafka/kafka.sh
export KAFKA_BOOTSTRAP ?= 127.0.0.1:9092

.PHONY: help install kafka-jars kafka kafka-stop kafka-reset run worker test test-unit lint bench bench-stream faults lock \
        chromium audit clean

help:
	@echo "make run         local Kafka + worker (web view on http://127.0.0.1:6066) + sample articles + output"
	@echo "make test        install everything the tests need and run the whole suite (Kafka included)"
	@echo "make kafka       start the local broker in the background (kafka-stop, kafka-reset)"
	@echo "make lint        ruff;  make bench: benchmark figures;  make audit: pip-audit"
	@echo "make faults      kill -9, broker restart, scale-out, exactly-once and hostile-input tests (~15 min)"

$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e ".[dev]"
	touch $@

install: $(VENV)/.installed

kafka-jars:
	$(KAFKA) jars

kafka:
	$(KAFKA) start

kafka-stop:
	$(KAFKA) stop

kafka-reset:
	$(KAFKA) reset

run: install
	devtools/run.sh

worker: install
	$(VENV)/bin/newsstream worker -l info

lint: install
	$(VENV)/bin/ruff check streams tests bench scripts devtools

test-unit: install
	$(PY) -m pytest -m "not kafka and not browser and not faults" -q

# The suite starts its own broker on a free port (tests/conftest.py) unless NEWSSTREAM_TEST_BOOTSTRAP names one.
test: install kafka-jars chromium lint
	$(PY) -m pytest -q -m "not faults"

# Fault injection on the real broker (tests/faults, docs/reliability.md): the summary table is printed at the end.
faults: install kafka-jars
	mkdir -p artifacts && rm -f artifacts/faults.jsonl
	NEWSSTREAM_FAULTS_REPORT=artifacts/faults.jsonl $(PY) -m pytest -q -m faults; status=$$?; \
	  $(PY) -m bench.reliability --from artifacts/faults.jsonl; exit $$status

bench: install
	$(PY) -m pip install --quiet -c requirements.lock -e ".[dev,bench]"
	$(PY) -m bench.quality

# The stream on the local broker beside a Faust passthrough agent (bench/stream.py; BENCH_STREAM_FLAGS=--rss
# adds the 100k-article memory run).
bench-stream: install kafka-jars
	$(KAFKA) start
	$(PY) -m bench.stream $(BENCH_STREAM_FLAGS)

chromium:
	@(command -v chromium >/dev/null && fc-list 2>/dev/null | grep -qi "noto sans cjk") || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null)

# Known vulnerabilities in the locked dependencies; packages the advisory service cannot be asked about are
# reported as NOT AUDITED (AUDIT_FLAGS=--strict makes that an error).
audit: install
	$(PY) devtools/audit.py $(AUDIT_FLAGS)

# Re-pin requirements.lock from a fresh environment with the runtime and dev dependencies.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv && .lock-venv/bin/pip install --quiet -e ".[dev]"
	{ sed -n '1,2p' requirements.lock; .lock-venv/bin/pip freeze --exclude-editable; } > requirements.lock.new
	mv requirements.lock.new requirements.lock && rm -rf .lock-venv

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build *.egg-info
