# The README's two commands are `make run` and `make test`. Each installs
# what it needs (scripts/setup-*.sh) on a fresh machine, then does its job.

CARGO ?= cargo
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: run test lint unit fuzz-build web-setup browser-setup web-build web-unit wasm-test e2e bench fit cv spark-test interop

## Build the browser app and serve it on http://127.0.0.1:8080 (Ctrl-C stops it).
run: web-setup
	trunk serve --release

## Every test and check, as CI runs them.
test: lint unit fuzz-build interop spark-test web-unit wasm-test e2e

lint:
	rustup component add rustfmt clippy >/dev/null 2>&1 || true
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --all-targets --locked -- -D warnings
	$(CARGO) clippy --no-default-features --features web --bin whichdata-web --locked -- -D warnings
	rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || true
	$(CARGO) clippy --no-default-features --features pdf-worker --bin whichdata-pdf-worker --target wasm32-unknown-unknown --locked -- -D warnings

## The library, the CLI and the registry.
unit:
	$(CARGO) test --locked

## The binary the Python tests run (`make test WHICHDATA_BIN=target/release/whichdata`
## for the release build), and the build that makes it.
WHICHDATA_BIN ?= target/debug/whichdata
BUILD_BIN = $(CARGO) build --locked $(if $(findstring release,$(WHICHDATA_BIN)),--release)

## The exports, read back by their own tools: Croissant by mlcroissant,
## DataCite and Scholix by JSON Schema (schemas/), the Scholix links over
## the study's corpora when ../shared/data has them.
interop:
	$(BUILD_BIN)
	./scripts/setup-python.sh
	WHICHDATA_BIN=$(WHICHDATA_BIN) WHICHDATA_DATA=$(SHARED) \
	  target/interop-venv/bin/python -W ignore::DeprecationWarning -m unittest -v tests/interop/test_exports.py

## The fuzz targets compile (the long runs are `cargo fuzz run`, see BENCHMARKS.md).
fuzz-build:
	$(CARGO) build --locked --manifest-path fuzz/Cargo.toml

## The labelled cases the model is fitted on: the study's coded papers and
## passages (kept outside the repository, in the study's data folder) and the
## project's own (data/). The holdout files are never fitted on.
SHARED ?= ../shared/data
FIT_FILES = $(SHARED)/dev-cases.jsonl $(SHARED)/dev-passages.jsonl data/passages/train.jsonl data/near-misses/train.jsonl

## Refit the decision model: writes model/weights.json and model/FIT.md.
fit:
	$(CARGO) run --release --locked -- fit $(FIT_FILES) --out model/weights.json --report model/FIT.md

## Cross-validated scores of the fitting procedure on the same files.
cv:
	$(CARGO) run --release --locked -- eval --cv 5 $(FIT_FILES)

## Benchmarks: measure and print (see BENCHMARKS.md); not part of `test`.
bench:
	$(CARGO) bench --bench engine
	./scripts/bench-batch.sh 25

## `whichdata batch` as a map-only Spark job in local[2], in both forms that
## BENCHMARKS.md gives; needs Java 17 and PySpark (scripts/setup-spark.sh
## installs them). About a minute with the debug build, so part of `test`;
## `make spark-test WHICHDATA_BIN=target/release/whichdata` for the figures.
SPARK_PYTHON = $(CURDIR)/target/spark-venv/bin/python
spark-test:
	$(BUILD_BIN)
	./scripts/setup-spark.sh
	WHICHDATA_BIN=$(WHICHDATA_BIN) SPARK_LOCAL_IP=127.0.0.1 PYSPARK_PYTHON=$(SPARK_PYTHON) \
	  $(SPARK_PYTHON) -m unittest -v tests/interop/test_spark.py

web-setup:
	./scripts/setup-web.sh

browser-setup:
	./scripts/setup-browser.sh

## dist/: the static site.
web-build: web-setup
	trunk build --release

## The web app's state and reducer, natively.
web-unit:
	$(CARGO) test --locked --no-default-features --features web --bin whichdata-web

## The JavaScript API, compiled to wasm, in headless Chromium.
wasm-test: web-setup browser-setup
	CHROMEDRIVER=/usr/bin/chromedriver \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	$(CARGO) test --locked --target wasm32-unknown-unknown --no-default-features --features web --bin whichdata-web

## The built page in headless Chromium: paste, links, reload, XSS, registry errors, network.
e2e: web-build browser-setup
	node --test e2e/
